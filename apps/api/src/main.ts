import 'reflect-metadata';
import { AppConfig, runWithConfig } from '@app/config';
import { disableDemoPasswordAccounts, openDatabase } from '@app/persistence';

/** The mode line of the start-up output, and what production did about demo passwords. */
async function announceMode(config: AppConfig): Promise<void> {
  const implicit = config.nodeEnvImplicit ? ' (NODE_ENV chưa đặt nên chạy như production)' : '';
  console.log(`Chế độ: ${config.nodeEnv}${implicit}.`);
  if (!config.production) return;
  // Before serving anyone: a database first run in development must not stay open with the README's passwords.
  const ds = await openDatabase(config.databaseUrl, { migrate: false, poolSize: 1 });
  try {
    const disabled = await disableDemoPasswordAccounts(ds, config.demoPasswords);
    console.log(
      disabled.length
        ? `Đã khóa ${disabled.length} tài khoản còn dùng mật khẩu demo: ${disabled.join(', ')}. Mở lại sau khi đặt mật khẩu mới (admin: chạy "npm run db:prepare" với ADMIN_PASSWORD).`
        : 'Không tài khoản nào còn dùng mật khẩu demo.',
    );
  } finally {
    await ds.destroy();
  }
}

runWithConfig(async (config) => {
  await announceMode(config);
  // Loaded after the settings are validated: controllers read the upload limit when their module loads.
  const { buildApp } = await import('./app');
  const app = await buildApp(config);
  await app.listen(config.port, '0.0.0.0');
  console.log(`API sẵn sàng tại http://localhost:${config.port}/api${config.swagger ? ' (tài liệu: /api/docs)' : ''}`);
});
