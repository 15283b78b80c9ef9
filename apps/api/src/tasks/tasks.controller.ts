import { Body, Controller, Get, HttpCode, Param, Post, Put, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { maxAttachmentBytes } from '@app/config';
import { ApiError } from '../common/api-error';
import { CONTROL_CHARACTERS } from '../common/clean-text';
import { ApiErrorResponses } from '../common/openapi';
import { AuthUser, CurrentUser } from '../common/current-user';
import { TasksService } from './tasks.service';
import { AssignDto, ContributeDto, ContributionRequestDto, DecisionDto, DraftDto, LeadUnitsDto, ScheduleDto, SubmitDto } from './dto/task-actions.dto';

const MAX_ATTACHMENT_BYTES = maxAttachmentBytes();

/** `attachment` with the name as written (RFC 5987) and an ASCII fallback for old clients. */
function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('tasks')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 413, 503)
@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get('my/tasks')
  mine(@CurrentUser() user: AuthUser) {
    return this.tasks.mine(user);
  }

  @Get('tasks/:taskId')
  get(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string) {
    return this.tasks.get(user, taskId);
  }

  @Post('tasks/:taskId/assign')
  @HttpCode(200)
  assign(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @Body() dto: AssignDto) {
    return this.tasks.assign(user, taskId, dto.assigneeId, dto.stepId, dto.note);
  }

  @Put('tasks/:taskId/draft')
  saveDraft(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @Body() dto: DraftDto) {
    return this.tasks.saveDraft(user, taskId, dto.content);
  }

  @Post('tasks/:taskId/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  addAttachment(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @UploadedFile() file?: Express.Multer.File) {
    if (!file) throw new ApiError('VALIDATION', 'Hãy chọn một tệp để tải lên (trường "file").');
    if (CONTROL_CHARACTERS.test(file.originalname)) throw new ApiError('VALIDATION', 'Tên tệp chứa ký tự điều khiển không được phép.');
    return this.tasks.addAttachment(user, taskId, file);
  }

  @Get('tasks/:taskId/attachments/:attachmentId')
  async download(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @Param('attachmentId') id: string, @Res() res: Response) {
    const a = await this.tasks.attachmentContent(user, taskId, id);
    // Never the uploader's type: an "image/svg+xml" or "text/html" file served as such would run its script in our
    // origin with the reader's session. The browser saves the bytes under their name instead of showing them.
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', contentDisposition(a.name));
    res.send(a.content);
  }

  @Post('tasks/:taskId/submit')
  @HttpCode(200)
  submit(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @Body() dto: SubmitDto) {
    return this.tasks.submit(user, taskId, dto.note, dto.stepId);
  }

  @Post('tasks/:taskId/decision')
  @HttpCode(200)
  decide(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @Body() dto: DecisionDto) {
    return this.tasks.decide(user, taskId, dto.decision, dto.comment, dto.stepId);
  }

  @Post('tasks/:taskId/contributions/request')
  @HttpCode(200)
  requestContributions(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @Body() dto: ContributionRequestDto) {
    return this.tasks.requestContributions(user, taskId, dto.requests.map((r) => ({ unit: r.unit, dueAt: r.dueAt?.slice(0, 10) ?? null })));
  }

  @Post('tasks/:taskId/contributions')
  @HttpCode(200)
  contribute(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @Body() dto: ContributeDto) {
    return this.tasks.contribute(user, taskId, dto.unit, dto.content);
  }

  @Put('tasks/:taskId/schedule')
  setSchedule(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @Body() dto: ScheduleDto) {
    return this.tasks.setSchedule(user, taskId, dto.dueDates.map((d) => d.slice(0, 10)));
  }

  /** The coordinator names the lead unit(s) of a task the plan gave none. */
  @Put('tasks/:taskId/lead-units')
  setLeadUnits(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string, @Body() dto: LeadUnitsDto) {
    return this.tasks.setLeadUnits(user, taskId, [...new Set(dto.units)]);
  }

  @Get('tasks/:taskId/history')
  history(@CurrentUser() user: AuthUser, @Param('taskId') taskId: string) {
    return this.tasks.history(user, taskId);
  }
}
