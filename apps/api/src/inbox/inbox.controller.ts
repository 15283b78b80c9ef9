import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../common/current-user';
import { TasksService } from '../tasks/tasks.service';
import { ApiErrorResponses } from '../common/openapi';
import { InboxService } from './inbox.service';
import { BulkApproveDto } from './dto/bulk-approve.dto';

@ApiTags('inbox')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 413, 503)
@Controller('inbox')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly tasks: TasksService,
  ) {}

  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.inbox.list(user);
  }

  /** "Đã trình / Đã xử lý": what I sent or decided, and where each task is now. */
  @Get('handled')
  handled(@CurrentUser() user: AuthUser) {
    return this.tasks.handled(user);
  }

  @Post('bulk-approve')
  @HttpCode(200)
  bulkApprove(@CurrentUser() user: AuthUser, @Body() dto: BulkApproveDto) {
    // The same item twice in one request is one decision.
    const items = [...new Map(dto.items.map((i) => [`${i.taskId} ${i.stepId}`, i])).values()];
    return this.inbox.bulkApprove(user, items, dto.comment);
  }
}
