import 'reflect-metadata';
import { runWithConfig } from '@app/config';

runWithConfig(async (config) => {
  // Loaded after the settings are validated: controllers read the upload limit when their module loads.
  const { buildApp } = await import('./app');
  const app = await buildApp(config);
  await app.listen(config.port, '0.0.0.0');
  console.log(`API sẵn sàng tại http://localhost:${config.port}/api (tài liệu: /api/docs)`);
});
