import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { AuthUser, CurrentUser } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';
import { SingleFileUpload } from '../common/upload';
import { MAX_PLAN_BYTES, planFileBytes } from '../plans/plan-file';
import { AmendmentsService } from './amendments.service';
import { PlanAmendmentDto, TaskAmendmentDto } from './dto/amendment.dto';

const FILE_BODY = { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } };
const FILE_AND_DECISION = {
  schema: {
    type: 'object',
    required: ['file', 'decision'],
    properties: { file: { type: 'string', format: 'binary' }, decision: { type: 'string', example: 'Quyết định số 45/QĐ-UBND ngày 10/11/2026' } },
  },
};

/** Amendments to an active plan: COORDINATOR or ADMIN. */
@ApiTags('amendments')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 413, 422, 503)
@Controller()
export class AmendmentsController {
  constructor(private readonly amendments: AmendmentsService) {}

  /** The difference a revised plan file makes to the active plan (added, changed with which fields, withdrawn). */
  @Post('plans/:planId/amendments/preview')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @UseInterceptors(SingleFileUpload('file', MAX_PLAN_BYTES, 'Tệp kế hoạch'))
  preview(@CurrentUser() user: AuthUser, @Param('planId') planId: string, @Req() req: Request, @UploadedFile() file?: Express.Multer.File) {
    return this.amendments.preview(user, planId, planFileBytes(req, file));
  }

  /** Applies the revised plan file under the decision that amends the plan. */
  @Post('plans/:planId/amendments')
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_AND_DECISION)
  @UseInterceptors(SingleFileUpload('file', MAX_PLAN_BYTES, 'Tệp kế hoạch'))
  apply(
    @CurrentUser() user: AuthUser,
    @Param('planId') planId: string,
    @Req() req: Request,
    @Body() dto: PlanAmendmentDto,
    @UploadedFile() file?: Express.Multer.File,
  ) {
    return this.amendments.apply(user, planId, planFileBytes(req, file), dto.decision);
  }

  /** What the plan's amendments changed, oldest first (append-only). */
  @Get('plans/:planId/amendments')
  list(@CurrentUser() user: AuthUser, @Param('planId') planId: string) {
    return this.amendments.list(user, planId);
  }

  /** One task edited on the board (content, product, deadline) or withdrawn, under a decision. */
  @Put('tasks/:taskId/amendment')
  amendTask(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @Body() dto: TaskAmendmentDto) {
    return this.amendments.amendTask(user, taskId, dto);
  }

  /** What amendments changed in this task, oldest first. */
  @Get('tasks/:taskId/amendments')
  forTask(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string) {
    return this.amendments.forTask(user, taskId);
  }
}
