/**
 * The task workflow: one plan task, cycle by cycle. Human actions arrive as Updates; each is validated inside
 * the workflow by the approval policy (rules.ts), applied synchronously (transitions.ts) and answered only after
 * the read model has been written through the `applyTaskChange` activity.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  defineUpdate,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  addAttachmentUpdate,
  amendScheduleUpdate,
  assignUpdate,
  contributeUpdate,
  decideExtensionUpdate,
  decideUpdate,
  requestExtensionUpdate,
  withdrawTaskUpdate,
  requestContributionsUpdate,
  saveDraftUpdate,
  setLeadUnitsUpdate,
  setScheduleUpdate,
  submitUpdate,
  taskSnapshotQuery,
  SEARCH_ATTRIBUTES,
} from '@app/contracts';
import type { TaskActivities, TaskChange, TaskSnapshot, TaskWorkflowInput } from '@app/contracts';
import { communeDate, startOfDayAfter, tellsAnyone } from '@app/domain';
import { searchState } from './search';
import { Outbox } from './outbox';
import {
  checkAddAttachment,
  checkAmendSchedule,
  checkAssign,
  checkContribute,
  checkDecide,
  checkDecideExtension,
  checkRequestExtension,
  checkWithdraw,
  checkRequestContributions,
  checkSaveDraft,
  checkSetLeadUnits,
  checkSetSchedule,
  checkSubmit,
  RuleViolation,
} from './rules';
import { fireDueAlerts, nextWakeAt } from './ladder';
import { carryForward, createTaskState, cycleCount, cycleDueAt, toSnapshot } from './state';
import { openFirstSteps, refreshDueDates } from './steps';
import {
  applyAddAttachment,
  applyAmendSchedule,
  applyAssign,
  applyContribute,
  applyDecide,
  applyDecideExtension,
  applyRequestExtension,
  applyWithdraw,
  recordMissedCycles,
  applyReassign,
  applyRequestContributions,
  applySaveDraft,
  applySetLeadUnits,
  applySetSchedule,
  applySubmit,
  openCycle,
} from './transitions';

// A person is waiting on the update: a few quick retries, then the update reports the failure and the change stays
// queued for the workflow to deliver later. The local activity runs in the worker that runs the update, so the write
// costs one database statement and no extra round trip to the Temporal server.
const local = proxyLocalActivities<TaskActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 4 },
});
// How runs started before the write became a local activity keep replaying.
const remote = proxyActivities<TaskActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 5 },
});
// Telling people never holds up a decision and is never lost: retried with backoff for as long as it takes.
const { notifyTaskEvent } = proxyActivities<TaskActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * Pause before re-sending changes the read model did not accept: doubling from a minute up to an hour, so
 * a long outage does not fill the workflow's history with attempts.
 */
const REDELIVERY_FIRST_PAUSE_MS = 60_000;
const REDELIVERY_MAX_PAUSE_MS = 60 * 60_000;

type TaskUpdate<I> = ReturnType<typeof defineUpdate<TaskSnapshot, [I]>>;

/** A rule violation becomes a failure whose `type` is the API error code and whose message users read. */
function enforce<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof RuleViolation) {
      throw ApplicationFailure.create({ type: err.code, message: err.message, nonRetryable: true });
    }
    throw err;
  }
}

export async function taskWorkflow(input: TaskWorkflowInput): Promise<TaskSnapshot> {
  // Patches, decided once at the start of each run: runs recorded before them keep their old commands.
  const startDay = !input.carry && patched('start-at-current-cycle') ? communeDate(Date.now()) : undefined;
  const write = patched('read-model-local-activity') ? local.applyTaskChange : remote.applyTaskChange;
  const deadlinesAct = patched('deadlines-act');
  // Runs from here on schedule the notifications activity only for events that may tell someone, and plan their
  // timer again only when the next wake-up moves: a draft saved many times adds neither activities nor timers.
  const quietHistory = patched('quiet-history');
  // Started with our search attributes (by the plan workflow): the status and lateness follow in Temporal's list.
  // Runs from here on take a person's action only once the opening events are published, so those events get the
  // same numbers on every attempt of the first workflow task: an attempt cut short by a worker crash may already have
  // written them to the read model (a local activity), and an action arriving in the retried attempt must not take
  // one of their numbers (its trail row would be the one dropped as a duplicate).
  const updatesAfterOpening = patched('updates-after-opening');
  let opened = !updatesAfterOpening;
  const searchable = patched('search-attributes') && workflowInfo().typedSearchAttributes.get(SEARCH_ATTRIBUTES.commune) !== undefined;

  const state = createTaskState(input, workflowInfo().workflowId, startDay);
  openFirstSteps(state, new Date());
  // Each written change is handed to the notifications activity right away, in the same order on every replay
  // (scheduled inline, never from a concurrent loop), without holding up the person who acted.
  const notifying: Promise<void>[] = [];
  const outbox = new Outbox<TaskChange>(async (change) => {
    await write(change);
    if (deadlinesAct && (!quietHistory || tellsAnyone(change.event.type))) notifying.push(notifyTaskEvent(change));
  });
  const today = () => communeDate(Date.now());
  const closed = () => state.stage === 'COMPLETED' || state.stage === 'WITHDRAWN';

  let shown = { stage: '', overdue: false };
  /** Upserts the task's stage and lateness when they changed (a command only then, the same on every replay). */
  function showInSearch(): void {
    if (!searchable) return;
    const now = searchState(state, today());
    if (now.stage === shown.stage && now.overdue === shown.overdue) return;
    shown = now;
    upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTES.stage, value: now.stage },
      { key: SEARCH_ATTRIBUTES.overdue, value: now.overdue },
    ]);
  }

  /**
   * Registers one human action. The validator rejects before anything is recorded in history; the handler
   * checks again (validators do not run on replay), mutates state before its first await so a concurrent
   * update already sees the step closed, then waits for the read model.
   */
  function handle<I, V>(
    update: TaskUpdate<I>,
    check: (input: I, today: string) => V,
    apply: (input: I, verdict: V, now: Date) => TaskChange[],
  ): void {
    setHandler(
      update,
      async (arg: I) => {
        if (!opened) await condition(() => opened);
        const verdict = enforce(() => check(arg, today()));
        const changes = apply(arg, verdict, new Date());
        state.revision += 1;
        showInSearch();
        await outbox.publish(changes);
        return toSnapshot(state);
      },
      {
        // Before the opening is published the handler waits and checks then; afterwards the validator refuses early.
        validator: (arg: I) => {
          if (opened) enforce(() => check(arg, today()));
        },
      },
    );
  }

  setHandler(taskSnapshotQuery, () => toSnapshot(state));
  handle(
    assignUpdate,
    (i, day) => checkAssign(state, i, day),
    (i, v, now) => (v.reassign ? applyReassign : applyAssign)(state, i, v.part, v.step, v.authority, now),
  );
  handle(saveDraftUpdate, (i, day) => checkSaveDraft(state, i, day), (_i, v, now) => applySaveDraft(state, v.content, v.part, v.authority, now));
  handle(addAttachmentUpdate, (i, day) => checkAddAttachment(state, i, day), (i, v, now) => applyAddAttachment(state, i, v.part, v.authority, now));
  handle(submitUpdate, (i, day) => checkSubmit(state, i, day), (i, v, now) => applySubmit(state, i, v.part, v.step, v.authority, now));
  handle(
    requestContributionsUpdate,
    (i, day) => checkRequestContributions(state, i, day),
    (i, v, now) => applyRequestContributions(state, i, v.authority, now),
  );
  handle(
    contributeUpdate,
    (i, day) => checkContribute(state, i, day),
    (_i, v, now) => applyContribute(state, v.content, v.contribution, v.step, v.authority, now),
  );
  handle(decideUpdate, (i, day) => checkDecide(state, i, day), (i, v, now) => applyDecide(state, i, v.step, v.authority, now));
  handle(setScheduleUpdate, (i, day) => checkSetSchedule(state, i, day), (i, v, now) => applySetSchedule(state, i, v.authority, now));
  handle(setLeadUnitsUpdate, (i, day) => checkSetLeadUnits(state, i, day), (i, v, now) => applySetLeadUnits(state, i, v.step, v.authority, now));
  handle(requestExtensionUpdate, (i, day) => checkRequestExtension(state, i, day), (i, v, now) => applyRequestExtension(state, i, v.step, v.authority, now));
  handle(
    decideExtensionUpdate,
    (i, day) => checkDecideExtension(state, i, day),
    (i, v, now) => applyDecideExtension(state, i, v.extension, v.step, v.authority, now),
  );
  handle(amendScheduleUpdate, (i, day) => checkAmendSchedule(state, i, day), (i, v, now) => applyAmendSchedule(state, i, v.authority, now));
  handle(withdrawTaskUpdate, (i, day) => checkWithdraw(state, i, day), (i, v, now) => applyWithdraw(state, i, v.authority, now));

  let pauseMs = REDELIVERY_FIRST_PAUSE_MS;
  /** After a failed write: wait, then send what is still queued (the next update may have done it already). */
  async function redeliver(): Promise<void> {
    await sleep(pauseMs);
    pauseMs = Math.min(pauseMs * 2, REDELIVERY_MAX_PAUSE_MS);
    try {
      await outbox.flush();
      pauseMs = REDELIVERY_FIRST_PAUSE_MS;
    } catch {
      // Still down: the caller's loop tries again after a longer pause.
    }
  }

  /** The commune's calendar and settings, fresh: dates of open steps follow them. */
  async function loadRules(): Promise<void> {
    state.rules = await local.deadlineRules(state.input.commune);
    refreshDueDates(state);
  }

  const publish = (changes: TaskChange[]) => {
    showInSearch();
    return changes.length ? outbox.publish(changes).catch(() => undefined) : Promise.resolve();
  };

  if (deadlinesAct) {
    await loadRules();
    // Quarters already behind when the plan was activated: in the trail as missed.
    if (startDay && state.cycle > 1) await publish(recordMissedCycles(state, state.cycle, new Date()));
  }
  // A failed first write is retried by the loop below, like any stalled change.
  await publish([openCycle(state, new Date())]);
  // Steps found late at once (a plan activated late) go straight to the rung their lateness reaches, once.
  if (deadlinesAct) await publish(fireDueAlerts(state, new Date(), !input.carry));
  opened = true;

  for (;;) {
    if (closed()) break;
    if (outbox.stalled) {
      await redeliver();
      continue;
    }
    const wakeAt = nextWakeAt(state);
    if (wakeAt !== null && wakeAt <= Date.now()) {
      await loadRules();
      await publish(fireDueAlerts(state, new Date(), false));
      continue;
    }
    // Sleep until the next reminder or rung, a person acts (the timers are planned again), or a write stalls.
    const revision = state.revision;
    const replan = quietHistory ? () => nextWakeAt(state) !== wakeAt : () => state.revision !== revision;
    const woken = () => closed() || outbox.stalled || replan();
    if (wakeAt === null) await condition(woken);
    else await condition(woken, wakeAt - Date.now());
  }

  // Every handler has had its answer; whatever is still queued failed to write and must go out before the
  // workflow moves to the next cycle or ends.
  await condition(allHandlersFinished);
  while (outbox.size > 0) await redeliver();
  await Promise.all(notifying);

  if (state.stage === 'COMPLETED' && state.cycle < cycleCount(state)) {
    // The next period starts the day after this cycle's due date; a late cycle moves on at once. An amendment may
    // still withdraw the task meanwhile.
    const dueAt = cycleDueAt(state);
    if (dueAt) {
      const wait = startOfDayAfter(dueAt) - Date.now();
      if (wait > 0) await condition(() => state.stage === 'WITHDRAWN', wait);
    }
    await condition(allHandlersFinished);
    while (outbox.size > 0) await redeliver();
    await Promise.all(notifying);
    if (state.stage === 'COMPLETED') await continueAsNew<typeof taskWorkflow>({ ...state.input, carry: carryForward(state) });
  }
  return toSnapshot(state);
}
