/** jest globalTeardown of the e2e project: stops what global-setup.ts started and removes its temporary files. */
import * as fs from 'fs';
import { GLOBAL_KEY, StartedTestServices } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>)[GLOBAL_KEY] as StartedTestServices | undefined;
  if (!started) return;
  const t0 = Date.now();
  await Promise.all([started.temporal?.stop(), started.pg?.stop()]);
  if (started.tmpDir) fs.rmSync(started.tmpDir, { recursive: true, force: true });
  for (const file of started.files) {
    try {
      // The well-known file may already belong to a later run: only remove it while it is still ours.
      const content = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (content.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      /* gone */
    }
  }
  if (started.onSignal) for (const sig of ['SIGTERM', 'SIGHUP'] as const) process.removeListener(sig, started.onSignal);
  delete (globalThis as Record<string, unknown>)[GLOBAL_KEY];
  if (started.pg || started.temporal) console.log(`[test services] đã dừng sau ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
