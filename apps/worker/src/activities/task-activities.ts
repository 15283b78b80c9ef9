import { DataSource } from 'typeorm';
import { TaskActivities } from '@app/contracts';
import { ChangeWriter } from '@app/persistence';

/** Activities of the task workflow: the read model and the trail, written idempotently in one statement. */
export function createTaskActivities(ds: DataSource): TaskActivities {
  const writer = new ChangeWriter(ds);
  return {
    applyTaskChange: (change) => writer.apply(change),
  };
}
