/**
 * `inbox_items`: one row per open step of every task and every report, keyed by (workflow id, step id) and written
 * only by the workflows' changes (changes.ts). A row belongs to one task or one report and carries who may act (`principals`, GIN-indexed) and who may not (`excluded_user_ids`: separation of duties), so a
 * person's inbox is the open steps sharing a principal with them: one indexed read, no rule re-derived in SQL.
 */
import type { DataSource } from 'typeorm';
import type { OpenStep, Principal, ReportPeriod, StepKind } from '@app/contracts';

/** The row of an open step, as changes.ts writes it (camelCase: it travels as JSON into the statement). */
export interface InboxRowInput {
  stepId: string;
  kind: StepKind;
  unit: string | null;
  holderRole: string;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: string | null;
  openedAt: string;
  principals: Principal[];
  excludedUserIds: string[];
  escalationLevel: number;
}

/** The rows of a task's or a report's open steps (both snapshots carry them the same way). */
export function inboxRowsOf(snapshot: { openSteps: OpenStep[] }): InboxRowInput[] {
  return snapshot.openSteps.map((s: OpenStep) => ({
    stepId: s.stepId,
    kind: s.kind,
    unit: s.unit,
    holderRole: s.holderRole,
    assigneeId: s.assignee?.id ?? null,
    assigneeName: s.assignee?.fullName ?? null,
    dueAt: s.dueAt,
    openedAt: s.openedAt,
    principals: s.principals,
    excludedUserIds: s.excludedUserIds,
    escalationLevel: s.escalationLevel,
  }));
}

/** An inbox row with what the list shows of its task, or of its report (the task's columns are then null). */
export interface InboxItemRow {
  workflow_id: string;
  task_id: string | null;
  report_id: string | null;
  step_id: string;
  kind: StepKind;
  unit_code: string | null;
  unit_name: string | null;
  holder_role: string;
  principals: Principal[];
  due_at: string | null;
  opened_at: Date;
  escalation_level: number;
  plan_id: string;
  number: number | null;
  content: string | null;
  group_code: string | null;
  status: string;
  deadline_raw: string | null;
  period: ReportPeriod | null;
  year: number | null;
}

/** An open step with its task, for lists sent by e-mail (the coordinator's digest, the late list at activation). */
export interface OpenStepListRow {
  task_id: string;
  step_id: string;
  kind: StepKind;
  unit_code: string | null;
  holder_role: string;
  assignee_name: string | null;
  due_at: string | null;
  plan_id: string;
  year: number;
  number: number;
  content: string;
}

const OPEN_STEPS_FOR = `
  SELECT i.workflow_id, i.task_id, i.report_id, i.step_id, i.kind, i.unit_code, u.name AS unit_name, i.holder_role, i.principals,
  to_char(i.due_at, 'YYYY-MM-DD') AS due_at, i.opened_at, i.escalation_level,
  coalesce(t.plan_id, r.plan_id) AS plan_id, t.number, t.content, t.group_code, coalesce(t.status, r.status) AS status,
  t.deadline_raw, r.period, r.year
  FROM inbox_items i
  LEFT JOIN plan_tasks t ON t.id = i.task_id
  LEFT JOIN reports r ON r.id = i.report_id
  LEFT JOIN units u ON u.commune = i.commune AND u.code = i.unit_code
  WHERE i.commune = $1 AND i.principals && $2::text[] AND NOT ($3::text = ANY (i.excluded_user_ids))
  ORDER BY i.due_at ASC NULLS LAST, t.number ASC NULLS FIRST, i.step_id`;

export class InboxReadModel {
  constructor(private readonly db: DataSource) {}

  /**
   * The open steps `principals` may take in the commune, tasks' and reports' alike, nearest due first; `userId` is
   * excluded where he drafted. One read on the principals index.
   */
  openStepsFor(commune: string, principals: Principal[], userId: string): Promise<InboxItemRow[]> {
    return this.db.query(OPEN_STEPS_FOR, [commune, principals, userId]);
  }

  /** The query plan of a person's inbox (bench/city prints it). */
  async explainOpenStepsFor(commune: string, principals: Principal[], userId: string): Promise<string[]> {
    const rows: { 'QUERY PLAN': string }[] = await this.db.query(`EXPLAIN (ANALYZE, BUFFERS) ${OPEN_STEPS_FOR}`, [commune, principals, userId]);
    return rows.map((r) => r['QUERY PLAN']);
  }

  /** Every open step of the tasks of a commune, or of one of its plans, by due date then task number (reports' steps have their own lists). */
  openStepsOf(commune: string, planId?: string): Promise<OpenStepListRow[]> {
    return this.db.query(
      `SELECT i.task_id, i.step_id, i.kind, i.unit_code, i.holder_role, i.assignee_name, to_char(i.due_at, 'YYYY-MM-DD') AS due_at,
              t.plan_id, p.year, t.number, t.content
       FROM inbox_items i JOIN plan_tasks t ON t.id = i.task_id JOIN plans p ON p.id = t.plan_id
       WHERE i.commune = $1 AND ($2::text IS NULL OR t.plan_id::text = $2)
       ORDER BY i.due_at ASC NULLS LAST, t.number, i.step_id`,
      [commune, planId ?? null],
    );
  }
}

/** An overdue open step, as the coordinator's "Quá hạn" view lists it. */
export interface OverdueRow {
  task_id: string;
  step_id: string;
  kind: StepKind;
  unit_code: string | null;
  unit_name: string | null;
  holder_role: string;
  assignee_name: string | null;
  due_at: string;
  opened_at: Date;
  escalation_level: number;
  number: number;
  content: string;
  lead_units: string[];
}

export class OverdueReadModel {
  constructor(private readonly db: DataSource) {}

  /** Every open step of the commune whose date is behind `today`, longest overdue first. */
  steps(commune: string, today: string): Promise<OverdueRow[]> {
    return this.db.query(
      `SELECT i.task_id, i.step_id, i.kind, i.unit_code, u.name AS unit_name, i.holder_role, i.assignee_name,
              to_char(i.due_at, 'YYYY-MM-DD') AS due_at, i.opened_at, i.escalation_level, t.number, t.content, t.lead_units
       FROM inbox_items i
       JOIN plan_tasks t ON t.id = i.task_id
       LEFT JOIN units u ON u.commune = i.commune AND u.code = i.unit_code
       WHERE i.commune = $1 AND i.due_at < $2::date
       ORDER BY i.due_at ASC, t.number ASC, i.step_id`,
      [commune, today],
    );
  }
}
