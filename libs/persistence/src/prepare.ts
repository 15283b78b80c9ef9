import { promises as fs } from 'fs';
import { parsePlan } from '@app/domain';
import { seedCalendar } from './calendar-seed';
import { openDatabase } from './data-source';
import { disableDemoPasswordAccounts, seedAdmin, seedCityAccounts, seedCommune, seedDemoAccounts, seedDemoReportSettings } from './demo-seed';
import { importParsedPlan, PlanImportError } from './plan-store';
import { UnitReadModel } from './read-model/units';

export interface PrepareOptions {
  /** Creates the demo accounts with this password; only given when the mode is explicitly development. */
  demoPassword?: string;
  /** Creates (once) the first `admin` account with this password; how a production install gets its administrator. */
  adminPassword?: string;
  /** Production deactivates every account still holding one of `demoPasswords`. */
  production: boolean;
  demoPasswords?: string[];
  planFile: string;
  commune: string;
}

/**
 * What `npm start` does to the database before the services start: migrations, the commune and its units, its
 * working-day calendar, the demo accounts (development only; production deactivates any account left with a demo
 * password) and the plan the product ships with.
 */
export async function prepareDatabase(
  databaseUrl: string,
  opts: PrepareOptions,
): Promise<{ planId: string; taskCount: number; disabledAccounts: string[] }> {
  const ds = await openDatabase(databaseUrl, { poolSize: 2 });
  try {
    await seedCommune(ds, opts.commune);
    await seedCalendar(ds, opts.commune);
    if (opts.demoPassword !== undefined && !opts.production) {
      await seedDemoAccounts(ds, opts.commune, opts.demoPassword);
      await seedCityAccounts(ds, opts.demoPassword);
      await seedDemoReportSettings(ds, opts.commune);
    }
    const disabledAccounts = opts.production ? await disableDemoPasswordAccounts(ds, opts.demoPasswords ?? ['demo']) : [];
    if (opts.adminPassword) await seedAdmin(ds, opts.commune, opts.adminPassword, opts.demoPasswords);
    const text = await fs.readFile(opts.planFile, 'utf8');
    try {
      // Read with the commune's own unit directory, as every import is.
      const units = await new UnitReadModel(ds).directory(opts.commune);
      const result = await importParsedPlan(ds, opts.commune, parsePlan(text, { units }), text);
      return { planId: result.planId, taskCount: result.taskCount, disabledAccounts };
    } catch (e) {
      // Once activated, the shipped plan runs as it is: a later start keeps it.
      if (!(e instanceof PlanImportError && e.code === 'CONFLICT')) throw e;
      const planId = String(e.details?.planId);
      const tasks: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE plan_id = $1`, [planId]);
      return { planId, taskCount: tasks[0].n, disabledAccounts };
    }
  } finally {
    await ds.destroy();
  }
}
