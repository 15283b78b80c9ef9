import { Controller, Get, HttpCode, Param, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { ApiError, forbidden } from '../common/api-error';
import { ApiErrorResponses } from '../common/openapi';
import { SingleFileUpload } from '../common/upload';
import { AuthUser, CurrentUser, hasRole } from '../common/current-user';
import { PlansService } from './plans.service';
import { ImportPlanQueryDto } from './dto/import-plan-query.dto';
import { TaskFilterDto } from './dto/task-filter.dto';

/** A plan document is text: 5 MB is far above the largest real one (the An Lão plan is 30 kB). */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

@ApiTags('plans')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 413, 503)
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.plans.list(user);
  }

  @Post('import')
  @ApiCreatedResponse({ description: '{ planId, taskCount, groups, year, title, warnings }' })
  @ApiErrorResponses(409, 422)
  @ApiConsumes('text/plain', 'multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(SingleFileUpload('file', MAX_PLAN_BYTES, 'Tệp kế hoạch'))
  async import(@CurrentUser() user: AuthUser, @Req() req: Request, @Query() query: ImportPlanQueryDto, @UploadedFile() file?: Express.Multer.File) {
    if (!hasRole(user, 'COORDINATOR', 'ADMIN')) throw forbidden('Chỉ cán bộ đầu mối CCHC hoặc quản trị mới được nhập kế hoạch.');
    // A file (Word, Excel or text: told by its content), or the plan's text itself.
    const bytes = file ? file.buffer : typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : null;
    if (bytes === null) throw new ApiError('VALIDATION', 'Hãy gửi nội dung kế hoạch dạng văn bản (text/plain) hoặc tệp trong trường "file".');
    return this.plans.import(user, bytes, query.year);
  }

  @Post(':planId/activate')
  @HttpCode(200)
  activate(@CurrentUser() user: AuthUser, @Param('planId') planId: string) {
    if (!hasRole(user, 'COORDINATOR', 'ADMIN')) throw forbidden('Chỉ cán bộ đầu mối CCHC hoặc quản trị mới được kích hoạt kế hoạch.');
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
