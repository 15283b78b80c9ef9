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
} from '@temporalio/workflow';
import {
  addAttachmentUpdate,
  assignUpdate,
  contributeUpdate,
  decideUpdate,
  requestContributionsUpdate,
  saveDraftUpdate,
  setLeadUnitsUpdate,
  setScheduleUpdate,
  submitUpdate,
  taskSnapshotQuery,
} from '@app/contracts';
import type { TaskActivities, TaskChange, TaskSnapshot, TaskWorkflowInput } from '@app/contracts';
import { communeDate, startOfDayAfter } from '@app/domain';
import { Outbox } from './outbox';
import {
  checkAddAttachment,
  checkAssign,
  checkContribute,
  checkDecide,
  checkRequestContributions,
  checkSaveDraft,
  checkSetLeadUnits,
  checkSetSchedule,
  checkSubmit,
  RuleViolation,
} from './rules';
import { carryForward, createTaskState, cycleCount, cycleDueAt, toSnapshot } from './state';
import { openFirstSteps } from './steps';
import {
  applyAddAttachment,
  applyAssign,
  applyContribute,
  applyDecide,
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

  const state = createTaskState(input, workflowInfo().workflowId, startDay);
  openFirstSteps(state, new Date());
  const outbox = new Outbox(async (change) => void (await write(change)));
  const today = () => communeDate(Date.now());

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
        const verdict = enforce(() => check(arg, today()));
        await outbox.publish(apply(arg, verdict, new Date()));
        return toSnapshot(state);
      },
      { validator: (arg: I) => void enforce(() => check(arg, today())) },
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

  // A failed first write is retried by the loop below, like any stalled change.
  await outbox.publish([openCycle(state, new Date())]).catch(() => undefined);

  for (;;) {
    await condition(() => state.stage === 'COMPLETED' || outbox.stalled);
    if (state.stage === 'COMPLETED') break;
    await redeliver();
  }

  // Every handler has had its answer; whatever is still queued failed to write and must go out before the
  // workflow moves to the next cycle or ends.
  await condition(allHandlersFinished);
  while (outbox.size > 0) await redeliver();

  if (state.cycle < cycleCount(state)) {
    // The next period starts the day after this cycle's due date; a late cycle moves on at once.
    const dueAt = cycleDueAt(state);
    if (dueAt) {
      const wait = startOfDayAfter(dueAt) - Date.now();
      if (wait > 0) await sleep(wait);
    }
    await condition(allHandlersFinished);
    await continueAsNew<typeof taskWorkflow>({ ...state.input, carry: carryForward(state) });
  }
  return toSnapshot(state);
}
