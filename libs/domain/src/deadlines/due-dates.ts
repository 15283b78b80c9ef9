/**
 * When a step is due: the one rule, asked by the task workflow when a step opens and when the commune's rules or the
 * task's date change. Task steps follow the task's (cycle's) date; approval steps get a working-day SLA counted from
 * the day they open; a contribution asked without a date of its own is due some working days before the task's date.
 */
import type { DeadlineSettings, StepKind, WorkingCalendar } from '@app/contracts';
import { addDays } from '../calendar/commune-time';
import { addWorkingDays, isWorkingDay } from '../calendar/working-days';

export interface StepDueInput {
  kind: StepKind;
  /** The commune's date the step opened. */
  openedOn: string;
  /** The task's date for this cycle (null: not set yet). */
  cycleDueAt: string | null;
  /** A date of its own (a contribution asked with a date). */
  ownDate?: string | null;
}

const APPROVAL_KINDS: readonly StepKind[] = ['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW', 'EXTENSION'];

export function stepDueDate(step: StepDueInput, settings: DeadlineSettings, calendar: WorkingCalendar): string | null {
  switch (step.kind) {
    case 'SET_SCHEDULE':
    case 'SET_LEAD_UNIT':
      return null;
    case 'CONTRIBUTION':
      if (step.ownDate) return step.ownDate;
      return step.cycleDueAt ? subtractWorkingDays(step.cycleDueAt, settings.contributionLeadWorkingDays, calendar) : null;
    default:
      if (APPROVAL_KINDS.includes(step.kind)) return addWorkingDays(step.openedOn, settings.approvalSlaWorkingDays, calendar);
      return step.cycleDueAt;
  }
}

/** The working day `n` working days before `date` (n ≥ 0; 0 is `date` itself). */
export function subtractWorkingDays(date: string, n: number, calendar: WorkingCalendar): string {
  let current = date;
  let left = n;
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    current = addDays(current, -1);
    if (isWorkingDay(current, calendar)) left -= 1;
  }
  return current;
}
