import { promises as fs } from 'fs';
import { parsePlan } from '@app/domain';
import { seedCalendar } from './calendar-seed';
import { openDatabase } from './data-source';
import { seedAdmin, seedCommune, seedDemoAccounts } from './demo-seed';
import { importParsedPlan } from './plan-store';
import { UnitReadModel } from './read-model/units';

export interface PrepareOptions {
  demoPassword?: string;
  /** Creates (once) the first `admin` account with this password; how a production install gets its administrator. */
  adminPassword?: string;
  production: boolean;
  planFile: string;
  commune: string;
}

/**
 * What `npm start` does to the database before the services start: migrations, the commune and its units, its
 * working-day calendar, the demo accounts (never in production) and the plan the product ships with.
 */
export async function prepareDatabase(databaseUrl: string, opts: PrepareOptions): Promise<{ planId: string; taskCount: number }> {
  const ds = await openDatabase(databaseUrl, { poolSize: 2 });
  try {
    await seedCommune(ds, opts.commune);
    await seedCalendar(ds, opts.commune);
    if (!opts.production) await seedDemoAccounts(ds, opts.commune, opts.demoPassword ?? 'demo');
    if (opts.adminPassword) await seedAdmin(ds, opts.commune, opts.adminPassword);
    const text = await fs.readFile(opts.planFile, 'utf8');
    // Read with the commune's own unit directory, as every import is.
    const units = await new UnitReadModel(ds).directory(opts.commune);
    const result = await importParsedPlan(ds, opts.commune, parsePlan(text, { units }), text);
    return { planId: result.planId, taskCount: result.taskCount };
  } finally {
    await ds.destroy();
  }
}
