/**
 * jest globalSetup of the medium and e2e projects: ONE embedded PostgreSQL and ONE Temporal dev server for the whole run.
 * - unless DATABASE_URL is given: embedded PostgreSQL on a free port, fresh data dir under os.tmpdir(), database cchc_test;
 * - unless TEMPORAL_ADDRESS is given: `temporal server start-dev --headless`, in memory, on a free port.
 * The addresses go to process.env (DATABASE_URL, TEMPORAL_ADDRESS; jest workers inherit them) and to a JSON file
 * (see services.ts: testServices()). global-teardown.ts stops what was started here.
 * Relative imports only: jest's moduleNameMapper (@app/*) does not apply to globalSetup modules.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EmbeddedPostgres } from '../../tools/devstack/src/embedded-postgres';
import { freePort } from '../../tools/devstack/src/free-port';
import { TemporalDevServer, startTemporalDevServer } from '../../tools/devstack/src/temporal-dev-server';
import { startEmbeddedPostgres } from '../../tools/devstack/src/embedded-postgres';
import { PortInUseError } from '../../tools/devstack/src/ports';
import { defaultServicesFile, SERVICES_FILE_ENV, TestServices } from './services';
import { SEARCH_ATTRIBUTE_CLI_TYPES } from '../../libs/contracts/src/search-attributes';

export interface StartedTestServices {
  pg?: EmbeddedPostgres;
  temporal?: TemporalDevServer;
  tmpDir?: string;
  files: string[];
  services: TestServices;
  onSignal?: (signal: NodeJS.Signals) => void;
}

export const GLOBAL_KEY = '__CCHC_TEST_SERVICES__';

const verbose = !!process.env.CCHC_TEST_SERVICES_LOG;

/** Start with a free port; retry with another if someone took it in between. */
async function withFreePort<T>(start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await start(port);
    } catch (err) {
      const clash = err instanceof PortInUseError || /already in use/i.test((err as Error).message);
      if (!clash || attempt >= 3) throw err;
    }
  }
}

export default async function globalSetup(): Promise<void> {
  // The medium and e2e projects share one set of services when they run together.
  if ((globalThis as Record<string, unknown>)[GLOBAL_KEY]) return;
  const t0 = Date.now();
  const started: StartedTestServices = { files: [], services: { databaseUrl: '', temporalAddress: '' } };
  (globalThis as Record<string, unknown>)[GLOBAL_KEY] = started;
  const notes: string[] = [];

  const tasks: Promise<void>[] = [];
  if (process.env.DATABASE_URL) {
    started.services.databaseUrl = process.env.DATABASE_URL;
    notes.push('PostgreSQL: DATABASE_URL');
  } else {
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-test-'));
    fs.chmodSync(tmpDir, 0o755); // the server runs as user postgres when we are root
    started.tmpDir = tmpDir;
    tasks.push(
      withFreePort((port) =>
        startEmbeddedPostgres({
          dataDir: path.join(tmpDir, 'pg'),
          port,
          databases: ['cchc_test'],
          ephemeral: true,
          portEnvVar: 'DATABASE_URL',
          onLog: verbose ? (l) => console.log(`[postgres] ${l}`) : undefined,
        }),
      ).then((pg) => {
        started.pg = pg;
        started.services.databaseUrl = pg.url('cchc_test');
        notes.push(`PostgreSQL 127.0.0.1:${pg.port} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      }),
    );
  }
  if (process.env.TEMPORAL_ADDRESS) {
    started.services.temporalAddress = process.env.TEMPORAL_ADDRESS;
    notes.push('Temporal: TEMPORAL_ADDRESS');
  } else {
    tasks.push(
      withFreePort((port) =>
        startTemporalDevServer({
          port,
          portEnvVar: 'TEMPORAL_ADDRESS',
          // The workflows' search attributes (commune, year, kind, task number, stage, overdue).
          searchAttributes: SEARCH_ATTRIBUTE_CLI_TYPES,
          onLog: verbose ? (l) => console.log(`[temporal] ${l}`) : undefined,
        }),
      ).then((temporal) => {
        started.temporal = temporal;
        started.services.temporalAddress = temporal.address;
        notes.push(`Temporal ${temporal.address} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      }),
    );
  }

  const results = await Promise.allSettled(tasks);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    await Promise.all([started.pg?.stop(), started.temporal?.stop()]);
    if (started.tmpDir) fs.rmSync(started.tmpDir, { recursive: true, force: true });
    throw failure.reason;
  }

  process.env.DATABASE_URL = started.services.databaseUrl;
  if (started.pg) process.env.CCHC_TEST_PG_EMBEDDED = '1';
  process.env.TEMPORAL_ADDRESS = started.services.temporalAddress;
  // One file per run (two runs at once on one machine must not read each other's), and the well-known one.
  const runFile = path.join(os.tmpdir(), `cchc-test-services-${process.pid}.json`);
  const json = JSON.stringify({ ...started.services, pid: process.pid, startedAt: new Date().toISOString() }, null, 2);
  for (const file of [runFile, defaultServicesFile()]) {
    fs.writeFileSync(file, json);
    started.files.push(file);
  }
  process.env[SERVICES_FILE_ENV] = runFile;

  // If jest is killed (CI timeout, kill <pid>), stop the servers first, then die of the same signal.
  const onSignal = (signal: NodeJS.Signals) => {
    for (const s of [started.temporal, started.pg]) s?.process.child.kill(s === started.pg ? 'SIGINT' : 'SIGTERM');
    process.kill(process.pid, signal);
  };
  started.onSignal = onSignal;
  for (const sig of ['SIGTERM', 'SIGHUP'] as const) process.once(sig, onSignal);

  console.log(`\n[test services] ${notes.join(', ')} — sẵn sàng sau ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
