import { Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { DataSource } from 'typeorm';
import {
  reopenReportUpdate,
  reportWorkflowId,
  reportDecideUpdate,
  saveReportDraftUpdate,
  saveUnitInputUpdate,
  sendReportUpdate,
  submitReportUpdate,
  submitUnitInputUpdate,
  startSearchAttributes,
  TASK_QUEUE,
  type ReportDraftContent,
  type ReportPeriod,
  type ReportSnapshot,
  type TaskAction,
  type UnitCode,
  type UnitInputContent,
} from '@app/contracts';
import {
  allowedActions,
  authorize,
  draftProblems,
  dueState,
  emptyUnitInput,
  figuresOf,
  PERIOD_LABELS,
  periodText,
  tasksOfUnit,
  unitInputProblems,
  type Target,
} from '@app/domain';
import { renderCommuneReport } from '@app/documents';
import { ReadModel, REPORT_SCHEDULED, ReportFiles, ReportOpenings, type ReportRow } from '@app/persistence';
import { ApiError, invalid, notFound, validation } from '../common/api-error';
import { AuthUser } from '../common/current-user';
import { TemporalService, WorkflowRefusal } from '../temporal/temporal.service';
import { TasksService } from '../tasks/tasks.service';
import type { ViewContext } from '../tasks/task.view';

const NOT_FOUND = 'Không tìm thấy báo cáo.';
const NOT_OPEN = 'Báo cáo kỳ này chưa được mở: cán bộ đầu mối CCHC mở báo cáo trước.';
const REVIEW_KINDS = ['VHXH_REVIEW', 'CHAIRMAN_REVIEW'];

/**
 * The periodic reports: every human action is checked by the approval policy on the stored snapshot (the workflow
 * asks the same policy again), then sent to the report's workflow as an Update. Texts (unit inputs, drafts) are
 * stored first and recorded by id. The content is aggregated from the read model on each read.
 */
@Injectable()
export class ReportsService {
  private readonly files: ReportFiles;
  private readonly openings: ReportOpenings;

  constructor(
    private readonly readModel: ReadModel,
    private readonly temporal: TemporalService,
    private readonly tasks: TasksService,
    ds: DataSource,
  ) {
    this.files = new ReportFiles(ds);
    this.openings = new ReportOpenings(ds);
  }

  /** A report of the caller's commune; another commune's report is NOT_FOUND. */
  async load(user: AuthUser, reportId: string): Promise<ReportRow> {
    const row = await this.readModel.reports.find(user.commune, reportId);
    if (!row) throw notFound(NOT_FOUND);
    return row;
  }

  private snapshotOf(row: ReportRow): ReportSnapshot {
    if (!row.snapshot) throw new ApiError('STEP_CLOSED', NOT_OPEN);
    return row.snapshot;
  }

  private permit(row: ReportRow, ctx: ViewContext, action: TaskAction, target: Target) {
    const verdict = authorize(this.snapshotOf(row), ctx.actor, action, target, ctx.today);
    if (!verdict.ok) throw new ApiError(verdict.code, verdict.message);
    return verdict;
  }

  private update<I>(row: ReportRow, def: UpdateDefinition<ReportSnapshot, [I]>, input: I): Promise<ReportSnapshot> {
    return this.temporal.update(row.workflow_id, def, input);
  }

  /** The report after an action: the row with the snapshot the update returned, shown as GET shows it. */
  private async after(user: AuthUser, row: ReportRow, snapshot: ReportSnapshot) {
    return this.view(user, { ...row, snapshot, status: snapshot.status, last_seq: snapshot.seq });
  }

  private summary(row: ReportRow, ctx: ViewContext, unitNames: Record<string, string>) {
    const s = row.snapshot;
    return {
      id: row.id,
      planId: row.plan_id,
      year: row.year,
      period: row.period,
      periodLabel: PERIOD_LABELS[row.period],
      periodText: periodText(row.period, row.year),
      status: row.status,
      opensAt: row.opens_at,
      inputDueAt: row.input_due_at,
      dueAt: row.due_at,
      // A period not opened (one already past when the plan was activated) is not late: nothing was asked yet.
      dueState: row.status === 'SUBMITTED' || row.status === REPORT_SCHEDULED ? null : dueState(row.due_at, ctx.today, ctx.calendar, ctx.dueSoonWorkingDays),
      workflowId: row.workflow_id,
      unitInputs: (s?.units ?? []).map((u) => ({ unit: u.unit, unitName: unitNames[u.unit] ?? u.unit, status: u.status, dueAt: s!.inputDueAt })),
      submission: s?.submission ?? null,
    };
  }

  private async unitNames(commune: string): Promise<Record<string, string>> {
    return Object.fromEntries((await this.readModel.units.list(commune)).map((u) => [u.code, u.name]));
  }

  /** The plan's periods (their rows ensured from the schedule), each with its state and dates. */
  async list(user: AuthUser, planId?: string) {
    const plan = planId ? await this.readModel.plans.find(user.commune, planId) : ((await this.readModel.plans.list(user.commune))[0] ?? null);
    if (!plan) {
      if (planId) throw notFound('Không tìm thấy kế hoạch.');
      return [];
    }
    const ctx = await this.tasks.context(user);
    await this.openings.of({ commune: user.commune, planId: plan.id, year: plan.year }, ctx.calendar);
    const [rows, names] = await Promise.all([this.readModel.reports.listByPlan(user.commune, plan.id), this.unitNames(user.commune)]);
    return rows.map((r) => this.summary(r, ctx, names));
  }

  /** Opens a period's report now (the plan workflow would at its lead time); twice is harmless. */
  async open(user: AuthUser, planId: string, period: ReportPeriod) {
    const plan = await this.readModel.plans.find(user.commune, planId);
    if (!plan) throw notFound('Không tìm thấy kế hoạch.');
    const ctx = await this.tasks.context(user);
    const [opening] = await this.openings.of({ commune: user.commune, planId, year: plan.year, only: period }, ctx.calendar);
    if (!opening) throw validation(`Kỳ báo cáo ${PERIOD_LABELS[period]} không có trong cài đặt báo cáo của xã.`);
    let alreadyOpen = false;
    try {
      await this.temporal.client.workflow.start('reportWorkflow', {
        taskQueue: this.temporal.config.taskQueue ?? TASK_QUEUE,
        workflowId: reportWorkflowId(user.commune, plan.year, period),
        args: [opening.workflow],
        // As the plan workflow opens it: found in Temporal's list by commune, year, kind and status.
        typedSearchAttributes: startSearchAttributes({ commune: user.commune, year: plan.year, kind: 'report' }),
      });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      alreadyOpen = true;
    }
    const row = await this.waitForFirstState(user, opening.workflow.reportId);
    return { ...(await this.view(user, row)), alreadyOpen };
  }

  /** The workflow writes its first state at once; the answer waits for it (a few hundred milliseconds). */
  private async waitForFirstState(user: AuthUser, reportId: string): Promise<ReportRow> {
    for (let i = 0; i < 50; i += 1) {
      const row = await this.load(user, reportId);
      if (row.snapshot) return row;
      await new Promise((r) => setTimeout(r, 100));
    }
    return this.load(user, reportId);
  }

  async get(user: AuthUser, reportId: string) {
    return this.view(user, await this.load(user, reportId));
  }

  private async view(user: AuthUser, row: ReportRow) {
    const ctx = await this.tasks.context(user);
    const [names, sources, trail] = await Promise.all([this.unitNames(user.commune), this.files.inputs(row, ctx.today), this.readModel.trail.reportHistory(row.id)]);
    const s = row.snapshot;
    return {
      ...this.summary(row, ctx, names),
      allowedActions: s ? allowedActions(s, ctx.actor, ctx.today) : [],
      canOpen: !s && (ctx.actor.roles.includes('COORDINATOR') || ctx.actor.roles.includes('ADMIN')),
      openSteps: (s?.openSteps ?? []).map((step) => ({
        stepId: step.stepId,
        kind: step.kind,
        unit: step.unit,
        unitName: step.unit ? (names[step.unit] ?? step.unit) : null,
        assignee: step.assignee,
        dueAt: step.dueAt,
        dueState: dueState(step.dueAt, ctx.today, ctx.calendar, ctx.dueSoonWorkingDays),
        escalationLevel: step.escalationLevel,
      })),
      lastReturn: s?.lastReturn ?? null,
      reopenings: s?.reopenings ?? [],
      communeName: sources.facts.communeName,
      departmentName: sources.facts.departmentName,
      departmentEmail: sources.facts.departmentEmail,
      content: sources.content,
      draft: sources.draft,
      draftPrefilled: sources.prefilled,
      draftVersion: s?.draft.version ?? 0,
      history: trail.map((e) => ({
        seq: e.seq,
        at: e.at,
        type: e.type,
        actor: e.actor_id ? { id: e.actor_id, fullName: e.actor_name } : null,
        role: e.role,
        onBehalfOf: e.on_behalf_of_id ? { id: e.on_behalf_of_id, fullName: e.on_behalf_of_name } : null,
        comment: e.comment,
        data: e.data,
      })),
    };
  }

  // ---- unit inputs ----

  private requireUnit(row: ReportRow, unit: UnitCode) {
    const entry = this.snapshotOf(row).units.find((u) => u.unit === unit);
    if (!entry) throw notFound('Đơn vị này không được đề nghị gửi số liệu cho báo cáo kỳ này.');
    return entry;
  }

  /** A unit's input: its tasks prefilled from the read model, its figures, its stored text (or an empty one). */
  async input(user: AuthUser, reportId: string, unit: UnitCode) {
    const row = await this.load(user, reportId);
    const entry = this.requireUnit(row, unit);
    const ctx = await this.tasks.context(user);
    const [sources, names, last] = await Promise.all([this.files.inputs(row, ctx.today), this.unitNames(user.commune), this.readModel.contents.lastDraftsOfPlan(row.commune, row.plan_id)]);
    const lines = sources.content.groups.flatMap((g) => g.tasks.map((t) => ({ ...t, groupCode: g.code })));
    const own = tasksOfUnit(lines, unit);
    const view = sources.content.unitInputs.find((u) => u.unit === unit);
    const actions = allowedActions(row.snapshot!, ctx.actor, ctx.today).filter((a) => {
      if (!['saveInput', 'submitInput', 'approve', 'return'].includes(a)) return false;
      return authorize(row.snapshot!, ctx.actor, a, { unit }, ctx.today).ok;
    });
    return {
      reportId: row.id,
      period: row.period,
      year: row.year,
      periodText: sources.content.periodText,
      window: sources.content.window,
      asOf: sources.content.asOf,
      unit,
      unitName: names[unit] ?? unit,
      status: entry.status,
      version: entry.version,
      dueAt: row.snapshot!.inputDueAt,
      drafter: entry.drafter,
      approvedBy: entry.approvedBy,
      returnReason: entry.returnReason,
      allowedActions: actions,
      content: view?.content ?? emptyUnitInput(lines, unit),
      tasks: own.map((t) => ({
        taskId: t.taskId,
        number: t.number,
        groupCode: t.groupCode,
        content: t.content,
        deadlineRaw: t.deadlineRaw,
        originalDueAt: t.originalDueAt,
        dueAt: t.dueAt,
        statusWord: t.statusWord,
        completedOn: t.completedOn,
        product: t.product,
        lastProgress: last.get(t.taskId) ?? null,
      })),
      figures: figuresOf(unit).map((f) => ({ key: f.key, label: f.label, measure: f.measure, counted: f.counted ?? null, partOf: f.partOf ?? null })),
    };
  }

  async saveInput(user: AuthUser, reportId: string, unit: UnitCode, body: UnitInputContent) {
    const [row, ctx] = await Promise.all([this.load(user, reportId), this.tasks.context(user)]);
    this.requireUnit(row, unit);
    this.permit(row, ctx, 'saveInput', { unit });
    const sources = await this.files.inputs(row, ctx.today);
    const lines = sources.content.groups.flatMap((g) => g.tasks);
    const input: UnitInputContent = { narrative: body.narrative, taskProgress: body.taskProgress, figures: body.figures ?? {} };
    const problems = unitInputProblems(unit, input, lines);
    if (problems.length) throw invalid(problems);
    const ref = await this.readModel.contents.storeForReport({ reportId: row.id, commune: row.commune, kind: 'REPORT_INPUT', content: JSON.stringify(input), author: ctx.actor });
    try {
      await this.update(row, saveUnitInputUpdate, { actor: ctx.actor, unit, input: ref });
    } catch (e) {
      if (e instanceof WorkflowRefusal) await this.readModel.contents.discardRefused(ref.id);
      throw e;
    }
    return this.input(user, reportId, unit);
  }

  async submitInput(user: AuthUser, reportId: string, unit: UnitCode, note?: string) {
    const [row, ctx] = await Promise.all([this.load(user, reportId), this.tasks.context(user)]);
    this.requireUnit(row, unit);
    const verdict = this.permit(row, ctx, 'submitInput', { unit });
    await this.update(row, submitUnitInputUpdate, { actor: ctx.actor, unit, stepId: verdict.step?.stepId, note: note?.trim() || undefined });
    return this.input(user, reportId, unit);
  }

  /** The unit head's decision on his unit's input (its UNIT_REVIEW step). */
  async decideInput(user: AuthUser, reportId: string, unit: UnitCode, decision: 'approve' | 'return', comment?: string) {
    if (decision === 'return' && !comment?.trim()) throw validation('Phải ghi lý do khi trả lại báo cáo của đơn vị.');
    const [row, ctx] = await Promise.all([this.load(user, reportId), this.tasks.context(user)]);
    this.requireUnit(row, unit);
    const step = this.snapshotOf(row).openSteps.find((s) => s.kind === 'UNIT_REVIEW' && s.unit === unit);
    const verdict = this.permit(row, ctx, decision, step ? { stepId: step.stepId } : { unit });
    await this.update(row, reportDecideUpdate, { actor: ctx.actor, stepId: verdict.step!.stepId, decision, comment: comment?.trim() || undefined });
    return this.input(user, reportId, unit);
  }

  // ---- the commune's report ----

  async saveDraft(user: AuthUser, reportId: string, draft: ReportDraftContent) {
    const [row, ctx] = await Promise.all([this.load(user, reportId), this.tasks.context(user)]);
    this.permit(row, ctx, 'saveReportDraft', {});
    const problems = draftProblems(draft);
    if (problems.length) throw invalid(problems);
    const ref = await this.readModel.contents.storeForReport({ reportId: row.id, commune: row.commune, kind: 'REPORT_DRAFT', content: JSON.stringify({ sections: draft.sections }), author: ctx.actor });
    try {
      return this.after(user, row, await this.update(row, saveReportDraftUpdate, { actor: ctx.actor, draft: ref }));
    } catch (e) {
      if (e instanceof WorkflowRefusal) await this.readModel.contents.discardRefused(ref.id);
      throw e;
    }
  }

  async submit(user: AuthUser, reportId: string, note?: string) {
    const [row, ctx] = await Promise.all([this.load(user, reportId), this.tasks.context(user)]);
    const verdict = this.permit(row, ctx, 'submitReport', {});
    return this.after(user, row, await this.update(row, submitReportUpdate, { actor: ctx.actor, stepId: verdict.step?.stepId, note: note?.trim() || undefined }));
  }

  /** Phòng VH-XH's head, then the Chairman (or his delegate): the report's review steps, as for tasks. */
  async decide(user: AuthUser, reportId: string, decision: 'approve' | 'return', comment?: string) {
    if (decision === 'return' && !comment?.trim()) throw validation('Phải ghi lý do khi trả lại dự thảo báo cáo.');
    const [row, ctx] = await Promise.all([this.load(user, reportId), this.tasks.context(user)]);
    const step = this.snapshotOf(row).openSteps.find((s) => REVIEW_KINDS.includes(s.kind));
    if (!step) throw new ApiError('STEP_CLOSED', 'Báo cáo không ở bước chờ duyệt.');
    const verdict = this.permit(row, ctx, decision, { stepId: step.stepId });
    return this.after(user, row, await this.update(row, reportDecideUpdate, { actor: ctx.actor, stepId: verdict.step!.stepId, decision, comment: comment?.trim() || undefined }));
  }

  /** E-mails both files to Sở Nội vụ; the workflow records the submission (time, who, Message-ID). */
  async send(user: AuthUser, reportId: string) {
    const [row, ctx] = await Promise.all([this.load(user, reportId), this.tasks.context(user)]);
    this.permit(row, ctx, 'sendReport', {});
    const sources = await this.files.inputs(row, ctx.today);
    if (!sources.facts.departmentEmail) {
      throw new ApiError('CONFLICT', 'Chưa có địa chỉ thư điện tử của Sở Nội vụ: quản trị viên nhập địa chỉ tại Cài đặt › Báo cáo trước khi gửi.');
    }
    return this.after(user, row, await this.update(row, sendReportUpdate, { actor: ctx.actor }));
  }

  async reopen(user: AuthUser, reportId: string, reason: string) {
    if (!reason?.trim()) throw validation('Phải ghi lý do mở lại báo cáo (ý kiến của Sở Nội vụ).');
    const [row, ctx] = await Promise.all([this.load(user, reportId), this.tasks.context(user)]);
    this.permit(row, ctx, 'reopenReport', {});
    return this.after(user, row, await this.update(row, reopenReportUpdate, { actor: ctx.actor, reason: reason.trim() }));
  }

  /** Both files, generated from the report's current content (any member of the commune may read them). */
  async documents(user: AuthUser, reportId: string) {
    const row = await this.load(user, reportId);
    const ctx = await this.tasks.context(user);
    if (row.status === REPORT_SCHEDULED) throw new ApiError('STEP_CLOSED', NOT_OPEN);
    return renderCommuneReport(await this.files.inputs(row, ctx.today));
  }
}
