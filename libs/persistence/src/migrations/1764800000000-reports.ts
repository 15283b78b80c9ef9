import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The periodic CCHC reports in the read model, beside the tasks rather than in tables of their own:
 * - `reports`: one row per commune, year and period, created when the report's schedule is settled (the plan's
 *   `reportsToOpen`, or the coordinator opening it now) and then written only by the report workflow's changes;
 *   before its workflow has written anything it is SCHEDULED, a state only the read model knows;
 * - `text_contents` keeps a report's unit inputs and drafts too (JSON texts the workflow refers to by id): a text
 *   belongs to exactly one task or one report;
 * - `inbox_items` holds the open steps of tasks and reports alike, keyed by (workflow id, step id), so the inbox
 *   stays one indexed read; `workflow_id` is filled in from the task of every existing row;
 * - `audit_events` is the trail of both; still append-only, still unique by (workflow id, seq);
 * - a report change set aside names its report.
 */
export class Reports1764800000000 implements MigrationInterface {
  name = 'Reports1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commune text NOT NULL REFERENCES communes(code),
        plan_id uuid NOT NULL REFERENCES plans(id),
        year int NOT NULL,
        period text NOT NULL CHECK (period IN ('Q1', 'Q2', 'Q3', 'Q4', 'YEAR')),
        workflow_id text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'SCHEDULED',
        opens_at timestamptz,
        input_due_at date NOT NULL,
        due_at date NOT NULL,
        snapshot jsonb,
        last_seq int NOT NULL DEFAULT -1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (commune, year, period)
      )`);
    await q.query(`CREATE INDEX reports_plan ON reports (plan_id, due_at)`);

    await q.query(`ALTER TABLE text_contents DROP CONSTRAINT IF EXISTS text_contents_kind_check`);
    await q.query(`
      ALTER TABLE text_contents
        ALTER COLUMN task_id DROP NOT NULL,
        ADD COLUMN report_id uuid REFERENCES reports(id),
        ADD CONSTRAINT text_contents_kind_check CHECK (kind IN ('DRAFT', 'CONTRIBUTION', 'REPORT_INPUT', 'REPORT_DRAFT')),
        ADD CONSTRAINT text_contents_one_owner CHECK ((task_id IS NULL) <> (report_id IS NULL))`);
    await q.query(`CREATE INDEX text_contents_report ON text_contents (report_id) WHERE report_id IS NOT NULL`);

    await q.query(`ALTER TABLE inbox_items ADD COLUMN workflow_id text, ADD COLUMN report_id uuid REFERENCES reports(id)`);
    await q.query(`UPDATE inbox_items i SET workflow_id = t.workflow_id FROM plan_tasks t WHERE t.id = i.task_id`);
    await q.query(`ALTER TABLE inbox_items DROP CONSTRAINT inbox_items_pkey`);
    await q.query(`
      ALTER TABLE inbox_items
        ALTER COLUMN workflow_id SET NOT NULL,
        ALTER COLUMN task_id DROP NOT NULL,
        ADD PRIMARY KEY (workflow_id, step_id),
        ADD CONSTRAINT inbox_items_one_owner CHECK ((task_id IS NULL) <> (report_id IS NULL))`);

    // DDL, not an UPDATE: the append-only trigger stays as it is, and no recorded row changes.
    await q.query(`
      ALTER TABLE audit_events
        ALTER COLUMN task_id DROP NOT NULL,
        ADD COLUMN report_id uuid REFERENCES reports(id),
        ADD CONSTRAINT audit_events_one_owner CHECK ((task_id IS NULL) <> (report_id IS NULL))`);
    await q.query(`CREATE INDEX audit_events_report ON audit_events (report_id, seq) WHERE report_id IS NOT NULL`);

    await q.query(`ALTER TABLE read_model_set_aside ADD COLUMN report_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE read_model_set_aside DROP COLUMN IF EXISTS report_id`);
    await q.query(`DROP INDEX IF EXISTS audit_events_report`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT IF EXISTS audit_events_one_owner, DROP COLUMN IF EXISTS report_id`);
    await q.query(`DELETE FROM inbox_items WHERE task_id IS NULL`);
    await q.query(`ALTER TABLE inbox_items DROP CONSTRAINT inbox_items_pkey, DROP CONSTRAINT IF EXISTS inbox_items_one_owner`);
    await q.query(`ALTER TABLE inbox_items ALTER COLUMN task_id SET NOT NULL, ADD PRIMARY KEY (task_id, step_id), DROP COLUMN report_id, DROP COLUMN workflow_id`);
    await q.query(`DROP INDEX IF EXISTS text_contents_report`);
    await q.query(`DELETE FROM text_contents WHERE task_id IS NULL`);
    await q.query(`
      ALTER TABLE text_contents DROP CONSTRAINT IF EXISTS text_contents_one_owner, DROP CONSTRAINT IF EXISTS text_contents_kind_check,
        DROP COLUMN report_id, ALTER COLUMN task_id SET NOT NULL,
        ADD CONSTRAINT text_contents_kind_check CHECK (kind IN ('DRAFT', 'CONTRIBUTION'))`);
    await q.query(`DROP TABLE IF EXISTS reports`);
  }
}
