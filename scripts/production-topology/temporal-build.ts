/**
 * The real Temporal server and its SQL schema tool, built from the Go module `go.temporal.io/server` at the release
 * docker-compose.yml pins, with the machine's Go and the Go module proxy (no binary is downloaded from a URL).
 * Built once into the git-ignored `.tools/go/bin` (temporal-server, temporal-sql-tool); a later run checks the
 * module version recorded in each binary (`go version -m`) and builds again only when it differs.
 */
import { execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { REPO_ROOT } from './compose';

const run = promisify(execFile);

export const GO_BIN = path.join(REPO_ROOT, '.tools', 'go', 'bin');
const MODULE = 'go.temporal.io/server';

/** The two commands of the module and the names they get in .tools/go/bin (the names of the Docker images). */
const COMMANDS = [
  { pkg: `${MODULE}/cmd/server`, built: 'server', name: 'temporal-server' },
  { pkg: `${MODULE}/cmd/tools/sql`, built: 'sql', name: 'temporal-sql-tool' },
];

export interface TemporalBinaries {
  version: string;
  server: string;
  sqlTool: string;
  /** The module's source folder in the Go module cache (schema/postgresql/v12/… lives there). */
  moduleDir: string;
  /** True when this run compiled them. */
  built: boolean;
  buildSeconds: number;
}

async function goAvailable(): Promise<string> {
  try {
    const { stdout } = await run('go', ['version']);
    return stdout.trim();
  } catch {
    throw new Error(
      'Không tìm thấy Go (go). Máy chủ Temporal thật được dựng từ module Go của nó. (Go not found: the real Temporal server is built from its Go module.)',
    );
  }
}

/** The module version recorded in a Go binary, or null when the file is missing or not ours. */
async function builtVersion(binary: string): Promise<string | null> {
  if (!fs.existsSync(binary)) return null;
  try {
    const { stdout } = await run('go', ['version', '-m', binary]);
    const m = new RegExp(`^\\s*mod\\s+${MODULE.replace(/\./g, '\\.')}\\s+(v\\S+)`, 'm').exec(stdout);
    return m ? m[1] : null;
  } catch {
    return null;
  }
}

/** `go mod download -json` of the module: its folder in the module cache (quick when already there). */
async function moduleDir(version: string): Promise<string> {
  const { stdout } = await run('go', ['mod', 'download', '-json', `${MODULE}@v${version}`], { cwd: REPO_ROOT, maxBuffer: 1 << 20 });
  const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${MODULE}@v${version}: ${info.Error ?? 'no Dir'}`);
  return info.Dir;
}

/**
 * Ensures `.tools/go/bin/temporal-server` and `temporal-sql-tool` of `version` (e.g. "1.29.1").
 * `onProgress` gets a line now and then during a build (a first build takes minutes).
 */
export async function ensureTemporalBinaries(version: string, onProgress: (line: string) => void, signal?: AbortSignal): Promise<TemporalBinaries> {
  const goVersion = await goAvailable();
  const targets = COMMANDS.map((c) => ({ ...c, file: path.join(GO_BIN, c.name) }));
  const versions = await Promise.all(targets.map((t) => builtVersion(t.file)));
  const t0 = Date.now();
  let built = false;

  if (versions.some((v) => v !== `v${version}`)) {
    built = true;
    const staging = path.join(GO_BIN, `.staging-${process.pid}`);
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    const pkgs = targets.map((t) => `${t.pkg}@v${version}`);
    onProgress(`${goVersion}: go install ${pkgs.join(' ')} → .tools/go/bin (lần đầu mất vài phút / first build takes minutes)`);
    try {
      await new Promise<void>((resolve, reject) => {
        // Outside the repository's module on purpose: `go install pkg@version` builds the module by its own go.mod.
        const child = spawn('go', ['install', ...pkgs], { cwd: staging, env: { ...process.env, GOBIN: staging }, stdio: ['ignore', 'pipe', 'pipe'] });
        const tail: string[] = [];
        const collect = (b: Buffer) => {
          for (const line of b.toString().split('\n').filter(Boolean)) {
            tail.push(line);
            if (tail.length > 40) tail.shift();
          }
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        const ticker = setInterval(() => onProgress(`… go install đang chạy (${Math.round((Date.now() - t0) / 1000)} s)`), 30000);
        const onAbort = () => child.kill('SIGTERM');
        signal?.addEventListener('abort', onAbort, { once: true });
        child.once('error', reject);
        child.once('exit', (code, sig) => {
          clearInterval(ticker);
          signal?.removeEventListener('abort', onAbort);
          if (code === 0) resolve();
          else reject(new Error(`go install thất bại (failed: ${sig ?? `exit ${code}`}):\n${tail.join('\n')}`));
        });
      });
      for (const t of targets) fs.renameSync(path.join(staging, t.built), t.file);
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
    const check = await Promise.all(targets.map((t) => builtVersion(t.file)));
    if (check.some((v) => v !== `v${version}`)) throw new Error(`built binaries report ${check.join(', ')}, expected v${version}`);
  }

  return {
    version,
    server: targets[0].file,
    sqlTool: targets[1].file,
    moduleDir: await moduleDir(version),
    built,
    buildSeconds: (Date.now() - t0) / 1000,
  };
}
