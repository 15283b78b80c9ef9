import { DataSource } from 'typeorm';
import { PlanActivities, TaskActivities } from '@app/contracts';
import { communeDate } from '@app/domain';
import { ChangeWriter, DeadlineRulesReadModel } from '@app/persistence';

/** Activities of the task workflow: the read model and the trail (written idempotently in one statement), … */
export function createTaskActivities(ds: DataSource): TaskActivities {
  const writer = new ChangeWriter(ds);
  const rules = new DeadlineRulesReadModel(ds);
  return {
    applyTaskChange: (change) => writer.apply(change),
    // The commune's calendar (the years around today: enough for timers a year ahead) and its deadline settings.
    deadlineRules: (commune) => rules.of(commune, communeDate(Date.now())),
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
