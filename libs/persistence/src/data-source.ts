import { DataSource } from 'typeorm';
import { Initial1764150000000 } from './migrations/1764150000000-initial';
import { StepModel1764300000000 } from './migrations/1764300000000-step-model';
import { CalendarSettings1764432000000 } from './migrations/1764432000000-calendar-settings';
import { Notifications1764500000000 } from './migrations/1764500000000-notifications';
import { UnitsAndAmendments1764600000000 } from './migrations/1764600000000-units-and-amendments';
import { Reports1764800000000 } from './migrations/1764800000000-reports';
import { CommunesAndTenancy1764900000000 } from './migrations/1764900000000-communes-and-tenancy';

export const MIGRATIONS = [
  Initial1764150000000,
  StepModel1764300000000,
  CalendarSettings1764432000000,
  Notifications1764500000000,
  UnitsAndAmendments1764600000000,
  Reports1764800000000,
  CommunesAndTenancy1764900000000,
];

export function createDataSource(databaseUrl: string, opts: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    extra: { max: opts.poolSize ?? 10 },
  });
}

/** Opens a data source and brings the schema up to date. */
export async function openDatabase(databaseUrl: string, opts: { migrate?: boolean; poolSize?: number } = {}): Promise<DataSource> {
  const ds = createDataSource(databaseUrl, opts);
  await ds.initialize();
  if (opts.migrate ?? true) await ds.runMigrations({ transaction: 'each' });
  return ds;
}
