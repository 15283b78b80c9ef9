/**
 * What a due date means to the person who holds the step, today: the one rule behind the colours of the inbox,
 * the board and the task page (the web shows what the API sends, it does not compute it).
 */
import type { DeadlineSettings } from '@app/contracts';
import { workingDaysBetween, type WorkingCalendar } from './working-days';

export const DUE_STATES = ['ON_TIME', 'DUE_SOON', 'OVERDUE', 'NO_DATE'] as const;
export type DueState = (typeof DUE_STATES)[number];

/** "Due soon" starts this many working days before the date (the first reminder of the deadlines settings). */
export const DEFAULT_DUE_SOON_WORKING_DAYS = 3;

/**
 * A commune's due-soon window: from its first reminder on, i.e. the largest of `remindBeforeWorkingDays`. Without
 * reminders only the due date itself is "due soon".
 */
export function dueSoonWorkingDays(settings: Pick<DeadlineSettings, 'remindBeforeWorkingDays'>): number {
  return Math.max(0, ...settings.remindBeforeWorkingDays);
}

/**
 * OVERDUE once the due date is behind `today`; DUE_SOON from `soonWorkingDays` working days before it (the due
 * date itself included); ON_TIME before that; NO_DATE when the step has no date yet.
 */
export function dueState(
  dueAt: string | null | undefined,
  today: string,
  calendar: WorkingCalendar,
  soonWorkingDays = DEFAULT_DUE_SOON_WORKING_DAYS,
): DueState {
  if (!dueAt) return 'NO_DATE';
  if (dueAt < today) return 'OVERDUE';
  return workingDaysBetween(today, dueAt, calendar, soonWorkingDays) <= soonWorkingDays ? 'DUE_SOON' : 'ON_TIME';
}
