import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';

/** The real services of the e2e test run, started once by global-setup.ts (or given by DATABASE_URL / TEMPORAL_ADDRESS). */
export interface TestServices {
  /** postgres://… of the test database `cchc_test` (or DATABASE_URL as given). */
  databaseUrl: string;
  /** host:port of the Temporal dev server (or TEMPORAL_ADDRESS as given). */
  temporalAddress: string;
}

/** Variable naming the JSON file of this run (set by global-setup, inherited by jest workers). */
export const SERVICES_FILE_ENV = 'CCHC_TEST_SERVICES_FILE';

/** The well-known file of the latest run: `<tmpdir>/cchc-test-services.json`. */
export function defaultServicesFile(): string {
  return path.join(os.tmpdir(), 'cchc-test-services.json');
}

/**
 * The services to test against. Reads process.env (set by the global setup) and falls back to the JSON file the
 * setup wrote. Throws a clear message when no setup ran (e.g. a file run outside the e2e jest project).
 */
export function testServices(): TestServices {
  const { DATABASE_URL, TEMPORAL_ADDRESS } = process.env;
  if (DATABASE_URL && TEMPORAL_ADDRESS) return { databaseUrl: DATABASE_URL, temporalAddress: TEMPORAL_ADDRESS };
  const file = process.env[SERVICES_FILE_ENV] || defaultServicesFile();
  let parsed: Partial<TestServices>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new Error(
      `Chưa có dịch vụ kiểm thử (${file} không đọc được). Chạy test e2e qua jest: \`npx jest --selectProjects e2e\` ` +
        `(test/support/global-setup.ts khởi động PostgreSQL và Temporal). (test services not started)`,
    );
  }
  return {
    databaseUrl: DATABASE_URL || parsed.databaseUrl!,
    temporalAddress: TEMPORAL_ADDRESS || parsed.temporalAddress!,
  };
}

/** The URL with another database name. */
export function withDatabase(databaseUrl: string, database: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/**
 * A fresh, empty database on the test server (for a test file that needs its own schema), dropped by `drop()`.
 * Name: `<prefix>_<random>`, lowercase.
 */
export async function createTestDatabase(prefix = 'cchc_t'): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const { databaseUrl } = testServices();
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(databaseUrl, name),
    async drop() {
      const c = new Client({ connectionString: databaseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
