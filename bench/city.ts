/**
 * bench/city: one deployment for a city. Creates N communes (default 114, Hải Phòng's count) through the API, each
 * with the An Lão plan, activates them all and measures how fast the task workflows reach their first open step,
 * beside a bare workflow-start rate on the same server in the same run (goal ≥ 0.7× of it); then fills the read
 * model to 100,000 open inbox items and measures GET /inbox p95 for a unit head (goal ≤ 20 ms, with the query
 * plan), and the Sở Nội vụ overview over all communes (goal ≤ 200 ms p95). Prints a table. A script, not a test.
 * Usage: npm run bench:city [-- --communes 20] [--inbox-items 100000] [--requests 200]
 * Uses DATABASE_URL / TEMPORAL_ADDRESS when set; otherwise starts a throwaway PostgreSQL and Temporal dev server.
 */
import 'reflect-metadata';
import { readFileSync } from 'fs';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { SEARCH_ATTRIBUTE_CLI_TYPES } from '@app/contracts';
import { communeDate, principalsOf } from '@app/domain';
import { openDatabase, ReadModel, seedCityAccounts } from '@app/persistence';
import { startWorker } from '../apps/worker/src/worker';
import { servicesFromEnvOrThrowaway } from '@tools/devstack';
import { SEED_PLAN, startTestApp, TestApp } from '../test/support/app';
import { bareWorkflow } from './echo-workflow';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COMMUNES = arg('communes', 114);
const INBOX_ITEMS = arg('inbox-items', 100_000);
const REQUESTS = arg('requests', 200);
/** The worker's database pool; without it the worker shares the test app's (4 connections, like production's 5). */
const WORKER_POOL = arg('worker-pool', 0);
const PASSWORD = 'bench-city-2026';
const UNITS = ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'];

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const pick = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { n: s.length, p50: pick(50), p95: pick(95) };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

/** Bare workflow starts on the same server: started `limit` at a time, each ending in its first workflow task. */
async function bareStartRate(address: string, count: number): Promise<{ seconds: number; perSecond: number }> {
  const connection = await NativeConnection.connect({ address });
  const taskQueue = `bench-bare-${Date.now()}`;
  const worker = await Worker.create({ connection, taskQueue, workflowsPath: require.resolve('./echo-workflow') });
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect({ address }) });
  const t0 = performance.now();
  const handles: Awaited<ReturnType<typeof client.workflow.start<typeof bareWorkflow>>>[] = [];
  await pool(
    Array.from({ length: count }, (_, i) => i),
    32,
    async (i) => void handles.push(await client.workflow.start(bareWorkflow, { taskQueue, workflowId: `${taskQueue}-${i}`, args: [i] })),
  );
  await pool(handles, 64, async (h) => void (await h.result()));
  const seconds = (performance.now() - t0) / 1000;
  worker.shutdown();
  await running;
  await connection.close();
  await client.connection.close();
  return { seconds, perSecond: count / seconds };
}

async function timedGets(t: TestApp, url: string, token: string, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n + 10; i++) {
    const t0 = performance.now();
    const res = await t.http().get(url).set({ Authorization: `Bearer ${token}` });
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    if (i >= 10) samples.push(performance.now() - t0); // the first few warm the caches
  }
  return samples;
}

async function main() {
  const stops: (() => Promise<void>)[] = [];
  const rows: string[][] = [];
  try {
    const services = await servicesFromEnvOrThrowaway({ name: 'cchc-bench', searchAttributes: SEARCH_ATTRIBUTE_CLI_TYPES });
    stops.push(() => services.stop());
    log(`city: ${COMMUNES} communes × the An Lão plan; PostgreSQL and Temporal on this machine (${process.env.TEMPORAL_ADDRESS}); worker pool ${WORKER_POOL || 'shared, 4'}`);
    // Every commune's admin signs in from this one address: the per-address login limit is for real clients.
    const t = await startTestApp({ worker: !WORKER_POOL, env: { LOGIN_THROTTLE_PER_ADDRESS: '100000' } });
    stops.unshift(() => t.stop());
    if (WORKER_POOL) {
      const databaseUrl = (t.ds.options as { url?: string }).url!;
      const ds = await openDatabase(databaseUrl, { migrate: false, poolSize: WORKER_POOL });
      t.worker = await startWorker({ ...t.config, databaseUrl }, { dataSource: ds });
      stops.unshift(async () => {
        await t.stopWorker();
        await ds.destroy();
      });
    }
    await seedCityAccounts(t.ds, 'demo');
    const superadmin = await t.login('superadmin');
    const planText = readFileSync(SEED_PLAN, 'utf8');

    // 1. The communes, through the API as the SUPERADMIN, each importing its plan as its own admin.
    const t1 = performance.now();
    const communes: { code: string; admin: string; planId: string }[] = [];
    await pool(
      Array.from({ length: COMMUNES }, (_, i) => i + 1),
      4,
      async (i) => {
        const code = `xa-${String(i).padStart(3, '0')}`;
        const auth = { Authorization: `Bearer ${superadmin}` };
        await t
          .http()
          .post('/api/communes')
          .set(auth)
          .send({ code, name: `Xã Thử ${i}`, province: 'Hải Phòng', admin: { username: 'admin', password: PASSWORD, fullName: `Quản trị xã ${i}` } })
          .expect(201);
        const login = await t.http().post('/api/auth/login').send({ commune: code, username: 'admin', password: PASSWORD }).expect(200);
        const admin = login.body.accessToken as string;
        const imported = await t.http().post('/api/plans/import').set({ Authorization: `Bearer ${admin}` }).set('Content-Type', 'text/plain').send(planText).expect(201);
        communes.push({ code, admin, planId: imported.body.planId });
      },
    );
    const codes = communes.map((c) => c.code);
    const taskTotal: number = (await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE commune = ANY ($1)`, [codes]))[0].n;
    log(`${COMMUNES} communes created with their plans (${taskTotal} tasks) in ${((performance.now() - t1) / 1000).toFixed(1)} s`);

    // 2. The baseline: as many bare workflows, started on the same server.
    const bare = await bareStartRate(process.env.TEMPORAL_ADDRESS!, taskTotal);
    log(`bare starts: ${taskTotal} in ${bare.seconds.toFixed(1)} s`);

    // 3. Every plan activated; a task has reached its first open step when the read model holds its snapshot.
    const t3 = performance.now();
    await pool(communes, 4, async (c) => {
      await t.http().post(`/api/plans/${c.planId}/activate`).set({ Authorization: `Bearer ${c.admin}` }).expect(200);
    });
    const activatedIn = (performance.now() - t3) / 1000;
    let opened = 0;
    for (let last = -1, since = performance.now(); opened < taskTotal; await sleep(200)) {
      opened = (await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE commune = ANY ($1) AND snapshot IS NOT NULL`, [codes]))[0].n;
      if (opened !== last) [last, since] = [opened, performance.now()];
      if (performance.now() - since > 120_000) throw new Error(`stalled at ${opened}/${taskTotal} task workflows`);
    }
    const openSeconds = (performance.now() - t3) / 1000;
    log(`${taskTotal} task workflows at their first open step in ${openSeconds.toFixed(1)} s (activation calls: ${activatedIn.toFixed(1)} s)`);
    const taskRate = taskTotal / openSeconds;
    rows.push(['bare workflow starts (baseline)', `${taskTotal}`, `${bare.perSecond.toFixed(1)}/s`, '', '']);
    rows.push([
      'task workflows → first open step',
      `${taskTotal}`,
      `${taskRate.toFixed(1)}/s`,
      `${(taskRate / bare.perSecond).toFixed(2)}× baseline`,
      '≥ 0.7× baseline',
    ]);

    // The reads below never touch Temporal. In this one process the worker is still sending the e-mails of a plan
    // activated late in the year (escalations of 3,648 tasks): stopped, so the API's figures are its own (in
    // production the API and the worker are separate processes).
    await t.stopWorker();

    // 4. The read model filled to INBOX_ITEMS open inbox items, spread over the communes' tasks and units.
    const present: number = (await t.ds.query(`SELECT count(*)::int AS n FROM inbox_items`))[0].n;
    const missing = Math.max(0, INBOX_ITEMS - present);
    const perTask = Math.ceil(missing / taskTotal);
    await t.ds.query(
      `INSERT INTO inbox_items (workflow_id, task_id, step_id, commune, kind, unit_code, holder_role, due_at, opened_at, principals)
       SELECT t.workflow_id, t.id, 'bench-' || g, t.commune, 'UNIT_REVIEW', u.code, 'UNIT_HEAD', DATE '2026-01-01' + ((g * 7 + t.number) % 365), now(),
              ARRAY['unit:' || u.code || ':UNIT_HEAD']
       FROM plan_tasks t CROSS JOIN generate_series(1, $2::int) g
       CROSS JOIN LATERAL (SELECT ($3::text[])[1 + ((g + t.number) % 5)] AS code) u
       WHERE t.commune = ANY ($1)
       LIMIT $4`,
      [codes, perTask, UNITS, missing],
    );
    await t.ds.query(`ANALYZE inbox_items`);
    const items: number = (await t.ds.query(`SELECT count(*)::int AS n FROM inbox_items`))[0].n;
    log(`inbox_items: ${items} open items`);

    // A unit head of one commune, created by its admin.
    const one = communes[0];
    await t
      .http()
      .post('/api/users')
      .set({ Authorization: `Bearer ${one.admin}` })
      .send({ username: 'kt.truongphong', fullName: 'Trưởng phòng Kinh tế', unit: 'KT', roles: ['UNIT_HEAD'], password: PASSWORD })
      .expect(201);
    const head = (await t.http().post('/api/auth/login').send({ commune: one.code, username: 'kt.truongphong', password: PASSWORD }).expect(200)).body;
    const inbox = stats(await timedGets(t, '/api/inbox', head.accessToken, REQUESTS));
    const seen = (await t.http().get('/api/inbox').set({ Authorization: `Bearer ${head.accessToken}` })).body.length;
    rows.push([`GET /inbox, unit head (${seen} items of ${items})`, `${inbox.n}`, `p50 ${inbox.p50.toFixed(1)} ms`, `p95 ${inbox.p95.toFixed(1)} ms`, '≤ 20 ms p95']);
    const actor = { id: head.user.id, fullName: head.user.fullName, commune: one.code, unit: 'KT', roles: head.user.roles };
    const plan = await new ReadModel(t.ds).inbox.explainOpenStepsFor(one.code, principalsOf(actor, communeDate(Date.now())), head.user.id);

    // 5. The Sở Nội vụ overview over every commune.
    const viewer = await t.login('sonoivu');
    const overview = stats(await timedGets(t, '/api/overview?year=2026', viewer, Math.min(REQUESTS, 100)));
    const shown = (await t.http().get('/api/overview?year=2026').set({ Authorization: `Bearer ${viewer}` })).body.communes.length;
    rows.push([`GET /overview, Sở Nội vụ (${shown} communes)`, `${overview.n}`, `p50 ${overview.p50.toFixed(1)} ms`, `p95 ${overview.p95.toFixed(1)} ms`, '≤ 200 ms p95']);

    console.log('');
    console.log('EXPLAIN ANALYZE of the unit head’s inbox query:');
    for (const line of plan) console.log(`  ${line}`);
    console.log('');
    console.log(`| measure (${COMMUNES} communes, ${taskTotal} task workflows) | n | rate / p50 | ratio / p95 | goal |`);
    console.log('|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  } finally {
    for (const stop of stops) await stop().catch((e) => console.error(e));
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
