import type { DataSource } from 'typeorm';
import { openDatabase } from '@app/persistence';
import { createTestDatabase } from './services';

export interface MigratedDatabase {
  ds: DataSource;
  url: string;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh database of its own on the test run's PostgreSQL, with every migration applied: what a medium test (real
 * PostgreSQL, no Temporal) runs the read-model layer against.
 */
export async function migratedDatabase(prefix = 'cchc_m'): Promise<MigratedDatabase> {
  const db = await createTestDatabase(prefix);
  try {
    const ds = await openDatabase(db.url, { poolSize: 4 });
    return {
      ds,
      url: db.url,
      async drop() {
        await ds.destroy();
        await db.drop();
      },
    };
  } catch (error) {
    await db.drop();
    throw error;
  }
}
