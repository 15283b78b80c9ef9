/**
 * Deadline rules of a commune: its working-day calendar and its settings (SLA of approval steps, reminders, the
 * escalation ladder). Data the admin edits; workflows read them through the `deadlineRules` activity.
 */

/** One exception to Monday–Friday in a commune's calendar. */
export interface CalendarDay {
  date: string;
  kind: 'HOLIDAY' | 'WORKING_SATURDAY';
  name: string;
}

/** A commune's exceptions to Monday–Friday, for the years it covers (sorted ISO dates). */
export interface WorkingCalendar {
  holidays: readonly string[];
  workingSaturdays: readonly string[];
}

/** Who a rung of the ladder tells: the step's holder, his unit head, the CCHC coordinator, the Chairman. */
export const ESCALATION_TARGETS = ['HOLDER', 'UNIT_HEAD', 'COORDINATOR', 'CHAIRMAN'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export interface EscalationRung {
  /** Working days after the due date (0 = on the due date itself). */
  afterWorkingDays: number;
  to: EscalationTarget[];
}

export interface DeadlineSettings {
  /** Approval steps are due this many working days after they open. */
  approvalSlaWorkingDays: number;
  /** A contribution asked without a date of its own is due this many working days before the task's date. */
  contributionLeadWorkingDays: number;
  /** Reminders to the holder, in working days before the due date. */
  remindBeforeWorkingDays: number[];
  /** The ladder, rung by rung; each rung fires once per step. */
  escalation: EscalationRung[];
}

/** api.md "Working days and due dates": the defaults a commune starts with. */
export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  approvalSlaWorkingDays: 2,
  contributionLeadWorkingDays: 3,
  remindBeforeWorkingDays: [3, 1],
  escalation: [
    { afterWorkingDays: 0, to: ['HOLDER', 'UNIT_HEAD'] },
    { afterWorkingDays: 2, to: ['COORDINATOR'] },
    { afterWorkingDays: 5, to: ['CHAIRMAN'] },
  ],
};

/** What a workflow needs to time its steps. */
export interface DeadlineRules {
  calendar: WorkingCalendar;
  settings: DeadlineSettings;
}
