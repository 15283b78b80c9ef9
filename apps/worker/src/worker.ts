import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { openDatabase } from '@app/persistence';
import { bundleWorkflows } from '../../../workflows/src/bundle';
import { createPlanActivities, createTaskActivities } from './activities/task-activities';

export interface RunningWorker {
  worker: Worker;
  done: Promise<void>;
  stop(): Promise<void>;
}

let bundle: ReturnType<typeof bundleWorkflows> | undefined;

/** Starts a worker polling the commune task queue; `stop()` drains it and closes its connections. */
export async function startWorker(config: AppConfig, opts: { dataSource?: DataSource } = {}): Promise<RunningWorker> {
  const ds = opts.dataSource ?? (await openDatabase(config.databaseUrl, { migrate: false, poolSize: 5 }));
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  bundle ??= bundleWorkflows({ logger: new DefaultLogger('WARN') });
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    workflowBundle: await bundle,
    activities: { ...createTaskActivities(ds), ...createPlanActivities() },
  });
  const done = worker.run();
  return {
    worker,
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done.catch(() => undefined);
      await connection.close();
      if (!opts.dataSource) await ds.destroy();
    },
  };
}

export { Runtime };
