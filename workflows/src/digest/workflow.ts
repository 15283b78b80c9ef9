/**
 * The daily digest of one commune, started every morning by the commune's Temporal Schedule (never a timer loop of
 * our own). Days off are the commune's calendar's to say, asked inside the run: weekends, holidays and the
 * Saturdays worked in lieu are data the admin edits, which a schedule's cron could not know.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { DigestActivities, DigestResult, DigestWorkflowInput, TaskActivities } from '@app/contracts';
import { communeDate, isWorkingDay } from '@app/domain';

const { deadlineRules } = proxyActivities<Pick<TaskActivities, 'deadlineRules'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Sending retries until it succeeds (failures are never lost); each attempt heartbeats per message.
const { sendDailyDigest } = proxyActivities<DigestActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function digestWorkflow(input: DigestWorkflowInput): Promise<DigestResult> {
  const date = input.date ?? communeDate(Date.now());
  const { calendar } = await deadlineRules(input.commune);
  if (!isWorkingDay(date, calendar)) return { date, skipped: 'NOT_A_WORKING_DAY', overdue: 0, dueSoon: 0, sent: 0 };
  return sendDailyDigest({ commune: input.commune, date });
}
