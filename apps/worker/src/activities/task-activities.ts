import { DataSource } from 'typeorm';
import { TaskActivities } from '@app/contracts';
import { communeDate } from '@app/domain';
import { ChangeWriter, DeadlineRulesReadModel } from '@app/persistence';

/**
 * Activities of the task workflow: the read model and the trail (written idempotently in one statement), and the
 * commune's deadline rules. Telling people (notifyTaskEvent, and the plan's notifyLateAtActivation) is the
 * notifier's: activities/notification-activities.ts.
 */
export function createTaskActivities(ds: DataSource): Omit<TaskActivities, 'notifyTaskEvent'> {
  const writer = new ChangeWriter(ds);
  const rules = new DeadlineRulesReadModel(ds);
  return {
    applyTaskChange: (change) => writer.apply(change),
    // The commune's calendar (the years around today: enough for timers a year ahead) and its deadline settings.
    deadlineRules: (commune) => rules.of(commune, communeDate(Date.now())),
  };
}
