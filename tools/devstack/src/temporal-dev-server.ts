import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { Connection } from '@temporalio/client';
import { temporalCliPath } from './binaries';
import { delay, ManagedProcess, spawnManaged, StartAbortedError } from './child';
import { isPortFree, PortInUseError } from './ports';

/** `temporal server start-dev`: a real Temporal server (SQLite, in memory or in a file) with its Web UI. */
export interface TemporalDevServerOptions {
  /** Front-end gRPC port. */
  port: number;
  /** Web UI port; omit for `--headless` (no UI). */
  uiPort?: number;
  /** Bind address. Default 127.0.0.1. */
  ip?: string;
  /** SQLite file: keeps workflows across restarts. Omit for an in-memory server (tests). */
  dbFilename?: string;
  /** Extra namespaces to create ("default" always exists). */
  namespaces?: string[];
  /** Search attributes to register, name → type (Keyword, Text, Int, Double, Bool, Datetime, KeywordList). */
  searchAttributes?: Record<string, string>;
  /** Default "warn". */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  extraArgs?: string[];
  /** Default: {@link temporalCliPath}(). */
  cliPath?: string;
  /** Variables named in the "port in use" error. Default TEMPORAL_PORT / TEMPORAL_UI_PORT. */
  portEnvVar?: string;
  uiPortEnvVar?: string;
  /** Own process group (see spawnManaged). Default false. */
  detached?: boolean;
  onLog?: (line: string) => void;
  signal?: AbortSignal;
  /** Default 60 s. */
  readyTimeoutMs?: number;
}

export interface TemporalDevServer {
  /** host:port for `Connection.connect({ address })` / TEMPORAL_ADDRESS. */
  readonly address: string;
  readonly port: number;
  /** http://localhost:<uiPort>, or null when headless. */
  readonly uiUrl: string | null;
  readonly process: ManagedProcess;
  /** SIGTERM, SIGKILL after 15 s. */
  stop(): Promise<void>;
}

function tcpReachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Answers when the front end serves requests and the namespace exists (what a worker or client needs). */
export async function temporalAnswers(address: string, namespace = 'default'): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 2000 });
    await connection.workflowService.getSystemInfo({});
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

const helpCache = new Map<string, string>();

/** Whether this CLI build knows a start-dev flag (the `go install` fallback, CLI 1.5.1, lacks some newer ones). */
function supportsFlag(cli: string, flag: string): boolean {
  if (!helpCache.has(cli)) {
    try {
      helpCache.set(cli, execFileSync(cli, ['server', 'start-dev', '--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    } catch {
      helpCache.set(cli, '');
    }
  }
  return helpCache.get(cli)!.includes(flag);
}

export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const ip = opts.ip ?? '127.0.0.1';
  const cli = opts.cliPath ?? temporalCliPath();
  if (opts.signal?.aborted) throw new StartAbortedError('Temporal');

  const taken: Array<{ port: number; envVar: string; what: string }> = [];
  if (!(await isPortFree(opts.port))) taken.push({ port: opts.port, envVar: opts.portEnvVar ?? 'TEMPORAL_PORT', what: 'Temporal' });
  if (opts.uiPort !== undefined && !(await isPortFree(opts.uiPort))) {
    taken.push({ port: opts.uiPort, envVar: opts.uiPortEnvVar ?? 'TEMPORAL_UI_PORT', what: 'Temporal UI' });
  }
  if (taken.length) throw new PortInUseError(taken);

  const args = ['server', 'start-dev', '--ip', ip, '--port', String(opts.port), '--log-level', opts.logLevel ?? 'warn'];
  if (opts.uiPort !== undefined) {
    args.push('--ui-port', String(opts.uiPort));
    if (supportsFlag(cli, '--ui-disable-news-fetch')) args.push('--ui-disable-news-fetch');
  }
  else args.push('--headless');
  if (opts.dbFilename) {
    fs.mkdirSync(path.dirname(path.resolve(opts.dbFilename)), { recursive: true });
    args.push('--db-filename', path.resolve(opts.dbFilename));
  }
  for (const ns of opts.namespaces ?? []) args.push('--namespace', ns);
  for (const [name, type] of Object.entries(opts.searchAttributes ?? {})) args.push('--search-attribute', `${name}=${type}`);
  args.push(...(opts.extraArgs ?? []));

  const proc = spawnManaged('temporal', cli, args, {
    detached: opts.detached,
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 15000,
    onLine: (line) => opts.onLog?.(line),
  });
  const address = `${ip}:${opts.port}`;
  const fail = async (err: Error): Promise<never> => {
    await proc.stop();
    throw err;
  };

  const timeoutMs = opts.readyTimeoutMs ?? 60000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (opts.signal?.aborted) return fail(new StartAbortedError('Temporal'));
    if (proc.hasExited()) {
      const info = await proc.exited;
      throw new Error(
        `Temporal dev server dừng ngay khi khởi động (exited during start-up, code ${info.code ?? info.signal}). Nhật ký cuối (last lines):\n${proc.recentOutput(15)}`,
      );
    }
    if ((await tcpReachable(ip, opts.port)) && (await temporalAnswers(address))) break;
    if (Date.now() > deadline) {
      return fail(new Error(`Temporal dev server chưa trả lời sau ${timeoutMs / 1000} s (not answering). Nhật ký cuối:\n${proc.recentOutput(15)}`));
    }
    await delay(200, opts.signal).catch(() => undefined);
  }

  return {
    address,
    port: opts.port,
    uiUrl: opts.uiPort !== undefined ? `http://localhost:${opts.uiPort}` : null,
    process: proc,
    async stop() {
      await proc.stop();
    },
  };
}
