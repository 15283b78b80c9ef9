import { DataSource } from 'typeorm';
import { DEFAULT_DEADLINE_SETTINGS, PlanActivities, TaskActivities } from '@app/contracts';
import { NO_EXCEPTIONS } from '@app/domain';
import { ChangeWriter } from '@app/persistence';

/** Activities of the task workflow: the read model and the trail (written idempotently in one statement), … */
export function createTaskActivities(ds: DataSource): TaskActivities {
  const writer = new ChangeWriter(ds);
  return {
    applyTaskChange: (change) => writer.apply(change),
    // Until the commune's calendar and settings are tables: weekends off, the default ladder.
    deadlineRules: async () => ({ calendar: NO_EXCEPTIONS, settings: DEFAULT_DEADLINE_SETTINGS }),
    // Until libs/notifications: nobody is told.
    notifyTaskEvent: async () => undefined,
  };
}

/** Activities of the plan workflow. */
export function createPlanActivities(): PlanActivities {
  return {
    // Until libs/notifications: nobody is told.
    notifyLateAtActivation: async () => undefined,
  };
}
