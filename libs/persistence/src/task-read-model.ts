import { DataSource } from 'typeorm';
import { OpenStep, TaskChange } from '@app/contracts';

/** The step a tracker shows as "where the task is": the main line of work, not a side contribution. */
export function currentStepOf(steps: OpenStep[]) {
  const main = steps.find((s) => s.kind !== 'CONTRIBUTION') ?? steps[0];
  if (!main) return null;
  return { stepId: main.stepId, kind: main.kind, assignee: main.assignee, unit: main.unit, holderRole: main.holderRole, dueAt: main.dueAt };
}

/**
 * Writes one workflow event into the read model and the audit trail, in one transaction.
 * Idempotent: the trail row is keyed by (workflowId, seq) and the task row only moves forward
 * (a retried or late older event never overwrites a newer state), so activity retries are harmless.
 */
export async function applyTaskChange(ds: DataSource, change: TaskChange): Promise<void> {
  const { snapshot, event } = change;
  await ds.transaction(async (m) => {
    const rows: { id: string; commune: string; last_seq: number }[] = await m.query(
      `SELECT id, commune, last_seq FROM plan_tasks WHERE id = $1 AND workflow_id = $2 FOR UPDATE`,
      [snapshot.taskId, change.workflowId],
    );
    if (!rows.length) throw new Error(`Unknown task ${snapshot.taskId} for workflow ${change.workflowId}`);
    const task = rows[0];

    await m.query(
      `INSERT INTO audit_events (commune, task_id, workflow_id, seq, at, type, actor_id, actor_name, role,
         on_behalf_of_id, on_behalf_of_name, comment, from_status, to_status, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (workflow_id, seq) DO NOTHING`,
      [
        task.commune,
        task.id,
        change.workflowId,
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
      ],
    );

    if (change.draft) {
      await m.query(
        `INSERT INTO draft_versions (task_id, cycle, unit_code, version, content, author_id, author_name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (task_id, cycle, unit_code, version) DO NOTHING`,
        [task.id, snapshot.cycle, change.draft.unit, change.draft.version, change.draft.content, change.draft.author.id, change.draft.author.fullName, event.at],
      );
    }
    if (event.type === 'ATTACHMENT_ADDED' && typeof event.data?.attachmentId === 'string') {
      await m.query(`UPDATE attachments SET linked = true WHERE id = $1 AND task_id = $2`, [event.data.attachmentId, task.id]);
    }

    if (snapshot.seq <= task.last_seq) return;
    await m.query(
      `UPDATE plan_tasks SET status = $2, current_step = $3, cycle = $4, snapshot = $5, last_seq = $6, updated_at = now() WHERE id = $1`,
      [task.id, snapshot.status, JSON.stringify(currentStepOf(snapshot.openSteps)), snapshot.cycle, JSON.stringify(snapshot), snapshot.seq],
    );
    await m.query(`DELETE FROM inbox_items WHERE task_id = $1`, [task.id]);
    for (const s of snapshot.openSteps) {
      await m.query(
        `INSERT INTO inbox_items (task_id, step_id, commune, kind, unit_code, holder_role, assignee_id, due_at, opened_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [task.id, s.stepId, task.commune, s.kind, s.unit, s.holderRole, s.assignee?.id ?? null, s.dueAt, event.at],
      );
    }
  });
}
