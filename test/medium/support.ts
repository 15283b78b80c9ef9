/**
 * Medium-tier support: a database of its own for each test file, created on the run's PostgreSQL
 * (test/support/global-setup.ts) and brought up to date by the product's migrations. No Temporal.
 */
import type { DataSource } from 'typeorm';
import { openDatabase } from '@app/persistence';
import { createTestDatabase } from '../support/services';

export interface MigratedDatabase {
  ds: DataSource;
  url: string;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

export async function migratedDatabase(prefix = 'cchc_m'): Promise<MigratedDatabase> {
  const db = await createTestDatabase(prefix);
  const ds = await openDatabase(db.url, { poolSize: 3 });
  return {
    ds,
    url: db.url,
    async drop() {
      await ds.destroy();
      await db.drop();
    },
  };
}
