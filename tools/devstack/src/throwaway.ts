/**
 * For scripts run by hand (benches, the fuzz run): the PostgreSQL and Temporal server that DATABASE_URL and
 * TEMPORAL_ADDRESS name, or throwaway ones on free ports, whose addresses are then set in those variables.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { freePorts } from './free-port';
import { startTemporalDevServer } from './temporal-dev-server';

export interface ThrowawayServices {
  /** Stops what this call started (nothing when both were given), the Temporal server first. */
  stop(): Promise<void>;
}

export async function servicesFromEnvOrThrowaway(opts: {
  /** Names the temporary data folder (`<name>-pg-…`). */
  name: string;
  /** false: PostgreSQL only. */
  temporal?: boolean;
  /** Registered on a dev server started here (name → CLI type). */
  searchAttributes?: Record<string, string>;
}): Promise<ThrowawayServices> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e) => console.error(e));
  };
  try {
    if (!process.env.DATABASE_URL) {
      const dir = mkdtempSync(path.join(tmpdir(), `${opts.name}-pg-`));
      const [port] = await freePorts(1);
      const pg = await startEmbeddedPostgres({ dataDir: dir, port, ephemeral: true, databases: ['cchc'] });
      stops.push(async () => {
        await pg.stop();
        rmSync(dir, { recursive: true, force: true });
      });
      process.env.DATABASE_URL = pg.url('cchc');
    }
    if ((opts.temporal ?? true) && !process.env.TEMPORAL_ADDRESS) {
      const [port] = await freePorts(1);
      const temporal = await startTemporalDevServer({ port, searchAttributes: opts.searchAttributes });
      stops.push(() => temporal.stop());
      process.env.TEMPORAL_ADDRESS = temporal.address;
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { stop };
}
