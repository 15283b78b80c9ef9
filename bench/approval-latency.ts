/**
 * bench/approval-latency: p50/p95 of "POST decision → the next GET /inbox shows it" over at least 200 decisions,
 * beside a baseline measured in the same run on the same Temporal server: a bare Update round trip.
 * Usage: npm run bench:approval-latency [-- --decisions 200]
 * Uses DATABASE_URL / TEMPORAL_ADDRESS when set; otherwise starts a throwaway PostgreSQL and Temporal dev server.
 */
import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Client as PgClient } from 'pg';
import { servicesFromEnvOrThrowaway } from '@tools/devstack';
import { startTestApp, TestApp } from '../test/support/app';
import { echoUpdate, echoWorkflow, stopSignal } from './echo-workflow';
import { SEARCH_ATTRIBUTE_CLI_TYPES } from '@app/contracts';
import { TemporalService } from '../apps/api/src/temporal/temporal.service';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DECISIONS = arg('decisions', 200);

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const pick = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { n: s.length, p50: pick(50), p95: pick(95), mean: s.reduce((a, b) => a + b, 0) / s.length };
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

/**
 * Database round trips, counted where every query of this process goes out (the API and the worker both run here
 * and share node-postgres): each query a client sends is one round trip.
 */
let queriesSent = 0;
const sendQuery = PgClient.prototype.query;
PgClient.prototype.query = function (this: PgClient, ...args: unknown[]) {
  queriesSent++;
  return (sendQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof PgClient.prototype.query;
const roundTrips: number[] = [];
/** Where a decision's time goes: the POST as a whole, the Update inside it (as the API waits for it), the inbox read(s). */
let timingDecision = false; // only the timed decisions' Updates (drafts and submissions between them are Updates too)
const parts = { post: [] as number[], update: [] as number[], reads: [] as number[], floor: [] as number[] };

/** Times every Update the API sends, from the API's side. */
function timeUpdates(t: TestApp): void {
  const temporal = t.app.get(TemporalService);
  const send = temporal.update.bind(temporal);
  temporal.update = (async (...args: Parameters<typeof send>) => {
    const t0 = performance.now();
    try {
      return await send(...args);
    } finally {
      if (timingDecision) parts.update.push(performance.now() - t0);
    }
  }) as typeof temporal.update;
}

async function baseline(address: string, count: number): Promise<number[]> {
  const connection = await NativeConnection.connect({ address });
  const taskQueue = `bench-echo-${Date.now()}`;
  const worker = await Worker.create({ connection, taskQueue, workflowsPath: require.resolve('./echo-workflow') });
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect({ address }) });
  const handle = await client.workflow.start(echoWorkflow, { taskQueue, workflowId: `${taskQueue}-wf` });
  const samples: number[] = [];
  for (let i = 0; i < count + 10; i++) {
    const t0 = performance.now();
    const r = await handle.executeUpdate(echoUpdate, { args: [i] });
    if (r !== i) throw new Error('echo mismatch');
    if (i >= 10) samples.push(performance.now() - t0); // the first few warm the caches
  }
  await handle.signal(stopSignal);
  worker.shutdown();
  await running;
  await connection.close();
  await client.connection.close();
  return samples;
}

async function decisions(t: TestApp, count: number): Promise<number[]> {
  const tokens: Record<string, string> = {};
  for (const u of ['ttpvhcc.giamdoc', 'ttpvhcc.chuyenvien', 'vhxh.truongphong', 'vhxh.cchc']) tokens[u] = await t.login(u);
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const staff = (await t.http().get('/api/users?unit=TTPVHCC&role=STAFF').set(as('ttpvhcc.giamdoc'))).body[0].id;
  const tasks = (await t.http().get(`/api/plans/${t.planId}/tasks?unit=TTPVHCC`).set(as('vhxh.cchc'))).body
    .filter((x: any) => x.leadUnits.length === 1) // task 19 is led by every unit: its chain waits for all five parts
    .map((x: any) => x.id);
  for (let i = 0; i < 240; i++) {
    const inbox = (await t.http().get('/api/inbox').set(as('ttpvhcc.giamdoc'))).body;
    if (tasks.every((id: string) => inbox.some((x: any) => x.taskId === id && x.kind === 'ASSIGN'))) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  // The HTTP floor: an authenticated request that reads only the session, as both of a decision's requests must.
  for (let i = 0; i < 20 + count; i++) {
    const t0 = performance.now();
    await t.http().get('/api/me').set(as('vhxh.truongphong')).expect(200);
    if (i >= 20) parts.floor.push(performance.now() - t0);
  }
  for (const id of tasks) await t.http().post(`/api/tasks/${id}/assign`).set(as('ttpvhcc.giamdoc')).send({ assigneeId: staff }).expect(200);

  /** One decision, timed from the POST until the next holder's inbox read shows where the task went. */
  const timed = async (id: string, who: string, body: object, nextHolder: string, nextKind: string) => {
    const t0 = performance.now();
    const before = queriesSent;
    timingDecision = true;
    const res = await t.http().post(`/api/tasks/${id}/decision`).set(as(who)).send(body);
    timingDecision = false;
    roundTrips.push(queriesSent - before);
    parts.post.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`decision ${res.status} ${JSON.stringify(res.body)}`);
    for (let reads = 1; ; reads++) {
      const inbox = (await t.http().get('/api/inbox').set(as(nextHolder))).body;
      if (inbox.some((x: any) => x.taskId === id && x.kind === nextKind)) break;
      if (reads >= 50) throw new Error(`${nextHolder}'s inbox never showed ${nextKind} for task ${id}: ${JSON.stringify(inbox).slice(0, 500)}`);
      laggingReads++;
    }
    const total = performance.now() - t0;
    parts.reads.push(total - parts.post[parts.post.length - 1]);
    return total;
  };

  const samples: number[] = [];
  let laggingReads = 0;
  let round = 0;
  while (samples.length < count) {
    const id = tasks[round++ % tasks.length];
    await t.http().put(`/api/tasks/${id}/draft`).set(as('ttpvhcc.chuyenvien')).send({ content: `Bản ${round}` }).expect(200);
    await t.http().post(`/api/tasks/${id}/submit`).set(as('ttpvhcc.chuyenvien')).send({}).expect(200);
    samples.push(await timed(id, 'ttpvhcc.giamdoc', { decision: 'approve' }, 'vhxh.truongphong', 'VHXH_REVIEW'));
    samples.push(await timed(id, 'vhxh.truongphong', { decision: 'return', comment: 'Bổ sung' }, 'ttpvhcc.chuyenvien', 'DRAFT'));
  }
  // The contract: the decision returns after the read model is written, so no read should have lagged.
  console.log(`inbox reads that did not yet show the decision: ${laggingReads}`);
  return samples;
}

async function main() {
  const stops: (() => Promise<void>)[] = [];
  try {
    const services = await servicesFromEnvOrThrowaway({ name: 'cchc-bench', searchAttributes: SEARCH_ATTRIBUTE_CLI_TYPES });
    stops.push(() => services.stop());
    console.log(`approval-latency: ${DECISIONS} decisions; PostgreSQL and Temporal on this machine (${process.env.TEMPORAL_ADDRESS})`);
    const t = await startTestApp({ activate: true });
    timeUpdates(t);
    stops.unshift(() => t.stop());
    const base = stats(await baseline(process.env.TEMPORAL_ADDRESS!, DECISIONS));
    const dec = stats(await decisions(t, DECISIONS));
    console.log('');
    console.log('| measure | n | p50 | p95 | mean |');
    console.log('|---|---|---|---|---|');
    console.log(`| baseline: bare Temporal Update round trip | ${base.n} | ${ms(base.p50)} | ${ms(base.p95)} | ${ms(base.mean)} |`);
    console.log(`| POST decision → next GET /inbox shows it | ${dec.n} | ${ms(dec.p50)} | ${ms(dec.p95)} | ${ms(dec.mean)} |`);
    console.log(`| ratio (decision / baseline) | | ${(dec.p50 / base.p50).toFixed(2)}× | ${(dec.p95 / base.p95).toFixed(2)}× | ${(dec.mean / base.mean).toFixed(2)}× |`);
    const trips = stats(roundTrips);
    const show = (label: string, x: number[]) => {
      const st = stats(x);
      console.log(`${label}: p50 ${ms(st.p50)}, p95 ${ms(st.p95)}, mean ${ms(st.mean)}`);
    };
    console.log('');
    show('of which the POST decision', parts.post);
    show('  of which the Update (as the API waits for it)', parts.update);
    show('of which the inbox read(s) after it', parts.reads);
    show('floor: GET /api/me (token and session read only)', parts.floor);
    const floor = stats(parts.floor);
    console.log(
      `so a decision (one POST, one GET) cannot go below the bare Update + 2 × that floor: ${((base.p50 + 2 * floor.p50) / base.p50).toFixed(2)}× at p50, ${((base.p95 + 2 * floor.p95) / base.p95).toFixed(2)}× at p95`,
    );
    console.log('');
    console.log(
      `database round trips per decision (API and worker, while the POST runs): p50 ${trips.p50}, p95 ${trips.p95}, mean ${trips.mean.toFixed(1)}`,
    );
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
