/**
 * `npm start`: the whole product on one machine, in one terminal.
 *
 *   1. checks that every port it will use is free (PORT, EMBEDDED_PG_PORT, TEMPORAL_PORT, TEMPORAL_UI_PORT);
 *   2. unless DATABASE_URL is set: embedded PostgreSQL, data in ${CCHC_DATA_DIR:-.data}/pg, database `cchc`;
 *   3. unless TEMPORAL_ADDRESS is set: the Temporal CLI dev server, SQLite file ${CCHC_DATA_DIR}/temporal.db, Web UI;
 *   4. prepares the database (migrations, commune, demo accounts, the An Lão 2026 plan);
 *   5. builds the web app (apps/web), if there is one;
 *   6. runs the worker and the API, prefixing their output, and waits for GET /api/health = 200.
 *
 * Ctrl-C (SIGINT/SIGTERM) stops everything in order (api, worker, Temporal, PostgreSQL) and exits. If any child dies,
 * everything is stopped and the exit code is non-zero. Data stays in the data folder: a second start keeps it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, loadConfig } from '@app/config';
import {
  describeExit,
  EmbeddedPostgres,
  linePrinter,
  ManagedProcess,
  PortInUseError,
  assertPortsFree,
  progress,
  redactUrl,
  spawnManaged,
  startEmbeddedPostgres,
  startTemporalDevServer,
  temporalCliPath,
  TemporalDevServer,
  waitForHttpOk,
} from '@tools/devstack';
import { SEARCH_ATTRIBUTE_CLI_TYPES } from '@app/contracts';

const ROOT = path.resolve(__dirname, '..');
const PLAN_FILE = path.join(ROOT, 'data', 'seed', 'ke-hoach-cchc-an-lao-2026.txt');

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new ConfigError(`Biến môi trường ${name} phải là số cổng hợp lệ (đang là "${raw}").`);
  return n;
}

const rel = (p: string) => (path.relative(process.cwd(), p).startsWith('..') ? p : path.relative(process.cwd(), p) || '.');
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** A started service, stopped in reverse order of start. */
interface Service {
  name: string;
  proc: ManagedProcess;
  stop(): Promise<void>;
}

const services: Service[] = [];
const aborter = new AbortController();
let stopping = false;
let startup: Promise<unknown> = Promise.resolve();
/** Once we stop, the servers' own shutdown chatter is not shown. */
let quiet = false;

function watch(service: Service): void {
  services.push(service);
  void service.proc.exited.then((info) => {
    if (stopping) return;
    progress.fail(`${service.name} dừng bất ngờ (${describeExit(info)}) — dừng toàn bộ. (${service.name} exited unexpectedly)`);
    const tail = service.proc.recentOutput(20);
    if (tail) progress.info(`Nhật ký cuối của ${service.name}:\n${tail.replace(/^/gm, '    ')}`);
    void shutdown(1);
  });
}

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    aborter.abort();
    console.log('');
    progress.step('Đang dừng mọi dịch vụ… (Ctrl-C lần nữa để buộc dừng / press Ctrl-C again to force)');
    // A web build in progress is simply cancelled; a start in progress notices the abort and cleans up.
    for (const s of services) if (s.name === 'web build') void s.stop();
    await Promise.race([startup.catch(() => undefined), new Promise((r) => setTimeout(r, 20000))]);
    quiet = true;
    const byName = (n: string) => services.filter((s) => s.name === n);
    const stopAll = async (list: Service[]) =>
      Promise.all(
        list.map(async (s) => {
          await s.stop().catch((e) => progress.warn(`${s.name}: ${(e as Error).message}`));
          progress.ok(`Đã dừng ${s.name}`);
        }),
      );
    // Clients first (they would log errors if the servers left before them), then Temporal, then the database.
    await stopAll([...byName('api'), ...byName('worker'), ...byName('web build')]);
    await stopAll(byName('Temporal'));
    await stopAll(byName('PostgreSQL'));
    progress.ok(code === 0 ? 'Đã dừng. Dữ liệu được giữ lại cho lần chạy sau. (stopped, data kept)' : 'Đã dừng (stopped).');
    process.exit(code);
  }
  return new Promise<never>(() => undefined);
}

function forceStop(): void {
  progress.fail('Buộc dừng (forced stop).');
  for (const s of services) {
    try {
      if (!s.proc.hasExited()) process.kill(-s.proc.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  process.exit(1);
}

function onSignal(): void {
  if (stopping) forceStop();
  else void shutdown(0);
}

/** Prints a child's lines with a prefix, keeping only what matters from the servers. */
function printer(name: string, keep: (line: string) => boolean = () => true) {
  const print = linePrinter(name);
  return (line: string, stream?: 'stdout' | 'stderr') => {
    if (!quiet && keep(line)) print(line, stream);
  };
}

function webBuildCommand(): { cmd: string; args: string[]; label: string } | null {
  if (process.env.CCHC_SKIP_WEB_BUILD === '1') return null;
  const webDir = path.join(ROOT, 'apps', 'web');
  const hasIndex = fs.existsSync(path.join(webDir, 'index.html'));
  if (!hasIndex && !fs.existsSync(path.join(webDir, 'package.json'))) return null;
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {}) as Record<string, string>;
  if (scripts['web:build']) return { cmd: 'npm', args: ['run', '--silent', 'web:build'], label: 'npm run web:build' };
  if (!hasIndex) return null;
  const vite = path.join(ROOT, 'node_modules', '.bin', 'vite');
  if (!fs.existsSync(vite)) return null;
  return { cmd: vite, args: ['build', 'apps/web'], label: 'vite build apps/web' };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  console.log(progress.bold('CCHC xã An Lão — khởi động môi trường chạy trên máy này (npm start)'));

  let config: ReturnType<typeof loadConfig>;
  let pgPort: number;
  let temporalPort: number;
  let temporalUiPort: number;
  // `npm start` is the development path: it says so explicitly (an unset NODE_ENV elsewhere means production).
  // The children (api, worker) inherit it.
  if (!process.env.NODE_ENV) process.env.NODE_ENV = 'development';
  try {
    config = loadConfig();
    pgPort = intEnv('EMBEDDED_PG_PORT', 5433);
    temporalPort = intEnv('TEMPORAL_PORT', 7233);
    temporalUiPort = intEnv('TEMPORAL_UI_PORT', 8233);
  } catch (e) {
    if (e instanceof ConfigError) {
      progress.fail(e.message);
      process.exit(2);
    }
    throw e;
  }
  const embeddedPg = !process.env.DATABASE_URL;
  const devTemporal = !process.env.TEMPORAL_ADDRESS;
  const dataDir = config.dataDir;

  // 1. Ports, before anything starts.
  const ports = [{ port: config.port, envVar: 'PORT', what: 'API + web' }];
  if (embeddedPg) ports.push({ port: pgPort, envVar: 'EMBEDDED_PG_PORT', what: 'PostgreSQL nhúng' });
  if (devTemporal) {
    ports.push({ port: temporalPort, envVar: 'TEMPORAL_PORT', what: 'Temporal' });
    ports.push({ port: temporalUiPort, envVar: 'TEMPORAL_UI_PORT', what: 'Temporal UI' });
  }
  try {
    await assertPortsFree(ports);
  } catch (e) {
    if (e instanceof PortInUseError) {
      for (const line of e.message.split('\n')) progress.fail(line);
      process.exit(1);
    }
    progress.fail((e as Error).message);
    process.exit(1);
  }
  progress.ok(`Các cổng đều trống: ${ports.map((p) => `${p.port} (${p.envVar})`).join(', ')}`);

  for (const main of ['apps/api/src/main.ts', 'apps/worker/src/main.ts']) {
    if (!fs.existsSync(path.join(ROOT, main))) throw new Error(`Thiếu ${main} (missing ${main}).`);
  }
  if (devTemporal) temporalCliPath(); // clear message now if the CLI is not installed

  fs.mkdirSync(dataDir, { recursive: true });
  const signal = aborter.signal;

  // 2 + 3. PostgreSQL and Temporal, side by side.
  let pg: EmbeddedPostgres | null = null;
  let temporal: TemporalDevServer | null = null;
  const starts: Promise<void>[] = [];
  if (embeddedPg) {
    const pgDir = path.join(dataDir, 'pg');
    const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
    progress.step(
      `PostgreSQL nhúng: khởi động trên cổng ${pgPort}, dữ liệu ${rel(pgDir)}${fresh ? ' (lần đầu: tạo cụm mới bằng initdb)' : ''}…`,
    );
    const since = Date.now();
    starts.push(
      startEmbeddedPostgres({
        dataDir: pgDir,
        port: pgPort,
        databases: ['cchc'],
        detached: true,
        signal,
        onLog: printer('postgres', (l) => /\b(WARNING|ERROR|FATAL|PANIC):/.test(l)),
      }).then((started) => {
        pg = started;
        watch({ name: 'PostgreSQL', proc: started.process, stop: () => started.stop() });
        const created = started.createdDatabases.length ? `, đã tạo CSDL ${started.createdDatabases.join(', ')}` : '';
        progress.ok(`PostgreSQL nhúng sẵn sàng (${seconds(since)}): ${redactUrl(started.url('cchc'))}${created}`);
      }),
    );
  } else {
    progress.ok(`PostgreSQL: dùng DATABASE_URL=${redactUrl(config.databaseUrl)}`);
  }
  if (devTemporal) {
    const dbFile = path.join(dataDir, 'temporal.db');
    progress.step(`Temporal dev server: khởi động trên cổng ${temporalPort} (UI ${temporalUiPort}), dữ liệu ${rel(dbFile)}…`);
    const since = Date.now();
    starts.push(
      startTemporalDevServer({
        port: temporalPort,
        uiPort: temporalUiPort,
        dbFilename: dbFile,
        // Every workflow carries them: an operator finds any commune's workflows in the UI.
        searchAttributes: SEARCH_ATTRIBUTE_CLI_TYPES,
        detached: true,
        signal,
        onLog: printer('temporal', (l) => /level=(ERROR|FATAL)/.test(l)),
      }).then((started) => {
        temporal = started;
        watch({ name: 'Temporal', proc: started.process, stop: () => started.stop() });
        progress.ok(`Temporal dev server sẵn sàng (${seconds(since)}): ${started.address}`);
      }),
    );
  } else {
    progress.ok(`Temporal: dùng TEMPORAL_ADDRESS=${process.env.TEMPORAL_ADDRESS}`);
  }
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;

  const databaseUrl = pg ? (pg as EmbeddedPostgres).url('cchc') : config.databaseUrl;
  const temporalAddress = temporal ? (temporal as TemporalDevServer).address : config.temporalAddress;
  const temporalUiUrl = temporal ? (temporal as TemporalDevServer).uiUrl : config.temporalUiUrl;

  // 4. Database: migrations, commune, demo accounts, plan.
  progress.step(`Chuẩn bị cơ sở dữ liệu: migration, xã, đơn vị, ${config.demoAccounts ? 'tài khoản demo' : 'không có tài khoản demo'}, nhập kế hoạch CCHC 2026…`);
  let since = Date.now();
  const persistence = await import('@app/persistence');
  const prepared = await persistence.prepareDatabase(databaseUrl, {
    demoPassword: config.demoAccounts ? process.env.DEMO_PASSWORD || 'demo' : undefined,
    production: config.production,
    demoPasswords: config.demoPasswords,
    adminPassword: process.env.ADMIN_PASSWORD || undefined,
    planFile: PLAN_FILE,
    commune: config.defaultCommune,
  });
  if (stopping) return;
  progress.ok(`Cơ sở dữ liệu sẵn sàng (${seconds(since)}): kế hoạch ${prepared.planId}, ${prepared.taskCount} nhiệm vụ.`);
  if (prepared.disabledAccounts.length) {
    progress.warn(`Chế độ production: đã khóa ${prepared.disabledAccounts.length} tài khoản còn dùng mật khẩu demo: ${prepared.disabledAccounts.join(', ')}.`);
  }

  // 5. Web app.
  const web = webBuildCommand();
  if (web) {
    progress.step(`Xây dựng ứng dụng web (${web.label})…`);
    since = Date.now();
    const build = spawnManaged('web build', web.cmd, web.args, { cwd: ROOT, detached: true, onLine: printer('web') });
    services.push({ name: 'web build', proc: build, stop: () => build.stop().then(() => undefined) });
    const info = await build.exited;
    services.splice(services.findIndex((s) => s.proc === build), 1);
    if (stopping) return;
    if (info.code !== 0) {
      // The API and Temporal are still useful without a fresh web build: go on, but say it loudly.
      progress.warn(
        `Xây dựng web thất bại (${describeExit(info)}): API vẫn chạy, trang web là bản dựng cũ nếu có. Sửa lỗi ở trên; ` +
          `CCHC_SKIP_WEB_BUILD=1 để bỏ qua bước này. (web build failed; continuing without a fresh web build)`,
      );
    } else {
      progress.ok(`Ứng dụng web đã xây dựng (${seconds(since)}): ${rel(config.webDistDir)}`);
    }
  }

  // 6. Worker and API.
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    PORT: String(config.port),
    CCHC_DATA_DIR: dataDir,
  };
  if (temporalUiUrl) childEnv.TEMPORAL_UI_URL = temporalUiUrl;
  const node = (name: string, entry: string) => {
    const proc = spawnManaged(name, process.execPath, ['-r', '@swc-node/register', entry], {
      cwd: ROOT,
      env: childEnv,
      detached: true,
      stopSignal: 'SIGTERM',
      stopTimeoutMs: 10000,
      onLine: printer(name),
    });
    watch({ name, proc, stop: () => proc.stop().then(() => undefined) });
    return proc;
  };
  progress.step('Khởi động worker và API…');
  since = Date.now();
  const worker = node('worker', 'apps/worker/src/main.ts');
  const api = node('api', 'apps/api/src/main.ts');
  const base = `http://localhost:${config.port}`;
  await waitForHttpOk(`${base}/api/health`, {
    timeoutMs: 180000,
    signal,
    giveUp: () => (api.hasExited() ? 'API đã dừng (api exited)' : worker.hasExited() ? 'worker đã dừng (worker exited)' : null),
  });
  if (stopping) return;
  progress.ok(`API và worker sẵn sàng (${seconds(since)}). Tổng thời gian khởi động: ${seconds(t0)}.`);

  const exported = persistence as unknown as Record<string, Array<{ username: string }> | undefined>;
  const accounts = [...(exported.DEMO_ACCOUNTS ?? []), ...(exported.CITY_DEMO_ACCOUNTS ?? [])];
  console.log('');
  console.log(progress.bold('Sẵn sàng / ready:'));
  progress.info(`Ứng dụng (app):       ${base}/`);
  progress.info(`API:                  ${base}/api`);
  if (config.swagger) progress.info(`OpenAPI:              ${base}/api/docs`);
  if (temporalUiUrl) progress.info(`Temporal UI:          ${temporalUiUrl}`);
  progress.info(`Dữ liệu (data):       ${rel(dataDir)}`);
  progress.info(`Chế độ (NODE_ENV):    ${config.nodeEnv}`);
  if (config.smtpUrl) progress.info(`Thư điện tử (mail):   SMTP ${redactUrl(config.smtpUrl)}`);
  else progress.info(`Hộp thư thử (mail):   ${rel(config.mailboxDir)}${config.production ? '' : ` — xem ở ${base}/hop-thu-thu (admin)`}`);
  if (config.demoAccounts) {
    const names = accounts.map((a) => a.username);
    progress.info(
      `Tài khoản demo (mật khẩu: ${process.env.DEMO_PASSWORD || 'demo'}): ${names.length ? names.join(', ') : 'xem trang đăng nhập'}`,
    );
  }
  progress.info('Nhấn Ctrl-C để dừng (press Ctrl-C to stop).');
}

process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);
process.on('unhandledRejection', (reason) => {
  progress.fail(`Lỗi không mong đợi (unexpected): ${(reason as Error)?.stack ?? reason}`);
  void shutdown(1);
});

startup = main();
startup.catch((err: Error) => {
  if (stopping) return;
  progress.fail(err.message ?? String(err));
  if (err.stack && !(err instanceof ConfigError) && process.env.CCHC_DEBUG) console.error(err.stack);
  void shutdown(1);
});
