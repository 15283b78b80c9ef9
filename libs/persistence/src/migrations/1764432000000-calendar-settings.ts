import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A commune's working-day calendar and its settings, as data the admin edits:
 * - `calendar_years`: the years whose list of exceptions is set (by the seed or by the admin), so a second seed run
 *   never brings back a day the admin removed, and a year with no list at all is told from a year with none set;
 * - `calendar_days`: the exceptions to Monday–Friday of each year, a holiday or a working Saturday with its name;
 *   inactive rows are suggestions the admin can switch on (24/11, Ngày Văn hóa Việt Nam), not counted;
 * - `settings`: one JSON document per commune and name (`deadlines`, `reports`), checked by the API before it is
 *   stored; absent means the defaults.
 */
export class CalendarSettings1764432000000 implements MigrationInterface {
  name = 'CalendarSettings1764432000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_years (
        commune text NOT NULL REFERENCES communes(code),
        year int NOT NULL,
        source text NOT NULL CHECK (source IN ('SEED', 'ADMIN')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id),
        PRIMARY KEY (commune, year)
      )`);
    await q.query(`
      CREATE TABLE calendar_days (
        commune text NOT NULL,
        date date NOT NULL,
        year int GENERATED ALWAYS AS (extract(year FROM date)::int) STORED,
        kind text NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKING_SATURDAY')),
        name text NOT NULL CHECK (btrim(name) <> ''),
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (commune, date),
        FOREIGN KEY (commune, year) REFERENCES calendar_years(commune, year) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE settings (
        commune text NOT NULL REFERENCES communes(code),
        name text NOT NULL,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id),
        PRIMARY KEY (commune, name)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS settings`);
    await q.query(`DROP TABLE IF EXISTS calendar_days`);
    await q.query(`DROP TABLE IF EXISTS calendar_years`);
  }
}
