import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig, ROOT_DIR } from '@app/config';
import { parsePlan } from '@app/domain';
import { importParsedPlan, openDatabase, seedCalendar, seedCommune, seedDemoAccounts } from '@app/persistence';
import { buildApp } from '../../apps/api/src/app';
import { RunningWorker, startWorker } from '../../apps/worker/src/worker';
import { testServices } from './services';

export const SEED_PLAN = path.join(ROOT_DIR, 'data', 'seed', 'ke-hoach-cchc-an-lao-2026.txt');

export interface TestApp {
  url: string;
  config: AppConfig;
  commune: string;
  planId: string;
  ds: DataSource;
  app: INestApplication;
  worker: RunningWorker | null;
  http(): ReturnType<typeof request>;
  login(username: string, password?: string): Promise<string>;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  stop(): Promise<void>;
}

/** A database of its own for one test file, so files never see each other's rows. */
async function createDatabase(baseUrl: string): Promise<string> {
  const name = `cchc_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The whole product in this process against the real PostgreSQL and Temporal server of the test run: migrations,
 * the commune with its demo accounts (password "demo"), the An Lão plan imported, the API listening on a free
 * port and a worker. Each file gets its own database, commune code and task queue, so workflow ids never collide.
 */
export async function startTestApp(
  opts: {
    activate?: boolean;
    worker?: boolean;
    env?: Record<string, string>;
    /** The API's own way to the database (e.g. through a proxy a test can cut); the worker keeps the direct one. */
    apiDatabaseUrl?: (databaseUrl: string) => string;
  } = {},
): Promise<TestApp> {
  const services = testServices();
  const databaseUrl = await createDatabase(services.databaseUrl);
  const commune = `t${randomBytes(3).toString('hex')}`;
  const apiDatabaseUrl = opts.apiDatabaseUrl?.(databaseUrl) ?? databaseUrl;
  const config: AppConfig = {
    ...loadConfig({ ...process.env, ...opts.env, DATABASE_URL: apiDatabaseUrl, TEMPORAL_ADDRESS: services.temporalAddress, NODE_ENV: 'test' }),
    taskQueue: `cchc-${commune}`,
    defaultCommune: commune,
    temporalUiUrl: 'http://localhost:8233',
  };
  const ds = await openDatabase(databaseUrl, { poolSize: 4 });
  await seedCommune(ds, commune);
  await seedCalendar(ds, commune);
  await seedDemoAccounts(ds, commune, 'demo');
  const text = await fs.readFile(SEED_PLAN, 'utf8');
  const { planId } = await importParsedPlan(ds, commune, parsePlan(text), text);

  const app = await buildApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer();
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const t: TestApp = {
    url,
    config,
    commune,
    planId,
    ds,
    app,
    worker: null,
    http: () => request(server),
    async login(username: string, password = 'demo') {
      const res = await request(server).post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async startWorker() {
      if (!t.worker) t.worker = await startWorker({ ...config, databaseUrl }, { dataSource: ds });
    },
    async stopWorker() {
      await t.worker?.stop();
      t.worker = null;
    },
    async stop() {
      await t.stopWorker();
      await app.close();
      await ds.destroy();
    },
  };
  if (opts.worker ?? true) await t.startWorker();
  if (opts.activate) {
    const token = await t.login('vhxh.cchc');
    const res = await request(server).post(`/api/plans/${planId}/activate`).set('Authorization', `Bearer ${token}`);
    if (res.status !== 200) throw new Error(`activate: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return t;
}
