/**
 * `plan_amendments`, and the writes an amendment makes to `plan_tasks`: what a decision amending the active plan
 * changed in which task. The record is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), keyed by
 * (amendment, task), and each task's row changes in the same transaction as its record, so a retried amendment
 * never records or applies a task twice.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { AmendedField, AmendmentRecord, AmendmentTaskView, Deadline, ParsedTask, TaskStatus } from '@app/contracts';
import { taskWorkflowId } from '@app/contracts';
import type { StoredPlanTask } from '@app/domain';

/** A task of the plan as an amendment needs it: what the domain compares, and what its workflow was started with. */
export interface AmendableTask extends StoredPlanTask {
  number: number;
  workflowId: string;
  leadUnits: string[];
  coUnits: string[];
  deadlineKind: Deadline['kind'];
  dueDates: string[];
  /** No snapshot yet: its workflow has not written anything (not started, or just started). */
  started: boolean;
}

export interface AmendmentContext {
  amendmentId: string;
  commune: string;
  planId: string;
  decision: string;
  actor: { id: string; fullName: string };
  sourceSha256: string | null;
}

export interface RecordedChange {
  change: AmendmentRecord['change'];
  fields: AmendedField[];
  before: AmendmentTaskView | null;
  after: AmendmentTaskView | null;
  workflow: AmendmentRecord['workflow'];
  note: string | null;
}

/** What an applied change writes to the task's row. */
export interface RowWrite {
  group?: string;
  content?: string;
  product?: string;
  displayNumber?: string;
  deadline?: Deadline;
}

interface AmendmentRow {
  id: string;
  amendment_id: string;
  at: Date;
  decision: string;
  actor_id: string;
  actor_name: string;
  task_id: string;
  display_number: string;
  change: AmendmentRecord['change'];
  fields: AmendedField[];
  before: AmendmentTaskView | null;
  after: AmendmentTaskView | null;
  workflow: AmendmentRecord['workflow'];
  note: string | null;
}

const toRecord = (r: AmendmentRow): AmendmentRecord => ({
  id: String(r.id),
  amendmentId: r.amendment_id,
  at: r.at.toISOString(),
  decision: r.decision,
  actor: { id: r.actor_id, fullName: r.actor_name },
  taskId: r.task_id,
  displayNumber: r.display_number,
  change: r.change,
  fields: r.fields,
  before: r.before,
  after: r.after,
  workflow: r.workflow,
  note: r.note,
});

const SELECT_RECORDS = `
  SELECT a.id, a.amendment_id, a.at, a.decision, a.actor_id, a.actor_name, a.task_id, coalesce(t.display_number, t.number::text) AS display_number,
         a.change, a.fields,
         a.before, a.after, a.workflow, a.note
  FROM plan_amendments a JOIN plan_tasks t ON t.id = a.task_id`;

export class AmendmentReadModel {
  constructor(private readonly db: DataSource) {}

  /** Every task of the plan (withdrawn ones too, marked), in plan order. */
  async tasks(commune: string, planId: string): Promise<AmendableTask[]> {
    const rows: {
      id: string;
      number: number;
      position: number;
      display_number: string;
      group_code: string;
      content: string;
      lead_units_text: string;
      co_units_text: string;
      deadline_raw: string;
      deadline_kind: Deadline['kind'];
      due_dates: string[];
      product: string;
      source: StoredPlanTask['source'];
      status: TaskStatus;
      withdrawn: boolean;
      workflow_id: string;
      lead_units: string[];
      co_units: string[];
      started: boolean;
    }[] = await this.db.query(
      `SELECT id, number, coalesce(position, number) AS position, coalesce(display_number, number::text) AS display_number, group_code, content, lead_units_text, co_units_text, deadline_raw,
              deadline_kind, due_dates, product, source, status, (withdrawn_at IS NOT NULL OR status = 'WITHDRAWN') AS withdrawn, workflow_id,
              lead_units, co_units, snapshot IS NOT NULL AS started
       FROM plan_tasks WHERE plan_id::text = $1 AND commune = $2 ORDER BY coalesce(position, number), number`,
      [planId, commune],
    );
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      position: r.position,
      displayNumber: r.display_number,
      group: r.group_code,
      content: r.content,
      leadUnitsText: r.lead_units_text,
      coUnitsText: r.co_units_text,
      deadlineRaw: r.deadline_raw,
      product: r.product,
      source: r.source,
      status: r.status,
      withdrawn: r.withdrawn,
      workflowId: r.workflow_id,
      leadUnits: r.lead_units,
      coUnits: r.co_units,
      deadlineKind: r.deadline_kind,
      dueDates: r.due_dates,
      started: r.started,
    }));
  }

  /**
   * Runs `fn` while holding the plan's amendment lock (a session advisory lock on its own connection), so two
   * amendments of one plan never interleave; null when another amendment holds it now.
   */
  async withPlanLock<T>(planId: string, fn: () => Promise<T>): Promise<T | null> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await runner.query(`SELECT pg_try_advisory_lock(hashtext('plan-amendment'), hashtext($1)) AS locked`, [planId]);
      if (!locked) return null;
      try {
        return await fn();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('plan-amendment'), hashtext($1))`, [planId]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Rows for the tasks an amendment adds, numbered after every task the plan has had (numbers are the keys of
   * workflow ids and are never reused), with their ADDED records: one transaction. Returns the new rows.
   */
  async addTasks(ctx: AmendmentContext, year: number, tasks: { task: ParsedTask; view: AmendmentTaskView }[]): Promise<{ id: string; number: number }[]> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT 1 FROM plans WHERE id = $1 FOR UPDATE`, [ctx.planId]);
      const [{ last }]: { last: number }[] = await m.query(`SELECT coalesce(max(number), 0)::int AS last FROM plan_tasks WHERE plan_id = $1`, [ctx.planId]);
      const added: { id: string; number: number }[] = [];
      for (const [i, { task: t, view }] of tasks.entries()) {
        const number = last + i + 1;
        const [{ id }]: { id: string }[] = await m.query(
          `INSERT INTO plan_tasks (plan_id, commune, number, group_code, content, lead_units, co_units, lead_units_text,
             co_units_text, deadline_raw, deadline_kind, due_dates, original_due_dates, product, workflow_id, display_number, source, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $16, $17) RETURNING id`,
          [
            ctx.planId,
            ctx.commune,
            number,
            t.group,
            t.content,
            t.leadUnits,
            t.coUnits.filter((u) => !t.leadUnits.includes(u)),
            t.leadUnitsText,
            t.coUnitsText,
            t.deadline.raw,
            t.deadline.kind,
            JSON.stringify(t.deadline.dueDates),
            t.product,
            taskWorkflowId(ctx.commune, year, number),
            t.displayNumber,
            JSON.stringify(t.source),
            t.number,
          ],
        );
        await this.insertRecord(m, ctx, id, { change: 'ADDED', fields: [], before: null, after: view, workflow: 'started', note: null });
        added.push({ id, number });
      }
      return added;
    });
  }

  /** Writes an applied change to the task's row and records it; a change already recorded for this amendment is skipped. */
  async recordChange(ctx: AmendmentContext, taskId: string, write: RowWrite, record: RecordedChange): Promise<void> {
    await this.db.transaction(async (m) => {
      if (!(await this.insertRecord(m, ctx, taskId, record))) return;
      const d = write.deadline;
      await m.query(
        `UPDATE plan_tasks SET group_code = coalesce($2, group_code), content = coalesce($3, content), product = coalesce($4, product),
           display_number = coalesce($5, display_number), deadline_raw = coalesce($6, deadline_raw),
           deadline_kind = coalesce($7, deadline_kind), due_dates = coalesce($8::jsonb, due_dates), updated_at = now()
         WHERE id = $1`,
        [taskId, write.group ?? null, write.content ?? null, write.product ?? null, write.displayNumber ?? null, d?.raw ?? null, d?.kind ?? null, d ? JSON.stringify(d.dueDates) : null],
      );
    });
  }

  /** Marks the task withdrawn by the decision and records it. It stays on the board, with its trail. */
  async recordWithdrawal(ctx: AmendmentContext, taskId: string, record: RecordedChange): Promise<void> {
    await this.db.transaction(async (m) => {
      if (!(await this.insertRecord(m, ctx, taskId, record))) return;
      await m.query(`UPDATE plan_tasks SET withdrawn_at = now(), withdrawn_decision = $2, updated_at = now() WHERE id = $1 AND withdrawn_at IS NULL`, [
        taskId,
        ctx.decision,
      ]);
    });
  }

  /** The order of the revised plan (not a change of the plan by itself, so not recorded). */
  async reorder(planId: string, positions: { taskId: string; position: number }[]): Promise<void> {
    if (positions.length === 0) return;
    await this.db.query(
      `UPDATE plan_tasks t SET position = p.position FROM jsonb_to_recordset($2::jsonb) AS p("taskId" uuid, position int)
       WHERE t.id = p."taskId" AND t.plan_id = $1`,
      [planId, JSON.stringify(positions)],
    );
  }

  /** The plan's amendments, oldest first. */
  async list(commune: string, planId: string): Promise<AmendmentRecord[]> {
    const rows: AmendmentRow[] = await this.db.query(`${SELECT_RECORDS} WHERE a.plan_id::text = $1 AND a.commune = $2 ORDER BY a.at, a.id`, [planId, commune]);
    return rows.map(toRecord);
  }

  /** What amendments changed in one task, oldest first. */
  async forTask(commune: string, taskId: string): Promise<AmendmentRecord[]> {
    const rows: AmendmentRow[] = await this.db.query(`${SELECT_RECORDS} WHERE a.task_id::text = $1 AND a.commune = $2 ORDER BY a.at, a.id`, [taskId, commune]);
    return rows.map(toRecord);
  }

  /** One amendment's records. */
  async ofAmendment(amendmentId: string): Promise<AmendmentRecord[]> {
    const rows: AmendmentRow[] = await this.db.query(`${SELECT_RECORDS} WHERE a.amendment_id = $1 ORDER BY a.id`, [amendmentId]);
    return rows.map(toRecord);
  }

  /** True when the record was written, false when this amendment had already recorded the task. */
  private async insertRecord(m: EntityManager, ctx: AmendmentContext, taskId: string, r: RecordedChange): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO plan_amendments (amendment_id, commune, plan_id, task_id, change, fields, before, after, workflow, note, decision,
         actor_id, actor_name, source_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (amendment_id, task_id) DO NOTHING RETURNING 1`,
      [
        ctx.amendmentId,
        ctx.commune,
        ctx.planId,
        taskId,
        r.change,
        r.fields,
        r.before ? JSON.stringify(r.before) : null,
        r.after ? JSON.stringify(r.after) : null,
        r.workflow,
        r.note,
        ctx.decision,
        ctx.actor.id,
        ctx.actor.fullName,
        ctx.sourceSha256,
      ],
    );
    return rows.length > 0;
  }
}
