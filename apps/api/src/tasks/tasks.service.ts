import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { createHash, randomUUID } from 'crypto';
import {
  Actor,
  addAttachmentUpdate,
  assignUpdate,
  contributeUpdate,
  decideExtensionUpdate,
  decideUpdate,
  requestContributionsUpdate,
  requestExtensionUpdate,
  saveDraftUpdate,
  setLeadUnitsUpdate,
  setScheduleUpdate,
  submitUpdate,
  TaskAction,
  TaskSnapshot,
  UnitCode,
  workflowListQuery,
} from '@app/contracts';
import { authorize, communeDate, dueSoonWorkingDays, type Target } from '@app/domain';
import { ReadModel, TaskRow } from '@app/persistence';
import { ApiError, notFound, validation } from '../common/api-error';
import { AuthUser } from '../common/current-user';
import { TemporalService, toApiError, WorkflowRefusal } from '../temporal/temporal.service';
import { toTask, toTaskDetail, ViewContext } from './task.view';


/**
 * Every human action on a task: the approval policy is asked first on the read model's snapshot (the same policy the
 * workflow asks again inside its validator), then the action goes to the task's workflow as an Update, and the answer
 * is built from the snapshot the update returned — no second read.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly readModel: ReadModel,
    private readonly temporal: TemporalService,
  ) {}

  /** A task of the caller's commune; another commune's task is NOT_FOUND, never FORBIDDEN. */
  async load(user: AuthUser, taskId: string): Promise<TaskRow> {
    const row = await this.readModel.tasks.find(user.commune, taskId);
    if (!row) throw notFound('Không tìm thấy nhiệm vụ.');
    return row;
  }

  /** The actor the policy and the workflow see: the session's user, with the delegation loaded with it. */
  actor(user: AuthUser): Actor {
    const { id, fullName, commune, unit, roles, delegation } = user;
    return { id, fullName, commune, unit, roles, ...(delegation ? { delegation } : {}) };
  }

  /** Who acts, the commune's today, and its deadline rules (calendar and due-soon window): one read per call. */
  async context(user: AuthUser, today = communeDate(Date.now())): Promise<ViewContext> {
    const rules = await this.readModel.deadlineRules.of(user.commune, today);
    return { actor: this.actor(user), today, calendar: rules.calendar, dueSoonWorkingDays: dueSoonWorkingDays(rules.settings) };
  }

  /** The task and the caller's context, read side by side: one round trip of waiting, not two. */
  private loadWithContext(user: AuthUser, taskId: string): Promise<[TaskRow, ViewContext]> {
    return Promise.all([this.load(user, taskId), this.context(user)]);
  }

  /**
   * The server's check before the workflow's own: the approval policy on the stored snapshot. Returns the step the
   * action applies to (its id goes to the workflow, so a double click is caught there too).
   */
  private permit(row: TaskRow, ctx: ViewContext, action: TaskAction, target: Target) {
    if (!row.snapshot) throw new ApiError('STEP_CLOSED', 'Nhiệm vụ chưa được kích hoạt: hãy kích hoạt kế hoạch trước.');
    const verdict = authorize(row.snapshot, ctx.actor, action, target, ctx.today);
    if (!verdict.ok) throw new ApiError(verdict.code, verdict.message);
    return verdict;
  }

  private firstPermitted(row: TaskRow, ctx: ViewContext, actions: TaskAction[], target: Target) {
    for (const action of actions.slice(0, -1)) {
      if (row.snapshot && authorize(row.snapshot, ctx.actor, action, target, ctx.today).ok) return this.permit(row, ctx, action, target);
    }
    return this.permit(row, ctx, actions[actions.length - 1], target);
  }

  /** Sends a human action to the task's workflow; it returns once the read model shows the result. */
  private update<I>(row: TaskRow, def: UpdateDefinition<TaskSnapshot, [I]>, input: I): Promise<TaskSnapshot> {
    return this.temporal.update(row.workflow_id, def, input);
  }

  private async act<I>(
    user: AuthUser,
    taskId: string,
    action: TaskAction,
    target: Target,
    def: UpdateDefinition<TaskSnapshot, [I]>,
    input: (actor: Actor, stepId: string | undefined) => I,
  ) {
    const [row, ctx] = await this.loadWithContext(user, taskId);
    const verdict = this.permit(row, ctx, action, target);
    const snapshot = await this.update(row, def, input(ctx.actor, verdict.step?.stepId));
    return toTaskDetail(row, ctx, snapshot);
  }

  async get(user: AuthUser, taskId: string) {
    const row = await this.load(user, taskId);
    const [ctx, drafts, attachments] = await Promise.all([
      this.context(user),
      this.readModel.contents.draftVersions(row.id),
      this.readModel.attachments.linked(row.id),
    ]);
    const detail = toTaskDetail(row, ctx);
    const ids = detail.contributions.flatMap((c) => (c.contentId ? [c.contentId] : []));
    const texts = await this.readModel.contents.texts(row.id, ids);
    return {
      ...detail,
      contributions: detail.contributions.map((c) => ({ ...c, content: c.content ?? (c.contentId ? (texts.get(c.contentId) ?? null) : null) })),
      drafts: drafts.map((d) => ({
        version: d.version,
        cycle: d.cycle,
        unit: d.unit_code,
        content: d.content,
        author: { id: d.author_id, fullName: d.author_name },
        createdAt: d.created_at,
      })),
      attachments: attachments.map((a) => ({
        id: a.id,
        name: a.name,
        mimeType: a.mime_type,
        size: a.size,
        sha256: a.sha256,
        uploadedBy: { id: a.uploaded_by_id, fullName: a.uploaded_by_name },
        createdAt: a.created_at,
      })),
      // The list of the task's runs (one per cycle), filtered by the search attributes every workflow carries.
      temporalUiUrl: this.temporal.config.temporalUiUrl
        ? `${this.temporal.config.temporalUiUrl}/namespaces/${this.temporal.config.temporalNamespace}/workflows?query=${encodeURIComponent(
            workflowListQuery({ commune: row.commune, year: row.year, kind: 'task', taskNumber: row.number }),
          )}`
        : null,
    };
  }

  /** Assigns an ASSIGN step, or reassigns a part being drafted (its DRAFT step): the unit head's two moves. */
  async assign(user: AuthUser, taskId: string, assigneeId: string, stepId?: string, note?: string) {
    const [row, ctx] = await this.loadWithContext(user, taskId);
    const named = row.snapshot?.openSteps.find((s) => s.stepId === stepId);
    // With the step the page showed, its kind says which move; without it, whichever the policy allows.
    const verdict = named
      ? this.permit(row, ctx, named.kind === 'DRAFT' ? 'reassign' : 'assign', { stepId })
      : this.firstPermitted(row, ctx, ['assign', 'reassign'], { stepId });
    const person = await this.readModel.users.activeInCommune(user.commune, assigneeId);
    if (!person) throw notFound('Không tìm thấy cán bộ được giao.');
    if (person.unit_code !== verdict.step!.unit) throw validation('Chỉ giao nhiệm vụ cho cán bộ thuộc đơn vị chủ trì.');
    const snapshot = await this.update(row, assignUpdate, {
      actor: ctx.actor,
      stepId: verdict.step!.stepId,
      assignee: { id: person.id, fullName: person.full_name, unit: person.unit_code, roles: person.roles },
      ...(note?.trim() ? { note: note.trim() } : {}),
    });
    return toTaskDetail(row, ctx, snapshot);
  }

  /** The text is stored first; the workflow records its id. A version the workflow refused leaves no text behind. */
  async saveDraft(user: AuthUser, taskId: string, content: string) {
    const [row, ctx] = await this.loadWithContext(user, taskId);
    this.permit(row, ctx, 'saveDraft', {});
    const ref = await this.readModel.contents.store({ taskId: row.id, commune: row.commune, kind: 'DRAFT', content, author: ctx.actor });
    try {
      return toTaskDetail(row, ctx, await this.update(row, saveDraftUpdate, { actor: ctx.actor, draft: ref }));
    } catch (e) {
      if (e instanceof WorkflowRefusal) await this.readModel.contents.discardRefused(ref.id);
      throw e;
    }
  }

  submit(user: AuthUser, taskId: string, note?: string, stepId?: string) {
    return this.act(user, taskId, 'submit', { stepId }, submitUpdate, (actor, step) => ({ actor, stepId: step!, note }));
  }

  decide(user: AuthUser, taskId: string, decision: 'approve' | 'return', comment?: string, stepId?: string) {
    if (decision === 'return' && !comment?.trim()) throw validation('Phải ghi lý do khi trả lại dự thảo.');
    return this.act(user, taskId, decision, { stepId }, decideUpdate, (actor, step) => ({
      actor,
      stepId: step!,
      decision,
      comment: comment?.trim() || undefined,
    }));
  }

  requestContributions(user: AuthUser, taskId: string, requests: { unit: UnitCode; dueAt: string | null }[]) {
    return this.act(user, taskId, 'requestContributions', {}, requestContributionsUpdate, (actor) => ({ actor, requests }));
  }

  async contribute(user: AuthUser, taskId: string, unit: UnitCode, content: string) {
    const [row, ctx] = await this.loadWithContext(user, taskId);
    this.permit(row, ctx, 'contribute', { unit });
    const ref = await this.readModel.contents.store({ taskId: row.id, commune: row.commune, kind: 'CONTRIBUTION', content, author: ctx.actor });
    try {
      return toTaskDetail(row, ctx, await this.update(row, contributeUpdate, { actor: ctx.actor, unit, contribution: ref }));
    } catch (e) {
      if (e instanceof WorkflowRefusal) await this.readModel.contents.discardRefused(ref.id);
      throw e;
    }
  }

  setSchedule(user: AuthUser, taskId: string, dueDates: string[]) {
    return this.act(user, taskId, 'setSchedule', {}, setScheduleUpdate, (actor) => ({ actor, dueDates: [...dueDates].sort() }));
  }

  async setLeadUnits(user: AuthUser, taskId: string, units: UnitCode[]) {
    const known = await this.readModel.units.internalCodes(user.commune);
    const unknown = units.filter((u) => !known.includes(u));
    if (unknown.length) throw validation(`Đơn vị ${unknown.join(', ')} không có trong danh sách đơn vị của xã.`);
    return this.act(user, taskId, 'setLeadUnit', {}, setLeadUnitsUpdate, (actor) => ({ actor, units }));
  }

  /** The holder (or his unit head) asks for a new date with a reason: the task's, or a contribution's (STEP). */
  requestExtension(user: AuthUser, taskId: string, body: { newDueAt: string; reason: string; scope?: 'TASK' | 'STEP'; stepId?: string }) {
    return this.act(user, taskId, 'requestExtension', { stepId: body.stepId }, requestExtensionUpdate, (actor, stepId) => ({
      actor,
      scope: body.scope ?? 'TASK',
      stepId,
      newDueAt: body.newDueAt,
      reason: body.reason.trim(),
    }));
  }

  /** The Chairman (or his delegate) decides on the task's date, the unit head on a contribution's. */
  async decideExtension(user: AuthUser, taskId: string, decision: 'approve' | 'reject', comment?: string) {
    const [row, ctx] = await this.loadWithContext(user, taskId);
    this.permit(row, ctx, 'decideExtension', {});
    const pending = row.snapshot!.extensions.find((e) => e.status === 'PENDING');
    if (!pending) throw new ApiError('STEP_CLOSED', 'Không có đề nghị gia hạn nào đang chờ quyết định.');
    const snapshot = await this.update(row, decideExtensionUpdate, {
      actor: ctx.actor,
      extensionId: pending.extensionId,
      decision,
      ...(comment?.trim() ? { comment: comment.trim() } : {}),
    });
    return toTaskDetail(row, ctx, snapshot);
  }

  /**
   * Stores the file (size and sha256 kept) before the workflow records it. It is deleted only when the workflow
   * refused it by its rules; after any other failure the workflow may already have recorded it, so it stays.
   */
  async addAttachment(user: AuthUser, taskId: string, file: { originalname: string; mimetype: string; buffer: Buffer }) {
    const [row, ctx] = await this.loadWithContext(user, taskId);
    this.permit(row, ctx, 'addAttachment', {});
    const id = randomUUID();
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
    await this.readModel.attachments.store({
      id,
      taskId: row.id,
      commune: row.commune,
      name,
      mimeType: file.mimetype || 'application/octet-stream',
      content: file.buffer,
      sha256,
      uploadedBy: ctx.actor,
    });
    try {
      await this.update(row, addAttachmentUpdate, { actor: ctx.actor, attachment: { id, name, size: file.buffer.length, sha256 } });
    } catch (e) {
      if (e instanceof WorkflowRefusal) await this.readModel.attachments.discardRefused(id);
      throw e;
    }
    return { id, name, size: file.buffer.length, sha256 };
  }

  async attachmentContent(user: AuthUser, taskId: string, attachmentId: string) {
    const row = await this.load(user, taskId);
    const file = await this.readModel.attachments.content(row.id, attachmentId);
    if (!file) throw notFound('Không tìm thấy tệp đính kèm.');
    return file;
  }

  async history(user: AuthUser, taskId: string) {
    const row = await this.load(user, taskId);
    const rows = await this.readModel.trail.history(row.id);
    return rows.map((e) => ({
      seq: e.seq,
      at: e.at,
      type: e.type,
      actor: e.actor_id ? { id: e.actor_id, fullName: e.actor_name } : null,
      onBehalfOf: e.on_behalf_of_id ? { id: e.on_behalf_of_id, fullName: e.on_behalf_of_name } : undefined,
      role: e.role,
      comment: e.comment ?? undefined,
      from: e.from_status ?? undefined,
      to: e.to_status ?? undefined,
      data: e.data ?? undefined,
    }));
  }

  /** Tasks whose drafting step is mine: assigned to me, or returned to me with the reason on top. */
  async mine(user: AuthUser) {
    const [rows, ctx] = await Promise.all([this.readModel.tasks.draftingBy(user.commune, user.id), this.context(user)]);
    return rows.map((r) => {
      const part = r.snapshot?.parts.find((p) => p.assignee?.id === user.id);
      return { ...toTask(r, ctx), returnReason: part?.returnReason ?? null, lastReturn: r.snapshot?.lastReturn ?? null, myRole: 'ASSIGNEE' as const };
    });
  }

  /** "Đã trình / Đã xử lý": what I sent or decided, and where each task is now. */
  async handled(user: AuthUser) {
    const [rows, ctx] = await Promise.all([this.readModel.tasks.handledBy(user.commune, user.id), this.context(user)]);
    return rows.map((r) => ({ ...toTask(r, ctx), lastAction: r.last_action }));
  }
}
