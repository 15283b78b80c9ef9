/**
 * `npm run db:prepare`: what `npm start` does to the database, alone — migrations, the commune and its units,
 * demo accounts (only with NODE_ENV=development; production deactivates accounts left with a demo password) and
 * the An Lão 2026 plan. Idempotent.
 * Used by docker-compose's one-shot `migrate` service before the api and worker start.
 */
import * as path from 'path';
import { ConfigError, loadConfig } from '@app/config';
import { progress, redactUrl } from '@tools/devstack';
import { prepareDatabase } from '@app/persistence';

async function main(): Promise<void> {
  const config = loadConfig();
  const planFile = path.resolve(process.env.CCHC_PLAN_FILE ?? path.join(__dirname, '..', 'data', 'seed', 'ke-hoach-cchc-an-lao-2026.txt'));
  progress.step(`Chuẩn bị cơ sở dữ liệu ${redactUrl(config.databaseUrl)} (${config.nodeEnv}${config.demoAccounts ? ', có tài khoản demo' : ''})…`);
  const since = Date.now();
  const result = await prepareDatabase(config.databaseUrl, {
    demoPassword: config.demoAccounts ? process.env.DEMO_PASSWORD || 'demo' : undefined,
    production: config.production,
    demoPasswords: config.demoPasswords,
    adminPassword: process.env.ADMIN_PASSWORD || undefined,
    planFile,
    commune: config.defaultCommune,
  });
  if (result.disabledAccounts.length) {
    progress.warn(`Đã khóa ${result.disabledAccounts.length} tài khoản còn dùng mật khẩu demo: ${result.disabledAccounts.join(', ')}.`);
  }
  progress.ok(`Xong sau ${((Date.now() - since) / 1000).toFixed(1)} s: kế hoạch ${result.planId}, ${result.taskCount} nhiệm vụ.`);
}

main().catch((err) => {
  progress.fail(err instanceof ConfigError ? err.message : (err as Error).stack ?? String(err));
  process.exit(err instanceof ConfigError ? 2 : 1);
});
