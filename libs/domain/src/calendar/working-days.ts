/**
 * Working days of a commune: Monday–Friday, minus the holidays of its calendar, plus the Saturdays it works
 * (làm bù). The calendar itself is data (a table the admin edits, seeded each year); these functions only do the
 * arithmetic, so they run the same inside workflows (timers, escalation), in the API (due state) and the worker.
 */
import type { CalendarDay, WorkingCalendar } from '@app/contracts';
import { addDays, weekday } from './commune-time';

export type { CalendarDay, WorkingCalendar };

export const NO_EXCEPTIONS: WorkingCalendar = { holidays: [], workingSaturdays: [] };

export function workingCalendar(days: readonly CalendarDay[]): WorkingCalendar {
  return {
    holidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date).sort(),
    workingSaturdays: days.filter((d) => d.kind === 'WORKING_SATURDAY').map((d) => d.date).sort(),
  };
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.holidays.includes(date)) return false;
  const day = weekday(date);
  if (day === 6) return calendar.workingSaturdays.includes(date);
  return day !== 0;
}

/**
 * The working day `n` working days after `date` (n ≥ 0). With n = 0: `date` itself if it is a working day,
 * else the next working day. Bounded so that a calendar with no working day cannot loop forever.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar): string {
  let current = date;
  let left = n;
  if (left === 0) {
    for (let i = 0; i < 366 && !isWorkingDay(current, calendar); i++) current = addDays(current, 1);
    return current;
  }
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) left -= 1;
  }
  return current;
}

/**
 * Working days after `from` up to and including `to` (0 when `to` ≤ `from`). With `atMost`, counting stops once the
 * count passes it (the answer is then `atMost + 1`): enough to tell "within n working days" without walking to a
 * date months away, which a list of steps asks once per row.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar, atMost = Infinity): number {
  if (to <= from) return 0;
  let count = 0;
  for (let current = addDays(from, 1), guard = 0; current <= to && guard < 3660 && count <= atMost; current = addDays(current, 1), guard++) {
    if (isWorkingDay(current, calendar)) count += 1;
  }
  return count;
}
