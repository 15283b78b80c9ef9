/**
 * bench/report-aggregation: the time to aggregate a commune's report from the read model (ReportAggregation, the
 * code GET /reports/{id} runs: every task with its latest state and the cycles its trail recorded, shaped by the
 * domain's status words) — for one commune of 32 tasks, and for a city's read model of 114 communes × 32 tasks with
 * 4 periods of history each — beside a plain SQL GROUP BY over the same rows (tasks by group and status, and their
 * trail) in the same run.
 * Usage: npm run bench:report-aggregation [-- --communes 114 --runs 20]
 * Uses DATABASE_URL when set (a database of its own is created in it); otherwise starts a throwaway PostgreSQL.
 */
import 'reflect-metadata';
import { randomBytes } from 'crypto';
import { readFileSync } from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { ROOT_DIR } from '@app/config';
import { parsePlan } from '@app/domain';
import { importParsedPlan, openDatabase, ReportAggregation, seedCommune } from '@app/persistence';
import { servicesFromEnvOrThrowaway } from '@tools/devstack';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COMMUNES = arg('communes', 114);
const RUNS = arg('runs', 20);
const YEAR = 2026;
const TODAY = '2026-11-26';

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const pick = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { n: s.length, p50: pick(50), p95: pick(95) };
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm the caches and the plans
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * The city's read model: each commune imports the An Lão plan (32 tasks), and every task gets four quarterly cycles
 * in its trail (opened with its date, three of them completed, some late) and a snapshot in its fourth: the history
 * of four reporting periods.
 */
async function seedCity(ds: DataSource, count: number): Promise<{ commune: string; planId: string }[]> {
  const text = readFileSync(path.join(ROOT_DIR, 'data', 'seed', 'ke-hoach-cchc-an-lao-2026.txt'), 'utf8');
  const parsed = parsePlan(text);
  const out: { commune: string; planId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const commune = `x${String(i + 1).padStart(3, '0')}`;
    await seedCommune(ds, commune);
    const { planId } = await importParsedPlan(ds, commune, parsed, text);
    out.push({ commune, planId });
  }
  await ds.query(`
    INSERT INTO audit_events (commune, task_id, workflow_id, seq, at, type, data)
    SELECT t.commune, t.id, t.workflow_id, (q - 1) * 2 + e, ev.at, ev.type, jsonb_build_object('cycle', q, 'dueAt', ev.due)
    FROM plan_tasks t
    CROSS JOIN generate_series(1, 4) AS q
    CROSS JOIN generate_series(0, 1) AS e
    CROSS JOIN LATERAL (
      SELECT (make_date(${YEAR}, q * 3, 10))::text AS due,
             CASE WHEN e = 0 THEN 'CYCLE_OPENED' ELSE 'COMPLETED' END AS type,
             CASE WHEN e = 0 THEN make_date(${YEAR}, q * 3 - 2, 1)::timestamptz
                  ELSE make_date(${YEAR}, q * 3, 1)::timestamptz + ((t.number % 4) * interval '5 days') END AS at
    ) ev
    WHERE NOT (q = 4 AND e = 1)`);
  await ds.query(`
    UPDATE plan_tasks t SET status = 'IN_PROGRESS', cycle = 4, snapshot = jsonb_build_object(
      'status', 'IN_PROGRESS', 'cycle', 4, 'cycleDueAt', '${YEAR}-12-10', 'cycleOriginalDueAt', '${YEAR}-12-10', 'completedAt', NULL)`);
  await ds.query('ANALYZE');
  return out;
}

const GROUP_BY = `
  SELECT t.group_code, t.snapshot->>'status' AS status, count(*) AS tasks, count(e.id) AS events,
         count(*) FILTER (WHERE e.type = 'COMPLETED' AND e.at::date > (e.data->>'dueAt')::date) AS late
  FROM plan_tasks t LEFT JOIN audit_events e ON e.task_id = t.id AND e.type IN ('CYCLE_OPENED', 'CYCLE_MISSED', 'COMPLETED')
  WHERE t.commune = ANY ($1::text[])
  GROUP BY t.group_code, t.snapshot->>'status'`;

async function main() {
  const stops: (() => Promise<void>)[] = [];
  try {
    const services = await servicesFromEnvOrThrowaway({ name: 'cchc-bench', temporal: false });
    stops.push(() => services.stop());
    const baseUrl = process.env.DATABASE_URL!;
    const name = `bench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    stops.unshift(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const ds = await openDatabase(url.toString(), { migrate: true, poolSize: 4 });
    stops.unshift(() => ds.destroy());

    console.log(`report-aggregation: seeding ${COMMUNES} communes × 32 tasks, 4 periods of history each…`);
    const city = await seedCity(ds, COMMUNES);
    const [{ tasks, events }] = await ds.query(`SELECT (SELECT count(*) FROM plan_tasks)::int AS tasks, (SELECT count(*) FROM audit_events)::int AS events`);
    console.log(`${tasks} tasks, ${events} trail rows; ${RUNS} runs each, PostgreSQL on this machine`);

    const aggregation = new ReportAggregation(ds);
    const one = city[0];
    const content = await aggregation.contentOfPeriod({ ...one, year: YEAR, period: 'YEAR' }, TODAY);
    if (content.totals.total !== 32) throw new Error(`expected 32 tasks, got ${content.totals.total}`);

    const rows: [string, number[]][] = [
      ['one commune: plain SQL GROUP BY (baseline)', await time(RUNS, () => ds.query(GROUP_BY, [[one.commune]]))],
      ['one commune: report aggregation (32 tasks)', await time(RUNS, () => aggregation.contentOfPeriod({ ...one, year: YEAR, period: 'YEAR' }, TODAY))],
      ['city: plain SQL GROUP BY (baseline)', await time(Math.max(3, Math.ceil(RUNS / 4)), () => ds.query(GROUP_BY, [city.map((c) => c.commune)]))],
      [
        `city: report aggregation, ${COMMUNES} communes one after another`,
        await time(Math.max(3, Math.ceil(RUNS / 4)), async () => {
          for (const c of city) await aggregation.contentOfPeriod({ ...c, year: YEAR, period: 'YEAR' }, TODAY);
        }),
      ],
      [
        `city: report aggregation, ${COMMUNES} communes 4 at a time`,
        await time(Math.max(3, Math.ceil(RUNS / 4)), async () => {
          for (let i = 0; i < city.length; i += 4) {
            await Promise.all(city.slice(i, i + 4).map((c) => aggregation.contentOfPeriod({ ...c, year: YEAR, period: 'YEAR' }, TODAY)));
          }
        }),
      ],
    ];
    console.log('');
    console.log('| measure | n | p50 | p95 | × baseline (p50) |');
    console.log('|---|---|---|---|---|');
    const base = { one: stats(rows[0][1]).p50, city: stats(rows[2][1]).p50 };
    rows.forEach(([label, samples], i) => {
      const s = stats(samples);
      const b = i < 2 ? base.one : base.city;
      console.log(`| ${label} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${(s.p50 / b).toFixed(1)}× |`);
    });
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
