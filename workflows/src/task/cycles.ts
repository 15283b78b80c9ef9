/**
 * Cycles of a task: which due date each cycle answers. Pure functions (no Temporal), so they run the same in the
 * workflow sandbox and in plain unit tests; dates and the commune's clock come from the calendar module.
 */
import type { DeadlineKind } from '@app/contracts';
import { isIsoDate } from '@app/domain';

/** Units send their quarterly report before the 5th of the quarter's last month (plan section IV.1.c). */
export function quarterlyReportDates(year: number): string[] {
  return ['03', '06', '09', '12'].map((month) => `${year}-${month}-05`);
}

function sortedUnique(dates: string[]): string[] {
  return [...new Set(dates)].sort();
}

/**
 * Due date of every cycle, in order; `null` is a cycle without a date yet (on request, unknown phrase).
 * A single deadline (FIXED, PERIOD_END) is one cycle; MILESTONES and RECURRING run one cycle per date;
 * CONTINUOUS work reports progress each quarter; ON_REQUEST and UNKNOWN wait for the coordinator's dates,
 * and once entered each date is a cycle of its own.
 */
export function cycleDueDates(kind: DeadlineKind, dueDates: string[], year: number): (string | null)[] {
  const dates = sortedUnique(dueDates.filter(isIsoDate));
  switch (kind) {
    case 'FIXED':
    case 'PERIOD_END':
      return [dates.length ? dates[dates.length - 1] : null];
    case 'CONTINUOUS':
      return quarterlyReportDates(year);
    case 'MILESTONES':
    case 'RECURRING':
    case 'ON_REQUEST':
    case 'UNKNOWN':
      return dates.length ? dates : [null];
  }
}

/**
 * The schedule after the coordinator enters dates during cycle `cycle` (1-based): cycles already behind
 * keep their dates, the current cycle takes the first new date, and any further dates become cycles of
 * their own.
 */
export function rescheduleFrom(schedule: (string | null)[], cycle: number, dueDates: string[]): (string | null)[] {
  return [...schedule.slice(0, cycle - 1), ...sortedUnique(dueDates)];
}

/**
 * The cycle a task starts in when its workflow first runs on `today`: a plan activated mid-year does not
 * reopen periods already behind it (their due dates passed before the workflow existed). A cycle without a
 * date, or the last cycle when all are past, is where it starts.
 */
export function firstOpenCycle(schedule: (string | null)[], today: string): number {
  const index = schedule.findIndex((dueAt) => dueAt === null || dueAt >= today);
  return index === -1 ? Math.max(1, schedule.length) : index + 1;
}
