import { Controller, Get, HttpCode, Param, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { AuthUser, CurrentUser } from '../common/current-user';
import { MAX_PLAN_BYTES, planFileBytes, requirePlanManager } from './plan-file';
import { PlansService } from './plans.service';
import { TaskFilterDto } from './dto/task-filter.dto';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.plans.list(user);
  }

  /** The plan file as read (units resolved or unknown, deadlines as written and as read, warnings); writes nothing. */
  @Post('import/preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data', 'text/plain')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PLAN_BYTES } }))
  preview(@CurrentUser() user: AuthUser, @Req() req: Request, @UploadedFile() file?: Express.Multer.File) {
    requirePlanManager(user, 'Chỉ cán bộ đầu mối CCHC hoặc quản trị mới được nhập kế hoạch.');
    return this.plans.preview(user, planFileBytes(req, file));
  }

  @Post('import')
  @ApiConsumes('multipart/form-data', 'text/plain')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PLAN_BYTES } }))
  import(@CurrentUser() user: AuthUser, @Req() req: Request, @UploadedFile() file?: Express.Multer.File) {
    requirePlanManager(user, 'Chỉ cán bộ đầu mối CCHC hoặc quản trị mới được nhập kế hoạch.');
    return this.plans.import(user, planFileBytes(req, file));
  }

  @Post(':planId/activate')
  @HttpCode(200)
  activate(@CurrentUser() user: AuthUser, @Param('planId') planId: string) {
    requirePlanManager(user, 'Chỉ cán bộ đầu mối CCHC hoặc quản trị mới được kích hoạt kế hoạch.');
    return this.plans.activate(user, planId);
  }

  @Get(':planId/state')
  state(@CurrentUser() user: AuthUser, @Param('planId') planId: string) {
    return this.plans.state(user, planId);
  }

  @Get(':planId/tasks')
  tasks(@CurrentUser() user: AuthUser, @Param('planId') planId: string, @Query() filter: TaskFilterDto) {
    return this.plans.taskList(user, planId, filter);
  }
}
