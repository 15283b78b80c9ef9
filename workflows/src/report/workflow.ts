/**
 * The report workflow: one periodic CCHC report of a commune (Q1, the 6-month report, Q3, the year). It asks every
 * unit for its input (staff → unit head), then the coordinator drafts the commune's report, Phòng VH-XH's head and
 * the Chairman (or his delegate) approve it, and the coordinator sends it to Sở Nội vụ; a report sent back is
 * reopened and climbs again. Late steps are reminded and escalated on the same ladder as tasks.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  defineUpdate,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  reopenReportUpdate,
  reportDecideUpdate,
  reportSnapshotQuery,
  saveReportDraftUpdate,
  SEARCH_ATTRIBUTES,
  saveUnitInputUpdate,
  sendReportUpdate,
  submitReportUpdate,
  submitUnitInputUpdate,
} from '@app/contracts';
import type { ReportActivities, ReportChange, ReportSnapshot, ReportWorkflowInput, TaskActivities } from '@app/contracts';
import { communeDate, endOfYear } from '@app/domain';
import { anyStepLate, closeStep } from '../steps/book';
import { fireDueAlerts, nextWakeAt } from '../steps/ladder';
import { Outbox } from '../task/outbox';
import { createReportState, reportStatus, toReportSnapshot, type ReportState } from './state';
import {
  checkSend,
  decide,
  openReport,
  recordReport,
  recordSent,
  reopen,
  reopenSendStep,
  ReportRuleViolation,
  saveDraft,
  saveInput,
  submitInput,
  submitReport,
} from './transitions';

const local = proxyLocalActivities<ReportActivities & Pick<TaskActivities, 'deadlineRules'>>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 4 },
});
// Telling people never holds up a decision and is never lost: retried with backoff for as long as it takes.
const { notifyReportEvent } = proxyActivities<ReportActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});
// The coordinator waits for the answer: a few tries, then he is told it did not go and may try again (the activity is
// idempotent per submission, so a message that did go is never sent twice).
const { sendReport } = proxyActivities<ReportActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 3 },
});

const REDELIVERY_FIRST_PAUSE_MS = 60_000;
const REDELIVERY_MAX_PAUSE_MS = 60 * 60_000;
/** A report may be sent back by Sở Nội vụ well after its year: the workflow stays open until then. */
const OPEN_AFTER_YEAR_MS = 120 * 24 * 60 * 60_000;

type ReportUpdate<I> = ReturnType<typeof defineUpdate<ReportSnapshot, [I]>>;

function enforce<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof ReportRuleViolation) throw ApplicationFailure.create({ type: err.code, message: err.message, nonRetryable: true });
    throw err;
  }
}

export async function reportWorkflow(input: ReportWorkflowInput): Promise<ReportSnapshot> {
  // Runs from here on show their status and lateness in Temporal's list, as tasks do (when started with our
  // search attributes); runs recorded before keep their commands.
  const searchable = patched('report-search-stage') && workflowInfo().typedSearchAttributes.get(SEARCH_ATTRIBUTES.commune) !== undefined;
  const state = createReportState(input, workflowInfo().workflowId);
  const notifying: Promise<void>[] = [];
  const outbox = new Outbox<ReportChange>(async (change) => {
    await local.applyReportChange(change);
    notifying.push(notifyReportEvent(change));
  });
  const today = () => communeDate(Date.now());
  const started = workflowInfo().typedSearchAttributes;
  let shown = { stage: started.get(SEARCH_ATTRIBUTES.stage) ?? '', overdue: started.get(SEARCH_ATTRIBUTES.overdue) ?? false };
  /** Upserts the report's status and lateness when they changed (a command only then, the same on every replay). */
  function showInSearch(): void {
    if (!searchable) return;
    const now = { stage: reportStatus(state), overdue: anyStepLate(state, today()) };
    if (now.stage === shown.stage && now.overdue === shown.overdue) return;
    shown = now;
    upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTES.stage, value: now.stage },
      { key: SEARCH_ATTRIBUTES.overdue, value: now.overdue },
    ]);
  }
  const publish = (changes: ReportChange[]) => {
    showInSearch();
    return changes.length ? outbox.publish(changes).catch(() => undefined) : Promise.resolve();
  };
  // The report's steps open once the commune's rules are read; an action that arrives before waits for them rather
  // than being refused as "not yours" (a unit that saves the moment the report opens).
  let opened = false;

  /**
   * One human action: validated before anything is recorded (the validator), checked and applied again in the handler
   * (validators do not run on replay) before its first await, answered once the read model shows it.
   */
  function handle<I>(update: ReportUpdate<I>, act: (s: ReportState, input: I, day: string, now: Date) => ReportChange[]): void {
    setHandler(
      update,
      async (arg: I) => {
        await condition(() => opened);
        const changes = enforce(() => act(state, arg, today(), new Date()));
        state.revision += 1;
        showInSearch();
        await outbox.publish(changes);
        return toReportSnapshot(state);
      },
      {
        // The checks and the change are one function here: the validator runs it on a copy, which it then drops.
        validator: (arg: I) => {
          if (opened) enforce(() => act(copyOf(state), arg, today(), new Date()));
        },
      },
    );
  }

  setHandler(reportSnapshotQuery, () => toReportSnapshot(state));
  handle(saveUnitInputUpdate, saveInput);
  handle(submitUnitInputUpdate, submitInput);
  handle(reportDecideUpdate, decide);
  handle(saveReportDraftUpdate, saveDraft);
  handle(submitReportUpdate, submitReport);
  handle(reopenReportUpdate, reopen);

  // Sending: the step closes at once (a second click finds it closed), the activity builds and sends both files, and
  // the submission is recorded; if it could not go, the step comes back and the coordinator is told to try again.
  setHandler(
    sendReportUpdate,
    async ({ actor }) => {
      const { step, authority } = enforce(() => checkSend(state, actor, today()));
      closeStep(state, step, 'DONE', new Date());
      state.submissions += 1;
      state.revision += 1;
      try {
        const sent = await sendReport({
          commune: input.commune,
          reportId: input.reportId,
          workflowId: state.workflowId,
          sentBy: { id: actor.id, fullName: actor.fullName },
          submission: state.submissions,
        });
        const recorded = recordSent(state, actor, authority, sent, new Date());
        showInSearch();
        await outbox.publish(recorded);
        return toReportSnapshot(state);
      } catch (err) {
        if (err instanceof ApplicationFailure && err.nonRetryable) throw err;
        reopenSendStep(state, new Date());
        state.revision += 1;
        showInSearch();
        throw ApplicationFailure.create({
          type: 'SERVICE_UNAVAILABLE',
          message: 'Chưa gửi được báo cáo tới Sở Nội vụ (máy chủ thư không trả lời). Báo cáo vẫn ở trạng thái đã phê duyệt; vui lòng gửi lại sau ít phút.',
          nonRetryable: true,
        });
      }
    },
    { validator: ({ actor }) => void enforce(() => checkSend(state, actor, today())) },
  );

  let pauseMs = REDELIVERY_FIRST_PAUSE_MS;
  async function redeliver(): Promise<void> {
    await sleep(pauseMs);
    pauseMs = Math.min(pauseMs * 2, REDELIVERY_MAX_PAUSE_MS);
    try {
      await outbox.flush();
      pauseMs = REDELIVERY_FIRST_PAUSE_MS;
    } catch {
      // Still down: try again after a longer pause.
    }
  }

  const fire = (atActivation: boolean) =>
    fireDueAlerts(state, new Date(), atActivation, (alert) => recordReport(state, new Date(), { type: alert.type, from: reportStatus(state), data: alert.data }));

  state.rules = await local.deadlineRules(input.commune);
  const openingWritten = publish([openReport(state, new Date())]);
  opened = true;
  await openingWritten;
  // A report opened after its date (a late activation) goes straight to the rung its lateness reached.
  await publish(fire(true));

  const closesAt = endOfYear(input.year) + OPEN_AFTER_YEAR_MS;
  for (;;) {
    if (outbox.stalled) {
      await redeliver();
      continue;
    }
    const wakeAt = nextWakeAt(state);
    if (wakeAt !== null && wakeAt <= Date.now()) {
      state.rules = await local.deadlineRules(input.commune);
      await publish(fire(false));
      continue;
    }
    if (state.stage === 'SUBMITTED' && Date.now() >= closesAt) break;
    const revision = state.revision;
    const woken = () => outbox.stalled || state.revision !== revision;
    const until = Math.min(wakeAt ?? Number.POSITIVE_INFINITY, closesAt);
    await condition(woken, Math.max(until - Date.now(), 1));
  }

  await condition(allHandlersFinished);
  while (outbox.size > 0) await redeliver();
  await Promise.all(notifying);
  return toReportSnapshot(state);
}

/** A deep copy of the state, for a validator to run the handler's checks on without touching the real one. */
function copyOf(state: ReportState): ReportState {
  return JSON.parse(JSON.stringify(state)) as ReportState;
}
