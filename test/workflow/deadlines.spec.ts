/**
 * Deadlines that act, on the time-skipping server with its clock pinned to 2026 (faketime), so the commune's 2026
 * calendar applies as it will: reminders before the date, the escalation ladder after it, across Tết; acting on a
 * step stops its ladder; an extension moves the timers and keeps the original date; a late activation gives one
 * rung per step, missed quarters in the trail and one list for the coordinator.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  DEFAULT_DEADLINE_SETTINGS,
  decideExtensionUpdate,
  planWorkflowId,
  requestExtensionUpdate,
  taskWorkflowId,
  type DeadlineRules,
  type PlanWorkflowInput,
  type TaskEvent,
} from '@app/contracts';
import { planWorkflow } from '../../workflows/src/plan/workflow';
import { bundleForTests, createTestEnvAt, runTaskTest, type TaskDriver, type TaskTest } from '../support/workflows/harness';

/** The 2026 exceptions of vn-admin-facts.md: 13 weekdays off, two working Saturdays (24/11 is not off). */
const RULES_2026: DeadlineRules = {
  calendar: {
    holidays: [
      '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02',
    ],
    workingSaturdays: ['2026-01-10', '2026-08-22'],
  },
  settings: DEFAULT_DEADLINE_SETTINGS,
};

const ALERT_TYPES = ['REMINDER', 'OVERDUE', 'ESCALATED'];
const alertsOf = (t: TaskTest, task: TaskDriver): TaskEvent[] => t.recorder.of(task.workflowId).map((c) => c.event).filter((e) => ALERT_TYPES.includes(e.type));
/** An alert as a person reads it: what, when (commune time, to the minute), for which step, to whom. */
const read = (e: TaskEvent) => [e.type, new Date(Date.parse(e.at) + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' '), e.data?.stepKind, e.data?.to];

let bundle: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  bundle = await bundleForTests();
});

/**
 * Runs `body` on a server of its own whose clock starts at `startIso`: time is global to a test server, and each of
 * these tests moves it by weeks.
 */
async function onServerFrom(startIso: string, body: (t: TaskTest, env: TestWorkflowEnvironment) => Promise<void>): Promise<void> {
  const env = await createTestEnvAt(startIso);
  try {
    await runTaskTest(env, bundle, async (t) => {
      t.recorder.rules = RULES_2026;
      await body(t, env);
    });
  } finally {
    await env.teardown();
  }
}

describe('in February 2026 (each test starts on Monday 2/2/2026, 08:00 in the commune)', () => {
  const run = (body: (t: TaskTest, env: TestWorkflowEnvironment) => Promise<void>) => onServerFrom('2026-02-02T01:00:00Z', body);

  test('each reminder and rung of a step due Friday 13/2/2026, across Tết: the coordinator on 24/2, not 17/2', async () => {
    await run(async (t, env) => {
      const { ktHead, ktStaff } = t.people;
      const task = await t.startTask({ year: 2026, deadlineKind: 'FIXED', dueDates: ['2026-02-13'] });
      await task.assign(ktHead, ktStaff);
      await env.sleep('30 days');
      expect(alertsOf(t, task).map(read)).toEqual([
        ['REMINDER', '2026-02-10 07:30', 'DRAFT', ['HOLDER']],
        ['REMINDER', '2026-02-12 07:30', 'DRAFT', ['HOLDER']],
        ['OVERDUE', '2026-02-13 17:00', 'DRAFT', ['HOLDER', 'UNIT_HEAD']],
        ['ESCALATED', '2026-02-24 17:00', 'DRAFT', ['COORDINATOR']],
        ['ESCALATED', '2026-02-27 17:00', 'DRAFT', ['CHAIRMAN']],
      ]);
      // Each raised the step's escalation level, was written to the trail and handed to the notifications.
      const snapshots = t.recorder.of(task.workflowId).filter((c) => ALERT_TYPES.includes(c.event.type)).map((c) => c.snapshot.openSteps[0].escalationLevel);
      expect(snapshots).toEqual([1, 2, 3, 4, 5]);
      expect(alertsOf(t, task)[3].data).toMatchObject({ dueAt: '2026-02-13', workingDaysLate: 2, atActivation: false });
      expect(t.recorder.notified.filter((c) => c.workflowId === task.workflowId && ALERT_TYPES.includes(c.event.type))).toHaveLength(5);
      // Each rung fires once: a month later, nothing more.
      await env.sleep('30 days');
      expect(alertsOf(t, task)).toHaveLength(5);
    });
  });

  test('acting on a step stops its ladder; an approval step runs its own, two working days from when it opens', async () => {
    await run(async (t, env) => {
      const { ktHead, ktStaff } = t.people;
      const task = await t.startTask({ year: 2026, deadlineKind: 'FIXED', dueDates: ['2026-02-13'] });
      await task.assign(ktHead, ktStaff);
      await task.saveDraft(ktStaff, 'Dự thảo');
      const snap = await task.submit(ktStaff);
      expect(snap.openSteps).toEqual([expect.objectContaining({ kind: 'UNIT_REVIEW', dueAt: '2026-02-04' })]);
      // Thursday 5/2: the unit review's reminder and its first rung have come; then the head acts.
      await env.sleep('3 days');
      await task.decide(ktHead, 'UNIT_REVIEW', 'approve');
      await env.sleep('30 days');
      const alerts = alertsOf(t, task).map(read);
      expect(alerts.filter((a) => a[2] === 'UNIT_REVIEW')).toEqual([
        ['REMINDER', '2026-02-03 07:30', 'UNIT_REVIEW', ['HOLDER']],
        ['OVERDUE', '2026-02-04 17:00', 'UNIT_REVIEW', ['HOLDER', 'UNIT_HEAD']],
      ]);
      // The drafting step was done before its date: no alert for it at all.
      expect(alerts.filter((a) => a[2] === 'DRAFT')).toEqual([]);
      // VH-XH's review opened on 5/2, due 9/2; nobody acted, so its ladder runs.
      expect(alerts.filter((a) => a[2] === 'VHXH_REVIEW').map((a) => [a[0], a[1]])).toEqual([
        ['REMINDER', '2026-02-06 07:30'],
        ['OVERDUE', '2026-02-09 17:00'],
        ['ESCALATED', '2026-02-11 17:00'],
        // +5 working days after 9/2: 10, 11, 12, 13, then Tết and a weekend, then 23/2.
        ['ESCALATED', '2026-02-23 17:00'],
      ]);
    });
  });

  test('an extension moves the timers and keeps the original date beside the new one', async () => {
    await run(async (t, env) => {
      const { ktHead, ktStaff, chairman } = t.people;
      const task = await t.startTask({ year: 2026, deadlineKind: 'FIXED', dueDates: ['2026-02-13'] });
      await task.assign(ktHead, ktStaff);
      const draftStep = await task.step('DRAFT', 'KT');
      let snap = await task.handle.executeUpdate(requestExtensionUpdate, {
        args: [{ actor: ktStaff, scope: 'TASK', stepId: draftStep.stepId, newDueAt: '2026-03-13', reason: 'Chờ số liệu của Sở Tài chính' }],
      });
      const extension = snap.extensions[0];
      expect(extension).toMatchObject({ status: 'PENDING', originalDueAt: '2026-02-13', newDueAt: '2026-03-13' });
      expect(snap.openSteps.find((s) => s.kind === 'EXTENSION')).toMatchObject({ principals: ['role:CHAIRMAN'], excludedUserIds: [ktStaff.id] });
      snap = await task.handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: chairman, extensionId: extension.extensionId, decision: 'approve' }] });
      expect(snap).toMatchObject({ cycleDueAt: '2026-03-13', cycleOriginalDueAt: '2026-02-13' });
      expect(snap.openSteps).toEqual([expect.objectContaining({ kind: 'DRAFT', dueAt: '2026-03-13' })]);
      await env.sleep('60 days');
      expect(alertsOf(t, task).map(read).map((a) => [a[0], a[1]])).toEqual([
        ['REMINDER', '2026-03-10 07:30'],
        ['REMINDER', '2026-03-12 07:30'],
        ['OVERDUE', '2026-03-13 17:00'],
        ['ESCALATED', '2026-03-17 17:00'],
        ['ESCALATED', '2026-03-20 17:00'],
      ]);
      expect(t.recorder.of(task.workflowId).map((c) => c.event.type)).toEqual(expect.arrayContaining(['EXTENSION_REQUESTED', 'EXTENSION_APPROVED']));
    });
  });
});

describe('a plan activated late, on Thursday 26/11/2026', () => {
  test('a step already late when it opens goes straight to the rung it reached, once; missed quarters are in the trail; the coordinator gets one list', async () => {
    await onServerFrom('2026-11-26T02:00:00Z', async (t, env) => {
      const late = t.taskInput({ number: 7, taskId: 'task-7', year: 2026, deadlineKind: 'FIXED', dueDates: ['2026-11-10'] });
      const continuous = t.taskInput({ number: 12, taskId: 'task-12', year: 2026, deadlineKind: 'CONTINUOUS', dueDates: [] });
      const input: PlanWorkflowInput = { commune: t.commune, planId: `plan-${t.commune}`, year: 2026, tasks: [late, continuous] };
      const planId = planWorkflowId(t.commune, 2026);
      [planId, taskWorkflowId(t.commune, 2026, 7), taskWorkflowId(t.commune, 2026, 12)].forEach(t.track);
      await env.client.workflow.start(planWorkflow, { taskQueue: t.taskQueue, workflowId: planId, args: [input] });
      await env.sleep('1 minute');

      const events = (id: string) => t.recorder.of(id).map((c) => c.event);
      const lateEvents = events(taskWorkflowId(t.commune, 2026, 7));
      // Due 10/11: +2 working days was 12/11, +5 was 17/11; only the Chairman's rung fires, marked as found at activation.
      expect(lateEvents.filter((e) => ALERT_TYPES.includes(e.type)).map((e) => [e.type, e.data?.to, e.data?.atActivation, e.data?.workingDaysLate])).toEqual([
        ['ESCALATED', ['CHAIRMAN'], true, 12],
      ]);
      expect(t.recorder.of(taskWorkflowId(t.commune, 2026, 7)).at(-1)!.snapshot.openSteps[0].escalationLevel).toBe(5);

      const quarterly = events(taskWorkflowId(t.commune, 2026, 12));
      expect(quarterly.slice(0, 4).map((e) => [e.type, e.data?.cycle, e.data?.dueAt])).toEqual([
        ['CYCLE_MISSED', 1, '2026-03-05'],
        ['CYCLE_MISSED', 2, '2026-06-05'],
        ['CYCLE_MISSED', 3, '2026-09-05'],
        ['CYCLE_OPENED', 4, '2026-12-05'],
      ]);
      expect(t.recorder.lateLists).toEqual([{ commune: t.commune, planId: input.planId, year: 2026 }]);
    });
  });
});
