/**
 * Reminders and the escalation ladder of a step book's open steps, as a workflow's timers drive them. When each
 * alert is due is the domain's rule (libs/domain deadlines/ladder); here the workflow fires what is due, once per
 * step and alert, raises the step's escalation level and has the caller record the event (which tells people).
 * Pure: the caller supplies the workflow clock's `now`.
 */
import type { EscalationTarget, OpenStep, StepKind, UnitCode } from '@app/contracts';
import { alertsToFire, communeDate, nextAlertAt, supersededBy, workingDaysBetween } from '@app/domain';
import type { StepBook } from './book';

export interface AlertEvent {
  type: 'REMINDER' | 'OVERDUE' | 'ESCALATED';
  data: {
    stepId: string;
    stepKind: StepKind;
    unit: UnitCode | null;
    dueAt: string;
    to: EscalationTarget[];
    workingDaysLeft?: number;
    rung?: number | null;
    afterWorkingDays?: number;
    workingDaysLate?: number;
    atActivation?: boolean;
  };
}

/** The next instant an alert of any open step is due, or null when none is left (or the run has no rules). */
export function nextWakeAt(book: StepBook): number | null {
  const rules = book.rules;
  if (!rules) return null;
  let next: number | null = null;
  for (const step of book.steps) {
    if (!step.dueAt) continue;
    const at = nextAlertAt(step.dueAt, rules, book.alerts[step.stepId] ?? [], Date.parse(step.openedAt));
    if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}

/**
 * Fires the alerts due at `now` and hands each to `record`, in order. A step found late (e.g. when the plan is
 * activated in November) fires only the furthest rung its lateness reaches; `atActivation` marks those found when
 * the workflow first ran, so the people above the holder get one list from the plan instead of a message each.
 */
export function fireDueAlerts<C>(book: StepBook, now: Date, atActivation: boolean, record: (alert: AlertEvent, step: OpenStep) => C): C[] {
  const rules = book.rules;
  if (!rules) return [];
  const changes: C[] = [];
  const today = communeDate(now);
  for (const step of [...book.steps]) {
    if (!step.dueAt) continue;
    const fired = book.alerts[step.stepId] ?? [];
    for (const alert of alertsToFire(step.dueAt, rules, fired, Date.parse(step.openedAt), now.getTime())) {
      book.alerts[step.stepId] = [...new Set([...fired, ...supersededBy(step.dueAt, rules, alert)])];
      step.escalationLevel = Math.max(step.escalationLevel, alert.level);
      const base = { stepId: step.stepId, stepKind: step.kind, unit: step.unit, dueAt: step.dueAt, to: alert.to };
      const data =
        alert.type === 'REMINDER'
          ? { ...base, workingDaysLeft: workingDaysBetween(today, step.dueAt, rules.calendar) }
          : { ...base, rung: alert.rung, afterWorkingDays: alert.workingDays, workingDaysLate: workingDaysBetween(step.dueAt, today, rules.calendar), atActivation };
      changes.push(record({ type: alert.type, data }, step));
    }
  }
  return changes;
}
