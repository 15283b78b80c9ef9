/**
 * Writing one task change (an event of the task workflow) into the read model and the trail: the audit row, a new
 * draft version or a linked file, the task row and its inbox rows, all in ONE statement, so an approval costs one
 * database round trip. Idempotent: the trail is keyed by (workflow id, seq) and the task row only moves forward, so
 * a retried or late change never doubles a row or overwrites a newer state.
 *
 * A change the database refuses for a reason no retry can fix (bad data, e.g. a NUL character that slipped past the
 * edge, or a task row that no longer exists) is set aside in `read_model_set_aside` for the coordinator, and the
 * activity reports success: the workflow's ordered delivery must never be blocked by one bad change, and the next
 * change carries the whole state again.
 */
import type { DataSource } from 'typeorm';
import type { OpenStep, ReportChange, TaskChange } from '@app/contracts';
import { inboxRowsOf } from './inbox';

/** The step a tracker shows as "where the task is": the main line of work, not a side contribution. */
export function currentStepOf(steps: OpenStep[]) {
  const main = steps.find((s) => s.kind !== 'CONTRIBUTION') ?? steps[0];
  if (!main) return null;
  return {
    stepId: main.stepId,
    kind: main.kind,
    assignee: main.assignee,
    unit: main.unit,
    holderRole: main.holderRole,
    openedAt: main.openedAt,
    dueAt: main.dueAt,
    escalationLevel: main.escalationLevel,
  };
}

/**
 * The two parts a task's and a report's change write alike, as CTEs of their one statement. The owner CTE (`task` or
 * `report`: its id and commune) is read first; $2–$14 are the workflow id and the trail row's own parameters
 * (eventParams).
 */
const trailRow = (owner: 'task' | 'report') => `event AS (
  INSERT INTO audit_events (commune, ${owner}_id, workflow_id, seq, at, type, actor_id, actor_name, role, on_behalf_of_id,
                            on_behalf_of_name, comment, from_status, to_status, data)
  SELECT commune, id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 FROM ${owner}
  ON CONFLICT (workflow_id, seq) DO NOTHING
  RETURNING 1
)`;

/**
 * The inbox rows of a workflow whose row has `moved` forward: the open steps of the snapshot ($rows, inboxRowsOf)
 * replace the previous ones (those not among the ids $keep go).
 */
const inboxRows = (owner: 'task' | 'report', keep: number, rows: number) => `gone AS (
  DELETE FROM inbox_items i USING moved WHERE i.workflow_id = $2 AND NOT (i.step_id = ANY ($${keep}::text[]))
  RETURNING 1
), opened AS (
  INSERT INTO inbox_items (workflow_id, ${owner}_id, step_id, commune, kind, unit_code, holder_role, assignee_id, assignee_name, due_at,
                           opened_at, principals, excluded_user_ids, escalation_level)
  SELECT $2, moved.id, r."stepId", moved.commune, r.kind, r.unit, r."holderRole", r."assigneeId", r."assigneeName", r."dueAt",
         r."openedAt", r.principals, r."excludedUserIds", r."escalationLevel"
  FROM moved, jsonb_to_recordset($${rows}::jsonb) AS r("stepId" text, kind text, unit text, "holderRole" text, "assigneeId" uuid,
       "assigneeName" text, "dueAt" date, "openedAt" timestamptz, principals text[], "excludedUserIds" text[], "escalationLevel" int)
  ON CONFLICT (workflow_id, step_id) DO UPDATE SET
    holder_role = EXCLUDED.holder_role, assignee_id = EXCLUDED.assignee_id, assignee_name = EXCLUDED.assignee_name,
    due_at = EXCLUDED.due_at, principals = EXCLUDED.principals, excluded_user_ids = EXCLUDED.excluded_user_ids,
    escalation_level = EXCLUDED.escalation_level
  RETURNING 1
)`;

const APPLY = `
WITH task AS (
  SELECT id, commune FROM plan_tasks WHERE id::text = $1 AND workflow_id = $2
), ${trailRow('task')}, draft AS (
  INSERT INTO draft_versions (task_id, cycle, unit_code, version, content, content_id, author_id, author_name, created_at)
  SELECT task.id, d.cycle, d.unit, d.version, d.content, d."contentId", d."authorId", d."authorName", $4
  FROM task, jsonb_to_record($15::jsonb) AS d(cycle int, unit text, version int, content text, "contentId" uuid, "authorId" uuid, "authorName" text)
  WHERE $15::jsonb IS NOT NULL
  ON CONFLICT (task_id, cycle, unit_code, version) DO NOTHING
  RETURNING 1
), attachment AS (
  UPDATE attachments a SET linked = true FROM task WHERE $16::text IS NOT NULL AND a.id::text = $16 AND a.task_id = task.id
  RETURNING 1
), moved AS (
  UPDATE plan_tasks t
  SET status = $17, current_step = $18, cycle = $19, snapshot = $20, last_seq = $3, lead_units = $21, co_units = $22,
      due_dates = coalesce($23::jsonb, t.due_dates),
      original_due_dates = CASE WHEN $23::jsonb IS NOT NULL AND jsonb_array_length(t.original_due_dates) = 0 THEN $23::jsonb
                                ELSE t.original_due_dates END,
      updated_at = now()
  FROM task WHERE t.id = task.id AND t.last_seq < $3
  RETURNING t.id, t.commune
), ${inboxRows('task', 24, 25)}
SELECT (SELECT count(*) FROM task)::int AS found`;

/** SQLSTATE classes no retry can fix: data exceptions (22) and integrity violations (23). */
const UNFIXABLE = /^2[23]/;

export class ChangeWriter {
  constructor(private readonly db: DataSource) {}

  async apply(change: TaskChange): Promise<void | { setAside: true }> {
    try {
      const rows: { found: number }[] = await this.db.query(APPLY, applyParams(change));
      if (rows[0]?.found === 1) return;
      return await this.setAside(change, `Không tìm thấy nhiệm vụ ${change.snapshot.taskId} của quy trình ${change.workflowId}.`);
    } catch (err) {
      const reason = unfixable(err);
      if (reason) return this.setAside(change, reason);
      throw err;
    }
  }

  private setAside(change: TaskChange, error: string): Promise<{ setAside: true }> {
    return setAside(this.db, change, { taskId: change.snapshot.taskId }, error);
  }
}

/** Sets a change aside (once per workflow id and seq) with the task or report it names, when that row exists. */
async function setAside(
  db: DataSource,
  change: TaskChange | ReportChange,
  owner: { taskId: string } | { reportId: string },
  error: string,
): Promise<{ setAside: true }> {
  const [table, id] = 'taskId' in owner ? ['plan_tasks', owner.taskId] : ['reports', owner.reportId];
  // JSON.stringify escapes control characters, so even the change that failed fits in a text column.
  await db.query(
    `INSERT INTO read_model_set_aside (workflow_id, seq, task_id, report_id, commune, event_type, error, change)
     SELECT $1, $2, ${table === 'plan_tasks' ? 'x.id' : 'NULL'}, ${table === 'reports' ? 'x.id' : 'NULL'}, x.commune, $4, $5, $6
     FROM (SELECT $3::text AS owner) o LEFT JOIN ${table} x ON x.id::text = o.owner
     ON CONFLICT (workflow_id, seq) DO NOTHING`,
    [change.workflowId, change.event.seq, id, change.event.type, error.slice(0, 2000), JSON.stringify(change)],
  );
  return { setAside: true };
}

/** A database refusal no retry can fix (bad data, a missing row): set aside rather than retried forever. */
function unfixable(err: unknown): string | null {
  const code = (err as { code?: string }).code;
  return typeof code === 'string' && UNFIXABLE.test(code) ? `${code}: ${(err as Error).message}` : null;
}

/** The trail row's own parameters ($3–$14 of both statements): the same for a task's and a report's event. */
function eventParams(event: TaskChange['event'] | ReportChange['event']): unknown[] {
  return [
    event.seq,
    event.at,
    event.type,
    event.actor?.id ?? null,
    event.actor?.fullName ?? null,
    event.role,
    event.onBehalfOf?.id ?? null,
    event.onBehalfOf?.fullName ?? null,
    event.comment,
    event.from,
    event.to,
    event.data ? JSON.stringify(event.data) : null,
  ];
}

function applyParams(change: TaskChange): unknown[] {
  const { snapshot, event, draft } = change;
  const attachmentId = event.type === 'ATTACHMENT_ADDED' && typeof event.data?.attachmentId === 'string' ? event.data.attachmentId : null;
  const scheduled = event.type === 'SCHEDULE_SET' && Array.isArray(event.data?.dueDates) ? JSON.stringify(event.data.dueDates) : null;
  const rows = inboxRowsOf(snapshot);
  return [
    snapshot.taskId,
    change.workflowId,
    ...eventParams(event),
    draft
      ? JSON.stringify({
          cycle: draft.cycle ?? snapshot.cycle,
          unit: draft.unit,
          version: draft.version,
          content: draft.content ?? null,
          contentId: draft.contentId ?? null,
          authorId: draft.author.id,
          authorName: draft.author.fullName,
        })
      : null,
    attachmentId,
    snapshot.status,
    JSON.stringify(currentStepOf(snapshot.openSteps)),
    snapshot.cycle,
    JSON.stringify(snapshot),
    snapshot.leadUnits,
    snapshot.coUnits,
    scheduled,
    rows.map((r) => r.stepId),
    JSON.stringify(rows),
  ];
}

/**
 * Writing one report change into the read model and the trail, as ChangeWriter does for tasks, in ONE statement: the
 * audit row (keyed by workflow id and seq), the report row (it only moves forward by seq) and its inbox rows (the
 * open steps of the snapshot replace the previous ones). Idempotent; a change the database refuses for good is set
 * aside the same way, so the workflow's ordered delivery is never blocked by one bad change.
 */
const APPLY_REPORT = `
WITH report AS (
  SELECT id, commune FROM reports WHERE id::text = $1 AND workflow_id = $2
), ${trailRow('report')}, moved AS (
  UPDATE reports r
  SET status = $15, snapshot = $16, last_seq = $3, input_due_at = $17::date, due_at = $18::date, updated_at = now()
  FROM report WHERE r.id = report.id AND r.last_seq < $3
  RETURNING r.id, r.commune
), ${inboxRows('report', 19, 20)}
SELECT (SELECT count(*) FROM report)::int AS found`;

export class ReportChangeWriter {
  constructor(private readonly db: DataSource) {}

  async apply(change: ReportChange): Promise<void | { setAside: true }> {
    const owner = { reportId: change.snapshot.reportId };
    try {
      const rows: { found: number }[] = await this.db.query(APPLY_REPORT, reportApplyParams(change));
      if (rows[0]?.found === 1) return;
      return await setAside(this.db, change, owner, `Không tìm thấy báo cáo ${change.snapshot.reportId} của quy trình ${change.workflowId}.`);
    } catch (err) {
      const reason = unfixable(err);
      if (reason) return setAside(this.db, change, owner, reason);
      throw err;
    }
  }
}

function reportApplyParams(change: ReportChange): unknown[] {
  const { snapshot, event } = change;
  const rows = inboxRowsOf(snapshot);
  return [
    snapshot.reportId,
    change.workflowId,
    ...eventParams(event),
    snapshot.status,
    JSON.stringify(snapshot),
    snapshot.inputDueAt,
    snapshot.dueAt,
    rows.map((r) => r.stepId),
    JSON.stringify(rows),
  ];
}
