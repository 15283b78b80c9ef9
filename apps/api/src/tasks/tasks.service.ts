import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import {
  Actor,
  addAttachmentUpdate,
  assignUpdate,
  contributeUpdate,
  decideUpdate,
  requestContributionsUpdate,
  saveDraftUpdate,
  setScheduleUpdate,
  StepKind,
  submitUpdate,
  TaskSnapshot,
  UnitCode,
} from '@app/contracts';
import { ApiError, notFound, validation } from '../common/api-error';
import { AuthUser, hasRole } from '../common/current-user';
import { DelegationsService } from '../delegations/delegations.service';
import { TemporalService, toApiError } from '../temporal/temporal.service';
import { findStep } from './step-access';
import { TASK_SELECT, TaskRow, toTask } from './task.mapper';

const PROBLEM_MESSAGES = {
  STEP_CLOSED: 'Bước này đã được xử lý hoặc đã đóng.',
  NOT_YOUR_STEP: 'Bước này không thuộc quyền xử lý của bạn.',
  SELF_APPROVAL: 'Người soạn thảo không được tự phê duyệt dự thảo của mình.',
} as const;


@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalService,
    private readonly delegations: DelegationsService,
  ) {}

  /** A task of the caller's commune; another commune's task is NOT_FOUND, never FORBIDDEN. */
  async load(user: AuthUser, taskId: string): Promise<TaskRow> {
    const rows: TaskRow[] = await this.ds.query(`${TASK_SELECT} WHERE t.id::text = $1 AND t.commune = $2`, [taskId, user.commune]);
    if (!rows[0]) throw notFound('Không tìm thấy nhiệm vụ.');
    return rows[0];
  }

  private snapshotOf(row: TaskRow): TaskSnapshot {
    if (!row.snapshot) throw new ApiError('STEP_CLOSED', 'Nhiệm vụ chưa được kích hoạt: hãy kích hoạt kế hoạch trước.');
    return row.snapshot;
  }

  async actor(user: AuthUser): Promise<Actor> {
    const delegation = await this.delegations.activeFor(user);
    return { id: user.id, fullName: user.fullName, commune: user.commune, unit: user.unit, roles: user.roles, ...(delegation ? { delegation } : {}) };
  }

  /** Checks on the server what the workflow will check again, so the common mistakes answer fast and clearly. */
  private async access(user: AuthUser, row: TaskRow, kinds: StepKind[], stepId?: string) {
    const actor = await this.actor(user);
    const found = findStep(this.snapshotOf(row), user, kinds, stepId, actor.delegation);
    if ('problem' in found) throw new ApiError(found.problem, PROBLEM_MESSAGES[found.problem]);
    return { actor, step: found.step };
  }

  /** Sends a human action to the task's workflow; it returns once the read model shows the result. */
  private async update<T>(row: TaskRow, def: any, input: T): Promise<TaskSnapshot> {
    try {
      return await this.temporal.client.workflow.getHandle(row.workflow_id).executeUpdate(def, { args: [input] });
    } catch (e) {
      throw toApiError(e);
    }
  }

  async get(user: AuthUser, taskId: string) {
    const row = await this.load(user, taskId);
    const [drafts, attachments] = await Promise.all([
      this.ds.query(
        `SELECT version, unit_code, content, author_id, author_name, created_at, cycle FROM draft_versions
         WHERE task_id = $1 ORDER BY cycle DESC, created_at DESC, version DESC`,
        [row.id],
      ),
      this.ds.query(
        `SELECT id, name, mime_type, size, sha256, uploaded_by_id, uploaded_by_name, created_at FROM attachments
         WHERE task_id = $1 AND linked ORDER BY created_at`,
        [row.id],
      ),
    ]);
    const s = row.snapshot;
    return {
      ...toTask(row),
      drafts: drafts.map((d: any) => ({
        version: d.version,
        cycle: d.cycle,
        unit: d.unit_code,
        content: d.content,
        author: { id: d.author_id, fullName: d.author_name },
        createdAt: d.created_at,
      })),
      attachments: attachments.map((a: any) => ({
        id: a.id,
        name: a.name,
        mimeType: a.mime_type,
        size: a.size,
        sha256: a.sha256,
        uploadedBy: { id: a.uploaded_by_id, fullName: a.uploaded_by_name },
        createdAt: a.created_at,
      })),
      steps: s?.openSteps ?? [],
      parts: s?.parts ?? [],
      contributions: s?.contributions ?? [],
      lastReturnReason: s?.lastReturnReason ?? null,
      temporalUiUrl: this.temporal.config.temporalUiUrl
        ? `${this.temporal.config.temporalUiUrl}/namespaces/${this.temporal.config.temporalNamespace}/workflows/${encodeURIComponent(row.workflow_id)}`
        : null,
    };
  }

  async assign(user: AuthUser, taskId: string, assigneeId: string, stepId?: string) {
    const row = await this.load(user, taskId);
    const { actor, step } = await this.access(user, row, ['ASSIGN', 'DRAFT'], stepId);
    if (step.kind === 'DRAFT' && !hasRole(user, 'UNIT_HEAD')) throw new ApiError('NOT_YOUR_STEP', PROBLEM_MESSAGES.NOT_YOUR_STEP);
    const people: { id: string; full_name: string; unit_code: UnitCode; roles: any[] }[] = await this.ds.query(
      `SELECT id, full_name, unit_code, roles FROM users WHERE id::text = $1 AND commune = $2 AND active`,
      [assigneeId, user.commune],
    );
    const p = people[0];
    if (!p) throw notFound('Không tìm thấy cán bộ được giao.');
    if (p.unit_code !== step.unit) throw validation('Chỉ giao nhiệm vụ cho cán bộ thuộc đơn vị chủ trì.');
    await this.update(row, assignUpdate, { actor, stepId: step.stepId, assignee: { id: p.id, fullName: p.full_name, unit: p.unit_code, roles: p.roles } });
    return this.get(user, taskId);
  }

  async saveDraft(user: AuthUser, taskId: string, content: string) {
    const row = await this.load(user, taskId);
    const { actor } = await this.access(user, row, ['DRAFT']);
    await this.update(row, saveDraftUpdate, { actor, content });
    return this.get(user, taskId);
  }

  async submit(user: AuthUser, taskId: string, note?: string, stepId?: string) {
    const row = await this.load(user, taskId);
    const { actor, step } = await this.access(user, row, ['DRAFT'], stepId);
    await this.update(row, submitUpdate, { actor, stepId: step.stepId, note });
    return this.get(user, taskId);
  }

  async decide(user: AuthUser, taskId: string, decision: 'approve' | 'return', comment?: string, stepId?: string) {
    if (decision === 'return' && !comment?.trim()) throw validation('Phải ghi lý do khi trả lại dự thảo.');
    const row = await this.load(user, taskId);
    const { actor, step } = await this.access(user, row, ['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW'], stepId);
    await this.update(row, decideUpdate, { actor, stepId: step.stepId, decision, comment: comment?.trim() || undefined });
    return this.get(user, taskId);
  }

  async requestContributions(user: AuthUser, taskId: string, requests: { unit: UnitCode; dueAt: string | null }[]) {
    const row = await this.load(user, taskId);
    const { actor } = await this.access(user, row, ['DRAFT']);
    const allowed = new Set(row.co_units);
    const wrong = requests.filter((r) => !allowed.has(r.unit));
    if (wrong.length) throw validation(`Đơn vị ${wrong.map((w) => w.unit).join(', ')} không phải đơn vị phối hợp của nhiệm vụ này.`);
    await this.update(row, requestContributionsUpdate, { actor, requests });
    return this.get(user, taskId);
  }

  async contribute(user: AuthUser, taskId: string, unit: UnitCode, content: string) {
    const row = await this.load(user, taskId);
    const snapshot = this.snapshotOf(row);
    const step = snapshot.openSteps.find((s) => s.kind === 'CONTRIBUTION' && s.unit === unit);
    const { actor } = await this.access(user, row, ['CONTRIBUTION'], step?.stepId);
    await this.update(row, contributeUpdate, { actor, unit, content });
    return this.get(user, taskId);
  }

  async setSchedule(user: AuthUser, taskId: string, dueDates: string[]) {
    if (!hasRole(user, 'COORDINATOR', 'ADMIN')) throw new ApiError('FORBIDDEN', 'Chỉ cán bộ đầu mối CCHC được đặt thời hạn cho nhiệm vụ.');
    const row = await this.load(user, taskId);
    const actor = await this.actor(user);
    await this.update(row, setScheduleUpdate, { actor, dueDates: [...dueDates].sort() });
    await this.ds.query(`UPDATE plan_tasks SET due_dates = $2 WHERE id = $1`, [row.id, JSON.stringify([...dueDates].sort())]);
    return this.get(user, taskId);
  }

  /** Stores the file (size and sha256 kept), then records it in the workflow; a rejected record leaves no orphan. */
  async addAttachment(user: AuthUser, taskId: string, file: { originalname: string; mimetype: string; buffer: Buffer }) {
    const row = await this.load(user, taskId);
    const { actor } = await this.access(user, row, ['DRAFT']);
    const id = randomUUID();
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
    await this.ds.query(
      `INSERT INTO attachments (id, task_id, commune, name, mime_type, size, sha256, content, uploaded_by_id, uploaded_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, row.id, row.commune, name, file.mimetype || 'application/octet-stream', file.buffer.length, sha256, file.buffer, user.id, user.fullName],
    );
    try {
      await this.update(row, addAttachmentUpdate, { actor, attachment: { id, name, size: file.buffer.length, sha256 } });
    } catch (e) {
      await this.ds.query(`DELETE FROM attachments WHERE id = $1 AND NOT linked`, [id]);
      throw e;
    }
    return { id, name, size: file.buffer.length, sha256 };
  }

  async attachmentContent(user: AuthUser, taskId: string, attachmentId: string) {
    const row = await this.load(user, taskId);
    const rows = await this.ds.query(`SELECT name, mime_type, content FROM attachments WHERE id::text = $1 AND task_id = $2`, [attachmentId, row.id]);
    if (!rows[0]) throw notFound('Không tìm thấy tệp đính kèm.');
    return rows[0] as { name: string; mime_type: string; content: Buffer };
  }

  async history(user: AuthUser, taskId: string) {
    const row = await this.load(user, taskId);
    const rows = await this.ds.query(`SELECT * FROM audit_events WHERE task_id = $1 ORDER BY seq`, [row.id]);
    return rows.map((e: any) => ({
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
    const rows: TaskRow[] = await this.ds.query(
      `${TASK_SELECT} WHERE t.commune = $1 AND EXISTS (
         SELECT 1 FROM inbox_items i WHERE i.task_id = t.id AND i.kind = 'DRAFT' AND i.assignee_id = $2)
       ORDER BY t.number`,
      [user.commune, user.id],
    );
    return rows.map((r) => {
      const part = r.snapshot?.parts.find((p) => p.assignee?.id === user.id);
      return { ...toTask(r), returnReason: part?.returnReason ?? null, myRole: 'ASSIGNEE' as const };
    });
  }
}
