import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';
import { InboxService } from './inbox.service';
import { BulkApproveDto } from './dto/bulk-approve.dto';

@ApiTags('inbox')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 413, 503)
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.inbox.list(user);
  }

  @Post('bulk-approve')
  @HttpCode(200)
  bulkApprove(@CurrentUser() user: AuthUser, @Body() dto: BulkApproveDto) {
    return this.inbox.bulkApprove(user, [...new Set(dto.taskIds)], dto.comment);
  }
}
