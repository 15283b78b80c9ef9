/**
 * Reminders and the escalation ladder of one step: when each alert is due, as instants on the commune's clock.
 * Reminders go out at the start of the office day, N working days before the due date; a rung fires at the end of
 * the office day, N working days after it (rung 0: the due date itself). With the 2026 calendar, a step due Friday
 * 13/2 reaches the coordinator's rung (+2) on Tuesday 24/2, after Tết, not on 17/2.
 *
 * Each alert has a key that includes the due date, so a moved date (an extension, an amendment) starts a new ladder.
 */
import type { DeadlineRules, EscalationTarget } from '@app/contracts';
import { startOfDay } from '../calendar/commune-time';
import { addWorkingDays } from '../calendar/working-days';
import { subtractWorkingDays } from './due-dates';

/** Office hours in the commune: reminders at 07:30, rungs at 17:00 (the working day is over, the step is late). */
const REMINDER_AT_MS = (7 * 60 + 30) * 60_000;
const RUNG_AT_MS = 17 * 60 * 60_000;

export interface Alert {
  key: string;
  type: 'REMINDER' | 'OVERDUE' | 'ESCALATED';
  /** Instant it is due (ms since epoch). */
  at: number;
  /** Its place in the ladder, 1-based: what the step's escalation level becomes when it fires. */
  level: number;
  to: EscalationTarget[];
  /** Reminders: working days before the due date. Rungs: working days after it. */
  workingDays: number;
  rung: number | null;
}

/** Every alert of a step due on `dueAt`, in the order they come. */
export function alertsFor(dueAt: string, rules: DeadlineRules): Alert[] {
  const { settings, calendar } = rules;
  const reminders = [...new Set(settings.remindBeforeWorkingDays)]
    .filter((n) => n > 0)
    .sort((a, b) => b - a)
    .map((n) => ({ key: `${dueAt}:remind:${n}`, type: 'REMINDER' as const, at: startOfDay(subtractWorkingDays(dueAt, n, calendar)) + REMINDER_AT_MS, to: ['HOLDER' as const], workingDays: n, rung: null }));
  const rungs = settings.escalation.map((rung, i) => ({
    key: `${dueAt}:rung:${i}`,
    type: i === 0 ? ('OVERDUE' as const) : ('ESCALATED' as const),
    at: startOfDay(addWorkingDays(dueAt, rung.afterWorkingDays, calendar)) + RUNG_AT_MS,
    to: [...rung.to],
    workingDays: rung.afterWorkingDays,
    rung: i,
  }));
  return [...reminders, ...rungs].sort((a, b) => a.at - b.at).map((alert, i) => ({ ...alert, level: i + 1 }));
}

/**
 * The alerts still to come for a step opened at `openedAt`: not fired yet, and not a reminder whose day was already
 * behind when the step opened (an approval step due in two working days gets no "three days before" reminder).
 */
export function pendingAlerts(dueAt: string, rules: DeadlineRules, fired: readonly string[], openedAt: number): Alert[] {
  return alertsFor(dueAt, rules).filter((a) => !fired.includes(a.key) && !(a.type === 'REMINDER' && a.at < openedAt));
}

/**
 * The alerts to fire now. Each fires once. A step found late when it opens (a plan activated in November) fires only
 * the furthest alert its lateness reaches, not the whole ladder at once.
 */
export function alertsToFire(dueAt: string, rules: DeadlineRules, fired: readonly string[], openedAt: number, now: number): Alert[] {
  const due = pendingAlerts(dueAt, rules, fired, openedAt).filter((a) => a.at <= now);
  return due.length <= 1 ? due : [due[due.length - 1]];
}

/** Keys an alert makes obsolete when it fires (itself and the ones before it in the ladder). */
export function supersededBy(dueAt: string, rules: DeadlineRules, alert: Alert): string[] {
  return alertsFor(dueAt, rules)
    .filter((a) => a.level <= alert.level)
    .map((a) => a.key);
}

/** The next instant an alert of this step is due, or null when none is left. */
export function nextAlertAt(dueAt: string, rules: DeadlineRules, fired: readonly string[], openedAt: number): number | null {
  return pendingAlerts(dueAt, rules, fired, openedAt)[0]?.at ?? null;
}
