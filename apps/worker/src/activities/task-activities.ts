import { DataSource } from 'typeorm';
import { TaskActivities, TaskChange } from '@app/contracts';
import { applyTaskChange } from '@app/persistence';

/** Activities of the task workflow: the read model and the trail, written idempotently. */
export function createTaskActivities(ds: DataSource): TaskActivities {
  return {
    async applyTaskChange(change: TaskChange) {
      await applyTaskChange(ds, change);
    },
  };
}
