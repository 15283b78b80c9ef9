import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One deployment, many communes:
 * - `communes` gain their province (the Sở Nội vụ of a province oversees its communes) and when they were created;
 * - usernames are unique within a commune, no longer across the deployment (two communes may each have an `admin`);
 * - accounts above the communes (SUPERADMIN, DEPARTMENT_VIEWER) belong to no commune; a DEPARTMENT_VIEWER carries
 *   the province whose communes it may read. Their usernames stay unique across the deployment.
 * Existing rows keep their commune and username; An Lão gets its province.
 */
export class CommunesAndTenancy1764900000000 implements MigrationInterface {
  name = 'CommunesAndTenancy1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE communes ADD COLUMN province text, ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()`);
    // A commune without a province (one added by an older script) is overseen by no Sở Nội vụ until it gets one.
    await q.query(`UPDATE communes SET province = 'Hải Phòng' WHERE province IS NULL`);

    await q.query(`ALTER TABLE users DROP CONSTRAINT users_username_key`);
    await q.query(`ALTER TABLE users ALTER COLUMN commune DROP NOT NULL, ADD COLUMN province text`);
    await q.query(`CREATE UNIQUE INDEX users_commune_username ON users (commune, username)`);
    await q.query(`CREATE UNIQUE INDEX users_city_username ON users (username) WHERE commune IS NULL`);
    // A login without a commune looks the name up across the deployment.
    await q.query(`CREATE INDEX users_username ON users (username)`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_commune_or_city_role CHECK (
        (commune IS NOT NULL AND NOT roles && '{SUPERADMIN,DEPARTMENT_VIEWER}'::text[])
        OR (commune IS NULL AND unit_code IS NULL AND roles <@ '{SUPERADMIN,DEPARTMENT_VIEWER}'::text[]))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM users WHERE commune IS NULL`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_commune_or_city_role`);
    await q.query(`DROP INDEX users_username`);
    await q.query(`DROP INDEX users_city_username`);
    await q.query(`DROP INDEX users_commune_username`);
    await q.query(`ALTER TABLE users DROP COLUMN province, ALTER COLUMN commune SET NOT NULL`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_username_key UNIQUE (username)`);
    await q.query(`ALTER TABLE communes DROP COLUMN created_at, DROP COLUMN province`);
  }
}
