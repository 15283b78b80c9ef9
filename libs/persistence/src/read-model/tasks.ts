/**
 * `plan_tasks` as the read model keeps it: the plan's task (content, units, deadline as written and as dates) and
 * where its workflow stands (status, current step, the last snapshot), written only by the task's changes.
 * Every query is scoped by commune: another commune's task is simply not found.
 */
import type { DataSource } from 'typeorm';
import type { DeadlineKind, SourceRef, TaskSnapshot, TaskStatus } from '@app/contracts';
import { upgradeSnapshot } from './snapshot';

export interface CurrentStepRow {
  stepId: string;
  kind: string;
  assignee: { id: string; fullName: string } | null;
  unit: string | null;
  holderRole?: string;
  openedAt?: string;
  dueAt: string | null;
  escalationLevel?: number;
}

export interface TaskRow {
  id: string;
  plan_id: string;
  commune: string;
  year: number;
  number: number;
  /** What users know the task by ("12", "III.2"); `number` is its key. */
  display_number: string;
  /** Where the task was read in the plan file (line or row), when known. */
  source: SourceRef | null;
  /** Its place in the latest plan document: the order of the board. */
  position: number;
  /** Set when an amendment withdrew the task from the plan; the task stays, with its trail. */
  withdrawn_at: Date | null;
  withdrawn_decision: string | null;
  group_code: string;
  group_title: string | null;
  content: string;
  lead_units: string[];
  co_units: string[];
  lead_units_text: string;
  co_units_text: string;
  deadline_raw: string;
  deadline_kind: DeadlineKind;
  due_dates: string[];
  original_due_dates: string[];
  product: string;
  workflow_id: string;
  status: TaskStatus;
  current_step: CurrentStepRow | null;
  cycle: number;
  snapshot: TaskSnapshot | null;
  updated_at: Date;
  /** Names of the commune's units by code, for display. */
  unit_names: Record<string, string>;
}

const SELECT = `
  SELECT t.id, t.plan_id, t.commune, p.year, t.number, coalesce(t.display_number, t.number::text) AS display_number, t.source,
         coalesce(t.position, t.number) AS position, t.withdrawn_at, t.withdrawn_decision, t.group_code, gg.g->>'title' AS group_title, t.content, t.lead_units,
         t.co_units, t.lead_units_text, t.co_units_text, t.deadline_raw, t.deadline_kind, t.due_dates, t.original_due_dates,
         t.product, t.workflow_id, t.status, t.current_step, t.cycle, t.snapshot, t.updated_at,
         coalesce((SELECT jsonb_object_agg(u.code, u.name) FROM units u WHERE u.commune = t.commune), '{}') AS unit_names
  FROM plan_tasks t
  JOIN plans p ON p.id = t.plan_id
  LEFT JOIN LATERAL (SELECT x AS g FROM jsonb_array_elements(p.groups) x WHERE x->>'code' = t.group_code LIMIT 1) gg ON true`;

/** Snapshots written before the step model read as if written now (see snapshot.ts). */
function upgraded(row: TaskRow): TaskRow {
  if (!row.snapshot) return row;
  const snapshot = upgradeSnapshot(row.snapshot, {
    leadUnits: row.lead_units,
    coUnits: row.co_units,
    deadlineKind: row.deadline_kind,
    at: row.updated_at.toISOString(),
  });
  return { ...row, snapshot };
}

export interface TaskFilter {
  group?: string;
  unit?: string;
  status?: string;
}

export class TaskReadModel {
  constructor(private readonly db: DataSource) {}

  async find(commune: string, taskId: string): Promise<TaskRow | null> {
    const rows: TaskRow[] = await this.db.query(`${SELECT} WHERE t.id::text = $1 AND t.commune = $2`, [taskId, commune]);
    return rows[0] ? upgraded(rows[0]) : null;
  }

  async listByPlan(commune: string, planId: string, filter: TaskFilter = {}): Promise<TaskRow[]> {
    const where = ['t.plan_id::text = $1', 't.commune = $2'];
    const params: unknown[] = [planId, commune];
    if (filter.group) {
      params.push(filter.group);
      where.push(`t.group_code = $${params.length}`);
    }
    if (filter.unit) {
      params.push(filter.unit);
      where.push(`$${params.length} = ANY (t.lead_units)`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`t.status = $${params.length}`);
    }
    const rows: TaskRow[] = await this.db.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY coalesce(t.position, t.number), t.number`, params);
    return rows.map(upgraded);
  }

  /** Tasks whose drafting step is the user's: assigned to him, or returned to him. */
  async draftingBy(commune: string, userId: string): Promise<TaskRow[]> {
    const rows: TaskRow[] = await this.db.query(
      `${SELECT} WHERE t.commune = $1 AND EXISTS (
         SELECT 1 FROM inbox_items i WHERE i.task_id = t.id AND i.kind = 'DRAFT' AND i.principals && ARRAY[$2]::text[])
       ORDER BY coalesce(t.position, t.number), t.number`,
      [commune, `user:${userId}`],
    );
    return rows.map(upgraded);
  }

  /**
   * What the user sent or decided, newest first, one line per task, with where the task is now ("Đã trình / Đã
   * xử lý"): the trail by actor, joined to the task's current state.
   */
  async handledBy(commune: string, userId: string, limit = 50): Promise<(TaskRow & { last_action: { type: string; at: string; comment: string | null } })[]> {
    const rows: (TaskRow & { last_action: { type: string; at: string; comment: string | null } })[] = await this.db.query(
      `WITH mine AS (
         SELECT DISTINCT ON (e.task_id) e.task_id, jsonb_build_object('type', e.type, 'at', e.at, 'comment', e.comment) AS last_action, e.at
         FROM audit_events e
         WHERE e.commune = $1 AND e.actor_id::text = $2 AND e.task_id IS NOT NULL
           AND e.type IN ('ASSIGNED', 'REASSIGNED', 'SUBMITTED', 'APPROVED', 'RETURNED', 'CONTRIBUTED', 'SCHEDULE_SET', 'LEAD_UNITS_SET',
                          'EXTENSION_REQUESTED', 'EXTENSION_APPROVED', 'EXTENSION_REJECTED')
         ORDER BY e.task_id, e.at DESC, e.seq DESC
       )
       SELECT x.*, mine.last_action FROM mine
       JOIN LATERAL (${SELECT} WHERE t.id = mine.task_id) x ON true
       ORDER BY mine.at DESC
       LIMIT $3`,
      [commune, userId, limit],
    );
    return rows.map((r) => ({ ...upgraded(r), last_action: r.last_action }));
  }
}
