/**
 * `npm run test:fuzz`: schemathesis against the OpenAPI document of a running product, as three roles.
 *
 *   1. starts PostgreSQL (embedded) and a Temporal dev server on free ports, unless DATABASE_URL / TEMPORAL_ADDRESS
 *      are set, then the API and a worker (test/support/app.ts) with the An Lão plan activated;
 *   2. signs in as kt.chuyenvien (STAFF), kt.truongphong (UNIT_HEAD) and vhxh.cchc (COORDINATOR);
 *   3. runs schemathesis (pinned, .tools/python/schemathesis, installed by scripts/install-tools.sh) on
 *      /api/docs-json once per role with its token, checks: no 5xx, and the status code, content type, headers and
 *      body of every response conform to the document;
 *   4. prints a table per role: requests made, responses ≥ 500, schema violations; and the first failures.
 *
 * Settings: FUZZ_BUDGET (test cases per operation, default 30; CI uses a small one), FUZZ_SEED (default 1, so a run
 * can be repeated), FUZZ_REPORT_DIR (default test-artifacts/fuzz: schemathesis' JUnit and cassette per role).
 * Exit code 1 when any count is not 0.
 */
import 'reflect-metadata';
import { spawn } from 'child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { servicesFromEnvOrThrowaway } from '@tools/devstack';
import { startTestApp } from '../support/app';
import { SEARCH_ATTRIBUTE_CLI_TYPES } from '@app/contracts';

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMATHESIS = path.join(ROOT, '.tools', 'python', 'schemathesis');

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`Biến môi trường ${name} phải là số nguyên dương (đang là "${raw}").`);
    process.exit(2);
  }
  return n;
}

const BUDGET = positiveInt('FUZZ_BUDGET', 30);
const SEED = positiveInt('FUZZ_SEED', 1);
const REPORT_DIR = path.resolve(process.env.FUZZ_REPORT_DIR ?? path.join(ROOT, 'test-artifacts', 'fuzz'));

const ROLES = [
  { username: 'kt.chuyenvien', role: 'STAFF' },
  { username: 'kt.truongphong', role: 'UNIT_HEAD' },
  { username: 'vhxh.cchc', role: 'COORDINATOR' },
];

/** The checks of the run: server errors, and conformance of every response to the document. */
const SERVER_ERROR_CHECKS = ['not_a_server_error'];
const SCHEMA_CHECKS = ['status_code_conformance', 'content_type_conformance', 'response_headers_conformance', 'response_schema_conformance'];

interface Interaction {
  method: string;
  uri: string;
  status: number;
  body: string;
  /** The checks that failed on this response, with schemathesis' message. */
  failed: { check: string; message: string }[];
}

interface RoleResult {
  username: string;
  role: string;
  requests: number;
  serverErrors: number;
  schemaViolations: number;
  exitCode: number | null;
  interactions: Interaction[];
}

/**
 * Every request schemathesis made, with the answer and the checks run on it, from its VCR cassette (YAML; the few
 * fields needed are read by their fixed indentation, no YAML library needed).
 */
function readCassette(file: string): Interaction[] {
  if (!existsSync(file)) return [];
  const out: Interaction[] = [];
  for (const block of readFileSync(file, 'utf8').split(/\n- id: /).slice(1)) {
    const request = block.slice(block.indexOf('\n  request:'));
    const response = block.slice(block.indexOf('\n  response:'));
    const status = Number(/\n {6}code: '(\d+)'/.exec(response)?.[1] ?? NaN);
    if (Number.isNaN(status)) continue;
    const failed = [...block.slice(0, block.indexOf('\n  request:')).matchAll(/- name: '([a-z_]+)'\n\s+status: '(\w+)'\n\s+message: ([^\n]*)/g)]
      .filter((m) => m[2] === 'FAILURE')
      .map((m) => ({ check: m[1], message: m[3].replace(/^["']|["']$/g, '') }));
    out.push({
      method: /\n {4}method: '([A-Z]+)'/.exec(request)?.[1] ?? '?',
      uri: /\n {4}uri: '([^'\n]+)'/.exec(request)?.[1] ?? '?',
      status,
      body: /\n {6}string: ([^\n]*)/.exec(response)?.[1] ?? '',
      failed,
    });
  }
  return out;
}

function runSchemathesis(base: string, token: string, dir: string): Promise<number | null> {
  const args = [
    '-m',
    'schemathesis.cli',
    'run',
    `${base}/api/docs-json`,
    '--url',
    base,
    '--header',
    `Authorization: Bearer ${token}`,
    '--checks',
    [...SERVER_ERROR_CHECKS, ...SCHEMA_CHECKS].join(','),
    '--phases',
    'examples,coverage,fuzzing',
    '--max-examples',
    String(BUDGET),
    '--seed',
    String(SEED),
    '--generation-database',
    'none',
    '--continue-on-failure',
    '--request-timeout',
    '30',
    '--report',
    'junit,vcr',
    '--report-junit-path',
    path.join(dir, 'junit.xml'),
    '--report-vcr-path',
    path.join(dir, 'vcr.yaml'),
    '--no-color',
    '--warnings',
    'off',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('python3', args, {
      cwd: dir,
      env: { ...process.env, PYTHONPATH: SCHEMATHESIS, PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => log.push(c));
    child.stderr.on('data', (c: Buffer) => log.push(c));
    child.on('error', reject);
    child.on('exit', (code) => {
      writeFileSync(path.join(dir, 'schemathesis.log'), Buffer.concat(log));
      resolve(code);
    });
  });
}

async function main(): Promise<void> {
  if (!existsSync(path.join(SCHEMATHESIS, 'schemathesis', '__init__.py'))) {
    console.error('Chưa có schemathesis trong .tools/python/schemathesis: chạy "npm run tools:install" (cần python3 và pip).');
    process.exit(2);
  }
  // The worker's INFO lines would bury the table.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stops: (() => Promise<void>)[] = [];
  const t0 = Date.now();
  try {
    const services = await servicesFromEnvOrThrowaway({ name: 'cchc-fuzz', searchAttributes: SEARCH_ATTRIBUTE_CLI_TYPES });
    stops.push(() => services.stop());
    const t = await startTestApp({ activate: true });
    stops.unshift(() => t.stop());
    console.log(`test:fuzz — schemathesis trên ${t.url}/api/docs-json, ${BUDGET} ca mỗi thao tác (FUZZ_BUDGET), seed ${SEED}`);

    // Every token first: fuzzing POST /auth/login soon meets the login throttle (which is documented, so a 429 there
    // is a conforming answer, but a later sign-in here would be refused too).
    const tokens = new Map<string, string>();
    for (const { username } of ROLES) tokens.set(username, await t.login(username));

    const results: RoleResult[] = [];
    for (const { username, role } of ROLES) {
      const dir = path.join(REPORT_DIR, username);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const since = Date.now();
      const exitCode = await runSchemathesis(t.url, tokens.get(username)!, dir);
      const interactions = readCassette(path.join(dir, 'vcr.yaml'));
      const result: RoleResult = {
        username,
        role,
        requests: interactions.length,
        serverErrors: interactions.filter((i) => i.status >= 500).length,
        schemaViolations: interactions.reduce((n, i) => n + i.failed.filter((f) => SCHEMA_CHECKS.includes(f.check)).length, 0),
        exitCode,
        interactions,
      };
      results.push(result);
      console.log(`  ${username} (${role}): ${result.requests} yêu cầu trong ${((Date.now() - since) / 1000).toFixed(0)} s (schemathesis exit ${exitCode})`);
    }

    console.log('');
    console.log('| role | user | requests | responses ≥ 500 | schema violations |');
    console.log('|---|---|---:|---:|---:|');
    for (const r of results) console.log(`| ${r.role} | ${r.username} | ${r.requests} | ${r.serverErrors} | ${r.schemaViolations} |`);

    const bad = results.filter((r) => r.serverErrors || r.schemaViolations || r.requests === 0 || r.exitCode !== 0);
    for (const r of bad) {
      console.log(`\n${r.role} (${r.username}):`);
      if (r.requests === 0) console.log(`  schemathesis không gửi yêu cầu nào; xem ${path.join(REPORT_DIR, r.username, 'schemathesis.log')}`);
      const shown = r.interactions.filter((i) => i.status >= 500 || i.failed.length).slice(0, 10);
      for (const i of shown) {
        console.log(`  ${i.status} ${i.method} ${i.uri}`);
        for (const f of i.failed) console.log(`    [${f.check}] ${f.message.slice(0, 300)}`);
        if (i.status >= 500) console.log(`    ${i.body.slice(0, 300)}`);
      }
    }
    console.log(`\nBáo cáo (JUnit, cassette, log) trong ${path.relative(process.cwd(), REPORT_DIR) || '.'}; tổng thời gian ${((Date.now() - t0) / 1000).toFixed(0)} s.`);
    process.exitCode = bad.length ? 1 : 0;
  } finally {
    for (const stop of stops) await stop().catch((e) => console.error(`dừng: ${(e as Error).message}`));
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
