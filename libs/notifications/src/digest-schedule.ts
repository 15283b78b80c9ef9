/**
 * The coordinator's daily digest runs from a Temporal Schedule, one per commune: created when the commune is created
 * (the API) and created or brought up to date each time a worker starts. Idempotent, so any number of workers,
 * restarts and API calls leave exactly one schedule per commune.
 */
import {
  Client,
  Connection,
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type ScheduleOptions,
  type ScheduleOptionsStartWorkflowAction,
  type ScheduleSpec,
} from '@temporalio/client';
import { DIGEST_SCHEDULE, digestScheduleId, SEARCH_ATTRIBUTES, type DigestWorkflowInput } from '@app/contracts';

const WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;

/**
 * Mondays to Saturdays at 07:30 in the commune's zone: Saturdays because some are worked in lieu; the workflow
 * asks the calendar whether the day is a working day. Missed by at most a morning (a server down at 07:30), a run
 * still goes out when it comes back.
 */
type DigestAction = ScheduleOptionsStartWorkflowAction<(input: DigestWorkflowInput) => Promise<unknown>>;

export function digestSchedule(commune: string, taskQueue: string): ScheduleOptions<DigestAction> & { spec: ScheduleSpec; action: DigestAction } {
  const spec: ScheduleSpec = {
    calendars: [{ dayOfWeek: [...WEEK], hour: DIGEST_SCHEDULE.hour, minute: DIGEST_SCHEDULE.minute }],
    timezone: DIGEST_SCHEDULE.timeZone,
  };
  const action: DigestAction = {
    type: 'startWorkflow',
    workflowType: 'digestWorkflow',
    workflowId: digestScheduleId(commune),
    taskQueue,
    args: [{ commune }],
    workflowExecutionTimeout: '1 day',
    // Found beside the commune's other workflows in Temporal's list (no year: one schedule runs across years).
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTES.commune, value: commune },
      { key: SEARCH_ATTRIBUTES.kind, value: 'digest' },
    ],
  };
  return { scheduleId: digestScheduleId(commune), spec, action, policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '6 hours' } };
}

/** Creates the commune's digest schedule, or brings the existing one up to date. */
export async function ensureDigestSchedule(client: Client, commune: string, taskQueue: string): Promise<void> {
  const wanted = digestSchedule(commune, taskQueue);
  try {
    await client.schedule.create({ ...wanted, memo: { commune } });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule
      .getHandle(wanted.scheduleId)
      .update((current) => ({ ...current, spec: wanted.spec, action: wanted.action, policies: { ...current.policies, ...wanted.policies } }));
  }
}

/** Every commune's schedule, on a connection of its own (a worker starting). */
export async function ensureDigestSchedules(opts: { address: string; namespace: string; taskQueue: string; communes: string[] }): Promise<void> {
  if (opts.communes.length === 0) return;
  const connection = await Connection.connect({ address: opts.address });
  try {
    const client = new Client({ connection, namespace: opts.namespace });
    for (const commune of opts.communes) await ensureDigestSchedule(client, commune, opts.taskQueue);
  } finally {
    await connection.close();
  }
}
