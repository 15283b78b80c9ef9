import { ChildProcess, spawn, SpawnOptions } from 'child_process';
import * as readline from 'readline';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child process we started: its output is read line by line, its exit is a promise, stop() ends it for sure. */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<ExitInfo>;
  hasExited(): boolean;
  /** Sends `signal` (default: the one given at spawn), waits up to `timeoutMs`, then SIGKILLs. Idempotent. */
  stop(opts?: { signal?: NodeJS.Signals; timeoutMs?: number }): Promise<ExitInfo>;
  /** The last lines it printed (stdout and stderr), for error messages. */
  recentOutput(lines?: number): string;
}

export interface SpawnManagedOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Own process group: a Ctrl-C in the terminal then reaches only our parent, which stops children in order. */
  detached?: boolean;
  uid?: number;
  gid?: number;
  /** Every output line, without the newline. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Signal used by stop() and by the safety net when our process exits. Default SIGTERM. */
  stopSignal?: NodeJS.Signals;
  stopTimeoutMs?: number;
}

const live = new Set<{ child: ChildProcess; stopSignal: NodeJS.Signals }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Safety net: whatever way our process ends (except SIGKILL), no child we started outlives it.
  process.on('exit', () => {
    for (const { child, stopSignal } of live) {
      try {
        child.kill(stopSignal);
      } catch {
        /* already gone */
      }
    }
  });
}

export function spawnManaged(name: string, command: string, args: string[], opts: SpawnManagedOptions = {}): ManagedProcess {
  installExitHook();
  const stopSignal = opts.stopSignal ?? 'SIGTERM';
  const spawnOpts: SpawnOptions = {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: opts.detached ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
  };
  if (opts.uid !== undefined) spawnOpts.uid = opts.uid;
  if (opts.gid !== undefined) spawnOpts.gid = opts.gid;
  const child = spawn(command, args, spawnOpts);
  const entry = { child, stopSignal };
  live.add(entry);

  const ring: string[] = [];
  const onLine = (stream: 'stdout' | 'stderr') => (line: string) => {
    ring.push(line);
    if (ring.length > 200) ring.shift();
    opts.onLine?.(line, stream);
  };
  const streamsClosed: Promise<void>[] = [];
  for (const stream of ['stdout', 'stderr'] as const) {
    const readable = child[stream];
    if (!readable) continue;
    const rl = readline.createInterface({ input: readable, crlfDelay: Infinity });
    rl.on('line', onLine(stream));
    streamsClosed.push(new Promise((resolve) => rl.once('close', () => resolve())));
  }

  let exitInfo: ExitInfo | null = null;
  const exited = new Promise<ExitInfo>((resolve) => {
    let spawnError: Error | null = null;
    child.once('error', (err) => {
      spawnError = err;
      ring.push(`spawn error: ${err.message}`);
      // 'exit' may never come when spawning failed.
      if (child.pid === undefined) {
        exitInfo = { code: -1, signal: null };
        live.delete(entry);
        resolve(exitInfo);
      }
    });
    child.once('exit', (code, signal) => {
      exitInfo = { code: spawnError && code === null ? -1 : code, signal };
      live.delete(entry);
      // Let the last output lines arrive before telling anyone (bounded, a grandchild may hold the pipe).
      const drained = Promise.all(streamsClosed);
      const timer = new Promise((r) => setTimeout(r, 500).unref());
      void Promise.race([drained, timer]).then(() => resolve(exitInfo!));
    });
  });

  let stopping: Promise<ExitInfo> | null = null;
  const signalProcess = (sig: NodeJS.Signals, group: boolean) => {
    try {
      if (group && opts.detached && child.pid) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
      /* already gone */
    }
  };

  return {
    name,
    child,
    pid: child.pid ?? -1,
    exited,
    hasExited: () => exitInfo !== null,
    recentOutput: (lines = 30) => ring.slice(-lines).join('\n'),
    stop({ signal, timeoutMs } = {}) {
      if (exitInfo) return Promise.resolve(exitInfo);
      if (!stopping) {
        stopping = (async () => {
          signalProcess(signal ?? stopSignal, false);
          const limit = timeoutMs ?? opts.stopTimeoutMs ?? 15000;
          let timer: NodeJS.Timeout | undefined;
          const timedOut = await Promise.race([
            exited.then(() => false),
            new Promise<boolean>((r) => (timer = setTimeout(() => r(true), limit))),
          ]);
          clearTimeout(timer);
          if (timedOut) signalProcess('SIGKILL', true);
          return exited;
        })();
      }
      return stopping;
    },
  };
}

/** Describes an exit for a message: "mã 1" / "tín hiệu SIGKILL". */
export function describeExit({ code, signal }: ExitInfo): string {
  return signal ? `tín hiệu ${signal}` : `mã thoát ${code}`;
}

/** Resolves after `ms`, or rejects at once if `signal` aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class StartAbortedError extends Error {
  constructor(what = 'khởi động') {
    super(`Đã hủy ${what} (aborted).`);
    this.name = 'StartAbortedError';
  }
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new StartAbortedError();
}
