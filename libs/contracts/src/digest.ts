/**
 * The coordinator's daily digest: a Temporal Schedule per commune starts `digestWorkflow` every morning; the workflow
 * asks the commune's calendar whether the day is a working day, and only then sends the digest.
 */

export interface DigestWorkflowInput {
  commune: string;
  /** The day to report on (ISO); the schedule leaves it out and the workflow takes its own clock's date. */
  date?: string;
}

export interface DigestResult {
  date: string;
  /** Why nothing was sent: a weekend or holiday of the commune's calendar, or nothing late or due soon. */
  skipped: 'NOT_A_WORKING_DAY' | 'NOTHING_TO_REPORT' | null;
  overdue: number;
  dueSoon: number;
  /** E-mails sent by this run (0 when an earlier attempt sent them). */
  sent: number;
}

/** Activities of the digest workflow (the calendar comes from TaskActivities.deadlineRules). */
export interface DigestActivities {
  /** Sends the commune's coordinator(s) the digest of `date`. Idempotent per commune, date and recipient. */
  sendDailyDigest(input: { commune: string; date: string }): Promise<DigestResult>;
}

/** Id of the commune's digest schedule, and the prefix of the workflow ids it starts. */
export const digestScheduleId = (commune: string) => `${commune}:digest`;

/** When the digest is sent, in the commune's zone: every morning, the workflow skipping days off. */
export const DIGEST_SCHEDULE = { hour: 7, minute: 30, timeZone: 'Asia/Ho_Chi_Minh' } as const;
