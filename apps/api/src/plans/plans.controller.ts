import { Controller, Get, HttpCode, Param, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { ApiErrorResponses } from '../common/openapi';
import { SingleFileUpload } from '../common/upload';
import { AuthUser, CurrentUser } from '../common/current-user';
import { PlansService } from './plans.service';
import { ImportPlanQueryDto } from './dto/import-plan-query.dto';
import { TaskFilterDto } from './dto/task-filter.dto';
import { MAX_PLAN_BYTES, planFileBytes, requirePlanManager } from './plan-file';


const IMPORTERS_ONLY = 'Chỉ cán bộ đầu mối CCHC hoặc quản trị mới được nhập kế hoạch.';
const FILE_BODY = { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } };

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

  /** The plan file as read (units resolved or unknown, deadlines as written and as read, warnings); writes nothing. */
  @Post('import/preview')
  @HttpCode(200)
  @ApiOkResponse({ description: 'PlanPreview: { format, title, year, groups, tasks, warnings, unknownUnits, existing }' })
  @ApiErrorResponses(422)
  @ApiConsumes('multipart/form-data', 'text/plain')
  @ApiBody(FILE_BODY)
  @UseInterceptors(SingleFileUpload('file', MAX_PLAN_BYTES, 'Tệp kế hoạch'))
  preview(@CurrentUser() user: AuthUser, @Req() req: Request, @Query() query: ImportPlanQueryDto, @UploadedFile() file?: Express.Multer.File) {
    requirePlanManager(user, IMPORTERS_ONLY);
    return this.plans.preview(user, planFileBytes(req, file), query.year);
  }

  @Post('import')
  @ApiCreatedResponse({ description: '{ planId, taskCount, groups, year, title, warnings }' })
  @ApiErrorResponses(409, 422)
  @ApiConsumes('text/plain', 'multipart/form-data')
  @ApiBody(FILE_BODY)
  @UseInterceptors(SingleFileUpload('file', MAX_PLAN_BYTES, 'Tệp kế hoạch'))
  import(@CurrentUser() user: AuthUser, @Req() req: Request, @Query() query: ImportPlanQueryDto, @UploadedFile() file?: Express.Multer.File) {
    requirePlanManager(user, IMPORTERS_ONLY);
    return this.plans.import(user, planFileBytes(req, file), query.year);
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
