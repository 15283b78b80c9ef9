import { MigrationInterface, QueryRunner } from 'typeorm';

/** The read model, accounts and the append-only audit trail. */
export class Initial1764150000000 implements MigrationInterface {
  name = 'Initial1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE communes (
        code text PRIMARY KEY,
        name text NOT NULL,
        time_zone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh'
      )`);
    await q.query(`
      CREATE TABLE units (
        commune text NOT NULL REFERENCES communes(code),
        code text NOT NULL,
        name text NOT NULL,
        PRIMARY KEY (commune, code)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commune text NOT NULL REFERENCES communes(code),
        username text NOT NULL UNIQUE,
        full_name text NOT NULL,
        email text,
        unit_code text,
        roles text[] NOT NULL,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (commune, unit_code) REFERENCES units(commune, code)
      )`);
    await q.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commune text NOT NULL REFERENCES communes(code),
        year int NOT NULL,
        title text NOT NULL,
        decision_number text,
        status text NOT NULL DEFAULT 'DRAFT',
        groups jsonb NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]',
        source_sha256 text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        UNIQUE (commune, year)
      )`);
    await q.query(`
      CREATE TABLE plan_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        commune text NOT NULL,
        number int NOT NULL,
        group_code text NOT NULL,
        content text NOT NULL,
        lead_units text[] NOT NULL,
        co_units text[] NOT NULL,
        lead_units_text text NOT NULL,
        co_units_text text NOT NULL,
        deadline_raw text NOT NULL,
        deadline_kind text NOT NULL,
        due_dates jsonb NOT NULL,
        original_due_dates jsonb NOT NULL,
        product text NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'NOT_STARTED',
        current_step jsonb,
        cycle int NOT NULL DEFAULT 0,
        snapshot jsonb,
        last_seq int NOT NULL DEFAULT -1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, number)
      )`);
    await q.query(`CREATE INDEX plan_tasks_commune_status ON plan_tasks (commune, status)`);
    await q.query(`
      CREATE TABLE inbox_items (
        task_id uuid NOT NULL REFERENCES plan_tasks(id),
        step_id text NOT NULL,
        commune text NOT NULL,
        kind text NOT NULL,
        unit_code text,
        holder_role text NOT NULL,
        assignee_id uuid,
        due_at date,
        opened_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (task_id, step_id)
      )`);
    await q.query(`CREATE INDEX inbox_items_assignee ON inbox_items (assignee_id, due_at)`);
    await q.query(`CREATE INDEX inbox_items_holder ON inbox_items (commune, holder_role, unit_code, due_at)`);
    await q.query(`
      CREATE TABLE draft_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES plan_tasks(id),
        cycle int NOT NULL,
        unit_code text NOT NULL,
        version int NOT NULL,
        content text NOT NULL,
        author_id uuid NOT NULL,
        author_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (task_id, cycle, unit_code, version)
      )`);
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES plan_tasks(id),
        commune text NOT NULL,
        name text NOT NULL,
        mime_type text NOT NULL,
        size int NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        uploaded_by_id uuid NOT NULL,
        uploaded_by_name text NOT NULL,
        linked boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_task ON attachments (task_id)`);
    await q.query(`
      CREATE TABLE delegations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commune text NOT NULL REFERENCES communes(code),
        from_user_id uuid NOT NULL REFERENCES users(id),
        to_user_id uuid NOT NULL REFERENCES users(id),
        valid_from date NOT NULL,
        valid_until date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CHECK (valid_until >= valid_from)
      )`);
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        commune text NOT NULL,
        task_id uuid NOT NULL REFERENCES plan_tasks(id),
        workflow_id text NOT NULL,
        seq int NOT NULL,
        at timestamptz NOT NULL,
        type text NOT NULL,
        actor_id uuid,
        actor_name text,
        role text,
        on_behalf_of_id uuid,
        on_behalf_of_name text,
        comment text,
        from_status text,
        to_status text,
        data jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workflow_id, seq)
      )`);
    await q.query(`CREATE INDEX audit_events_task ON audit_events (task_id, seq)`);
    // Append-only: even the table owner (the application's role) cannot rewrite the trail.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_events', 'delegations', 'attachments', 'draft_versions', 'inbox_items', 'plan_tasks', 'plans', 'users', 'units', 'communes']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_events_append_only`);
  }
}
