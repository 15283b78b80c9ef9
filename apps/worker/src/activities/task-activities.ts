import { DataSource } from 'typeorm';
import { DEFAULT_DEADLINE_SETTINGS, TaskActivities } from '@app/contracts';
import { NO_EXCEPTIONS } from '@app/domain';
import { ChangeWriter } from '@app/persistence';

/**
 * Activities of the task workflow: the read model and the trail (written idempotently in one statement), … Telling
 * people (notifyTaskEvent, and the plan's notifyLateAtActivation) is the notifier's: activities/notification-activities.ts.
 */
export function createTaskActivities(ds: DataSource): Omit<TaskActivities, 'notifyTaskEvent'> {
  const writer = new ChangeWriter(ds);
  return {
    applyTaskChange: (change) => writer.apply(change),
    // Until the commune's calendar and settings are tables: weekends off, the default ladder.
    deadlineRules: async () => ({ calendar: NO_EXCEPTIONS, settings: DEFAULT_DEADLINE_SETTINGS }),
  };
}
