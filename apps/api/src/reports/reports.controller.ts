import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { communeDate } from '@app/domain';
import { DOCX_MIME, XLSX_MIME } from '@app/documents';
import { ReadModel } from '@app/persistence';
import { ApiErrorResponses } from '../common/openapi';
import { AuthUser, CurrentUser } from '../common/current-user';
import { requirePlanManager } from '../plans/plan-file';
import { PlansService } from '../plans/plans.service';
import { boardWorkbook } from './board-export';
import { NoteDto, OpenReportDto, ReopenDto, ReportDecisionDto, ReportDraftDto, ReportListQueryDto, UnitInputDto } from './dto/report.dto';
import { ReportsService } from './reports.service';

/** `attachment` with the name as written (RFC 5987) and an ASCII fallback. */
function disposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const UNIT = /^[A-Za-z0-9_-]{1,32}$/;
const unitParam = (unit: string) => (UNIT.test(unit) ? unit : '—');

@ApiTags('reports')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 409, 503)
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly plans: PlansService,
    private readonly readModel: ReadModel,
  ) {}

  @Get('reports')
  @ApiOkResponse({ description: '[{ id, planId, period, status, inputDueAt, dueAt, unitInputs: [{ unit, status, dueAt }], submission }]' })
  list(@CurrentUser() user: AuthUser, @Query() query: ReportListQueryDto) {
    return this.reports.list(user, query.planId);
  }

  @Post('plans/:planId/reports')
  @ApiCreatedResponse({ description: 'The report, opened now (twice is harmless: alreadyOpen)' })
  open(@CurrentUser() user: AuthUser, @Param('planId') planId: string, @Body() body: OpenReportDto) {
    requirePlanManager(user, 'Chỉ cán bộ đầu mối CCHC hoặc quản trị mới được mở báo cáo.');
    return this.reports.open(user, planId, body.period);
  }

  /** The board as an Excel workbook: the same rows and status words as GET /plans/{id}/tasks. */
  @Get('plans/:planId/tasks.xlsx')
  @ApiProduces(XLSX_MIME)
  async boardXlsx(@CurrentUser() user: AuthUser, @Param('planId') planId: string, @Res() res: Response) {
    const [tasks, plan, commune] = await Promise.all([
      this.plans.taskList(user, planId, {}),
      this.readModel.plans.find(user.commune, planId),
      this.readModel.communes.find(user.commune),
    ]);
    const today = communeDate(Date.now());
    const buffer = await boardWorkbook({ communeName: commune?.name ?? user.commune, year: plan!.year, today, tasks });
    res.setHeader('Content-Type', XLSX_MIME);
    res.setHeader('Content-Disposition', disposition(`theo-doi-ke-hoach-cchc-${plan!.year}-${today}.xlsx`));
    res.send(buffer);
  }

  @Get('reports/:id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.reports.get(user, id);
  }

  @Get('reports/:id/inputs/:unit')
  input(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('unit') unit: string) {
    return this.reports.input(user, id, unitParam(unit));
  }

  @Put('reports/:id/inputs/:unit')
  saveInput(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('unit') unit: string, @Body() body: UnitInputDto) {
    return this.reports.saveInput(user, id, unitParam(unit), body);
  }

  @Post('reports/:id/inputs/:unit/submit')
  @HttpCode(200)
  submitInput(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('unit') unit: string, @Body() body: NoteDto) {
    return this.reports.submitInput(user, id, unitParam(unit), body.note);
  }

  @Post('reports/:id/inputs/:unit/decision')
  @HttpCode(200)
  decideInput(@CurrentUser() user: AuthUser, @Param('id') id: string, @Param('unit') unit: string, @Body() body: ReportDecisionDto) {
    return this.reports.decideInput(user, id, unitParam(unit), body.decision, body.comment);
  }

  @Put('reports/:id/draft')
  saveDraft(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: ReportDraftDto) {
    return this.reports.saveDraft(user, id, body);
  }

  @Post('reports/:id/submit')
  @HttpCode(200)
  submit(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: NoteDto) {
    return this.reports.submit(user, id, body.note);
  }

  @Post('reports/:id/decision')
  @HttpCode(200)
  decide(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: ReportDecisionDto) {
    return this.reports.decide(user, id, body.decision, body.comment);
  }

  @Post('reports/:id/submission')
  @HttpCode(200)
  send(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.reports.send(user, id);
  }

  @Post('reports/:id/reopen')
  @HttpCode(200)
  reopen(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: ReopenDto) {
    return this.reports.reopen(user, id, body.reason);
  }

  @Get('reports/:id/document.docx')
  @ApiProduces(DOCX_MIME)
  async docx(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response) {
    const files = await this.reports.documents(user, id);
    res.setHeader('Content-Type', DOCX_MIME);
    res.setHeader('Content-Disposition', disposition(files.docxName));
    res.send(files.docx);
  }

  @Get('reports/:id/appendix.xlsx')
  @ApiProduces(XLSX_MIME)
  async xlsx(@CurrentUser() user: AuthUser, @Param('id') id: string, @Res() res: Response) {
    const files = await this.reports.documents(user, id);
    res.setHeader('Content-Type', XLSX_MIME);
    res.setHeader('Content-Disposition', disposition(files.xlsxName));
    res.send(files.xlsx);
  }
}
