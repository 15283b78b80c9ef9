import { MigrationInterface, QueryRunner } from 'typeorm';
import { AN_LAO_UNITS } from '@app/domain';

/**
 * Units as data, plan tasks as the plan file has them, and amendments:
 * - `units` keeps each unit's name variants, whether it is a unit of the commune (INTERNAL) or an outside body
 *   (EXTERNAL), its place in the directory (the parser lists units in this order), and which unit holds the
 *   VHXH_REVIEW level (one per commune, an internal one). Units already there get the An Lão directory's variants,
 *   and VHXH becomes the reviewing unit, as it was in code until now; the outside bodies arrive with the next seed;
 * - `plan_tasks` keeps the number users know a task by ("III.2"), where it was read in the file, its place in the
 *   latest plan document, and its withdrawal by an amendment;
 * - `plan_amendments` records what each amendment changed in which task and by which decision: append-only, like
 *   the audit trail.
 */
export class UnitsAndAmendments1764600000000 implements MigrationInterface {
  name = 'UnitsAndAmendments1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE units
        ADD COLUMN aliases text[] NOT NULL DEFAULT '{}',
        ADD COLUMN kind text NOT NULL DEFAULT 'INTERNAL' CHECK (kind IN ('INTERNAL', 'EXTERNAL')),
        ADD COLUMN reviewing boolean NOT NULL DEFAULT false,
        ADD COLUMN position int NOT NULL DEFAULT 0,
        ADD CONSTRAINT units_reviewing_is_internal CHECK (NOT reviewing OR kind = 'INTERNAL')`);
    await q.query(`CREATE UNIQUE INDEX units_one_reviewing_per_commune ON units (commune) WHERE reviewing`);
    const seed = AN_LAO_UNITS.map((u, i) => ({ code: u.code, aliases: u.aliases, kind: u.kind, position: i + 1 }));
    await q.query(
      `UPDATE units u SET aliases = s.aliases, kind = s.kind, position = s.position
       FROM jsonb_to_recordset($1::jsonb) AS s(code text, aliases text[], kind text, position int) WHERE u.code = s.code`,
      [JSON.stringify(seed)],
    );
    await q.query(`UPDATE units SET position = 1000 WHERE position = 0`);
    await q.query(`UPDATE units SET reviewing = true WHERE code = 'VHXH'`);

    await q.query(`
      ALTER TABLE plan_tasks
        ADD COLUMN display_number text,
        ADD COLUMN source jsonb,
        ADD COLUMN position int,
        ADD COLUMN withdrawn_at timestamptz,
        ADD COLUMN withdrawn_decision text`);
    // Rows written without them (before this migration, or by code that does not know them) read as their number.
    await q.query(`UPDATE plan_tasks SET display_number = number::text, position = number`);

    await q.query(`
      CREATE TABLE plan_amendments (
        id bigserial PRIMARY KEY,
        amendment_id uuid NOT NULL,
        commune text NOT NULL,
        plan_id uuid NOT NULL REFERENCES plans(id),
        task_id uuid NOT NULL REFERENCES plan_tasks(id),
        change text NOT NULL CHECK (change IN ('ADDED', 'CHANGED', 'WITHDRAWN')),
        fields text[] NOT NULL DEFAULT '{}',
        before jsonb,
        after jsonb,
        workflow text CHECK (workflow IN ('started', 'schedule', 'withdrawn')),
        note text,
        decision text NOT NULL,
        actor_id uuid NOT NULL,
        actor_name text NOT NULL,
        source_sha256 text,
        at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (amendment_id, task_id)
      )`);
    await q.query(`CREATE INDEX plan_amendments_plan ON plan_amendments (plan_id, at, id)`);
    await q.query(`CREATE INDEX plan_amendments_task ON plan_amendments (task_id, at, id)`);
    // What a decision changed stays as it was recorded, like the audit trail.
    await q.query(`
      CREATE FUNCTION plan_amendments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'plan_amendments is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER plan_amendments_no_update_delete BEFORE UPDATE OR DELETE OR TRUNCATE ON plan_amendments
      FOR EACH STATEMENT EXECUTE FUNCTION plan_amendments_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON plan_amendments FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS plan_amendments`);
    await q.query(`DROP FUNCTION IF EXISTS plan_amendments_append_only`);
    await q.query(
      `ALTER TABLE plan_tasks DROP COLUMN display_number, DROP COLUMN source, DROP COLUMN position, DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_decision`,
    );
    await q.query(`DROP INDEX IF EXISTS units_one_reviewing_per_commune`);
    await q.query(
      `ALTER TABLE units DROP CONSTRAINT units_reviewing_is_internal, DROP COLUMN aliases, DROP COLUMN kind, DROP COLUMN reviewing, DROP COLUMN position`,
    );
  }
}
