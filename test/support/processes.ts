import * as path from 'path';
import { ExitInfo, ManagedProcess, spawnManaged } from '../../tools/devstack/src/child';

const ROOT = path.resolve(__dirname, '..', '..');

/** Variables of the test run that must not leak into a child that is testing its own settings. */
const SETTINGS = ['NODE_ENV', 'JWT_SECRET', 'DEMO_PASSWORD', 'SWAGGER', 'PORT', 'CCHC_COMMUNE', 'DATABASE_URL', 'TEMPORAL_ADDRESS'];

export interface EntryPoint {
  proc: ManagedProcess;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  stderr(): string;
  /** Resolves with the first line matching `pattern`; rejects if the process exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<ExitInfo>;
}

/**
 * Runs a TypeScript entry point of the product (`apps/api/src/main.ts`, the CLI, …) as its own OS process, the way
 * an operator would, with exactly the settings given (on top of PATH and HOME): what it prints and its exit code
 * are what a user sees.
 */
export function runEntryPoint(entry: string, args: string[], env: Record<string, string | undefined>): EntryPoint {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SETTINGS) delete base[name];
  const lines: { line: string; stream: string }[] = [];
  const waiters: { pattern: RegExp; resolve: (l: string) => void }[] = [];
  const proc = spawnManaged(path.basename(entry), process.execPath, ['-r', '@swc-node/register', entry, ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    onLine: (line, stream) => {
      lines.push({ line, stream });
      for (const w of [...waiters]) {
        if (w.pattern.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    },
  });
  const output = () => lines.map((l) => l.line).join('\n');
  return {
    proc,
    output,
    stderr: () => lines.filter((l) => l.stream === 'stderr').map((l) => l.line).join('\n'),
    exited: proc.exited,
    waitFor(pattern, timeoutMs = 60000) {
      const seen = lines.find((l) => pattern.test(l.line));
      if (seen) return Promise.resolve(seen.line);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} after ${timeoutMs} ms:\n${output()}`)), timeoutMs);
        waiters.push({ pattern, resolve: (l) => (clearTimeout(timer), resolve(l)) });
        void proc.exited.then((info) => {
          clearTimeout(timer);
          reject(new Error(`exited (${info.code ?? info.signal}) before a line matching ${pattern}:\n${output()}`));
        });
      });
    },
  };
}
