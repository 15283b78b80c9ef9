import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { buildApp } from './app';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const app = await buildApp(config);
  await app.listen(config.port, '0.0.0.0');
  console.log(`API sẵn sàng tại http://localhost:${config.port}/api (tài liệu: /api/docs)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
