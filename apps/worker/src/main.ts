import 'reflect-metadata';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { runWithConfig } from '@app/config';
import { startWorker } from './worker';

runWithConfig(async (config) => {
  // The SDK's INFO lines (bundle sizes, state changes) drown the start-up progress; LOG_LEVEL=INFO brings them back.
  Runtime.install({ logger: new DefaultLogger((process.env.LOG_LEVEL?.toUpperCase() as 'INFO') || 'WARN') });
  const running = await startWorker(config);
  console.log(`Worker đang nhận việc trên hàng đợi "${config.taskQueue}" (${config.temporalAddress}).`);
  await running.done;
});
