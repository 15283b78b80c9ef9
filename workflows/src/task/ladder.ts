/**
 * Reminders and the escalation ladder of the task's open steps, as the workflow's timers drive them. When each
 * alert is due is the domain's rule (libs/domain deadlines/ladder); here the workflow fires what is due, once per
 * step and alert, and records it in the trail (which also raises the step's escalation level and tells people).
 * Pure: the caller supplies the workflow clock's `now`.
 */
import type { TaskChange } from '@app/contracts';
import { alertsToFire, communeDate, nextAlertAt, supersededBy, workingDaysBetween } from '@app/domain';
import { taskStatus, type TaskState } from './state';
import { record } from './transitions';

/** The next instant an alert of any open step is due, or null when none is left (or the run has no rules). */
export function nextWakeAt(state: TaskState): number | null {
  const rules = state.rules;
  if (!rules || state.stage === 'COMPLETED' || state.stage === 'WITHDRAWN') return null;
  let next: number | null = null;
  for (const step of state.steps) {
    if (!step.dueAt) continue;
    const at = nextAlertAt(step.dueAt, rules, state.alerts[step.stepId] ?? [], Date.parse(step.openedAt));
    if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}

/**
 * Fires the alerts due at `now`. A step found late (e.g. when the plan is activated in November) fires only the
 * furthest rung its lateness reaches; `atActivation` marks those found when the workflow first ran, so the people
 * above the holder get one list from the plan instead of a message per task.
 */
export function fireDueAlerts(state: TaskState, now: Date, atActivation: boolean): TaskChange[] {
  const rules = state.rules;
  if (!rules) return [];
  const changes: TaskChange[] = [];
  const today = communeDate(now);
  for (const step of [...state.steps]) {
    if (!step.dueAt) continue;
    const fired = state.alerts[step.stepId] ?? [];
    for (const alert of alertsToFire(step.dueAt, rules, fired, Date.parse(step.openedAt), now.getTime())) {
      state.alerts[step.stepId] = [...new Set([...fired, ...supersededBy(step.dueAt, rules, alert)])];
      step.escalationLevel = Math.max(step.escalationLevel, alert.level);
      const base = { stepId: step.stepId, stepKind: step.kind, unit: step.unit, dueAt: step.dueAt, to: alert.to };
      const data =
        alert.type === 'REMINDER'
          ? { ...base, workingDaysLeft: workingDaysBetween(today, step.dueAt, rules.calendar) }
          : {
              ...base,
              rung: alert.rung,
              afterWorkingDays: alert.workingDays,
              workingDaysLate: workingDaysBetween(step.dueAt, today, rules.calendar),
              atActivation,
            };
      changes.push(record(state, now, { type: alert.type, from: taskStatus(state), data }));
    }
  }
  return changes;
}
