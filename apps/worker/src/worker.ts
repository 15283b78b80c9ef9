import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { createMailer, ensureDigestSchedules, Notifier } from '@app/notifications';
import { openDatabase, ReadModel } from '@app/persistence';
import { bundleWorkflows } from '../../../workflows/src/bundle';
import { createNotificationActivities } from './activities/notification-activities';
import { createReportActivities } from './activities/report-activities';
import { createTaskActivities } from './activities/task-activities';
import { ensureSearchAttributes } from './search-attributes';

export interface RunningWorker {
  worker: Worker;
  done: Promise<void>;
  stop(): Promise<void>;
}

let bundle: ReturnType<typeof bundleWorkflows> | undefined;

/**
 * Starts a worker polling the commune task queue; `stop()` drains it and closes its connections. Each start also
 * creates or updates the daily digest schedule of every commune (`schedules: false` leaves them alone).
 */
export async function startWorker(config: AppConfig, opts: { dataSource?: DataSource; schedules?: boolean } = {}): Promise<RunningWorker> {
  const ds = opts.dataSource ?? (await openDatabase(config.databaseUrl, { migrate: false, poolSize: 5 }));
  // Before any workflow of ours starts on this server: every workflow carries them.
  await ensureSearchAttributes({ address: config.temporalAddress, namespace: config.temporalNamespace });
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  bundle ??= bundleWorkflows({ logger: new DefaultLogger('WARN') });
  const readModel = new ReadModel(ds);
  const mailer = createMailer(config);
  const taskActivities = createTaskActivities(ds);
  const notifier = new Notifier({
    readModel,
    mailer,
    settings: { publicUrl: config.publicUrl, mailFrom: config.mailFrom },
    deadlineRules: (commune) => taskActivities.deadlineRules(commune),
  });
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    workflowBundle: await bundle,
    activities: { ...taskActivities, ...createNotificationActivities(notifier), ...createReportActivities(ds, notifier) },
  });
  if (opts.schedules ?? true) {
    const communes = (await readModel.communes.list()).map((c) => c.code);
    await ensureDigestSchedules({ address: config.temporalAddress, namespace: config.temporalNamespace, taskQueue: config.taskQueue, communes });
  }
  const done = worker.run();
  return {
    worker,
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done.catch(() => undefined);
      await connection.close();
      mailer.close();
      if (!opts.dataSource) await ds.destroy();
    },
  };
}

export { Runtime };
