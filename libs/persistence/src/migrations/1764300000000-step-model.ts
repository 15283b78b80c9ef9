import { MigrationInterface, QueryRunner } from 'typeorm';
import { upgradeSnapshot } from '../read-model/snapshot';
import { inboxRowsOf } from '../read-model/inbox';

/**
 * The step model in the read model, and large texts out of workflow histories:
 * - inbox rows carry who may act (principals, indexed) and who may not (separation of duties), when the step opened
 *   and its escalation level, so the inbox is a plain indexed read;
 * - drafts and contributions are stored as texts the workflow refers to by id;
 * - a change the database refused for a reason no retry can fix is set aside for the coordinator;
 * - "what I sent or decided" reads the trail by actor.
 * Existing inbox rows are rebuilt from each task's stored snapshot, upgraded to the step model.
 */
export class StepModel1764300000000 implements MigrationInterface {
  name = 'StepModel1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE text_contents (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES plan_tasks(id),
        commune text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DRAFT', 'CONTRIBUTION')),
        content text NOT NULL,
        sha256 text NOT NULL,
        chars int NOT NULL,
        author_id uuid NOT NULL,
        author_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX text_contents_task ON text_contents (task_id)`);
    await q.query(`ALTER TABLE draft_versions ADD COLUMN content_id uuid REFERENCES text_contents(id), ALTER COLUMN content DROP NOT NULL`);

    await q.query(`DROP INDEX inbox_items_assignee`);
    await q.query(`DROP INDEX inbox_items_holder`);
    await q.query(`
      ALTER TABLE inbox_items
        ADD COLUMN principals text[] NOT NULL DEFAULT '{}',
        ADD COLUMN excluded_user_ids text[] NOT NULL DEFAULT '{}',
        ADD COLUMN escalation_level int NOT NULL DEFAULT 0,
        ADD COLUMN assignee_name text`);
    await q.query(`CREATE INDEX inbox_items_principals ON inbox_items USING gin (principals)`);
    await q.query(`CREATE INDEX inbox_items_commune_due ON inbox_items (commune, due_at)`);

    await q.query(`
      CREATE TABLE read_model_set_aside (
        workflow_id text NOT NULL,
        seq int NOT NULL,
        task_id uuid,
        commune text,
        event_type text,
        error text NOT NULL,
        change text NOT NULL,
        set_aside_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workflow_id, seq)
      )`);
    await q.query(`CREATE INDEX audit_events_actor ON audit_events (commune, actor_id, at DESC)`);

    // Rebuild the inbox of tasks already running, from their stored snapshots.
    const tasks: { id: string; commune: string; snapshot: unknown; lead_units: string[]; co_units: string[]; deadline_kind: string; updated_at: Date }[] =
      await q.query(`SELECT id, commune, snapshot, lead_units, co_units, deadline_kind, updated_at FROM plan_tasks WHERE snapshot IS NOT NULL`);
    for (const t of tasks) {
      const snapshot = upgradeSnapshot(t.snapshot, { leadUnits: t.lead_units, coUnits: t.co_units, deadlineKind: t.deadline_kind, at: t.updated_at.toISOString() });
      await q.query(`UPDATE plan_tasks SET snapshot = $2 WHERE id = $1`, [t.id, JSON.stringify(snapshot)]);
      await q.query(`DELETE FROM inbox_items WHERE task_id = $1`, [t.id]);
      for (const row of inboxRowsOf(snapshot)) {
        await q.query(
          `INSERT INTO inbox_items (task_id, step_id, commune, kind, unit_code, holder_role, assignee_id, assignee_name, due_at, opened_at,
             principals, excluded_user_ids, escalation_level)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [t.id, row.stepId, t.commune, row.kind, row.unit, row.holderRole, row.assigneeId, row.assigneeName, row.dueAt, row.openedAt, row.principals, row.excludedUserIds, row.escalationLevel],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_events_actor`);
    await q.query(`DROP TABLE IF EXISTS read_model_set_aside`);
    await q.query(`DROP INDEX IF EXISTS inbox_items_principals`);
    await q.query(`DROP INDEX IF EXISTS inbox_items_commune_due`);
    await q.query(`ALTER TABLE inbox_items DROP COLUMN principals, DROP COLUMN excluded_user_ids, DROP COLUMN escalation_level, DROP COLUMN assignee_name`);
    await q.query(`CREATE INDEX inbox_items_assignee ON inbox_items (assignee_id, due_at)`);
    await q.query(`CREATE INDEX inbox_items_holder ON inbox_items (commune, holder_role, unit_code, due_at)`);
    await q.query(`ALTER TABLE draft_versions DROP COLUMN content_id`);
    await q.query(`DROP TABLE IF EXISTS text_contents`);
  }
}
