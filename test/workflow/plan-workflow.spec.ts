/** The plan workflow on the time-skipping server: it starts the task workflows, and starting twice is harmless. */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  addPlanTasksUpdate,
  planStateQuery,
  planWorkflowId,
  reportSnapshotQuery,
  reportWorkflowId,
  taskSnapshotQuery,
  taskWorkflowId,
  type PlanWorkflowInput,
  type PlanWorkflowState,
} from '@app/contracts';
import { addDays, bundleForTests, createTestEnv, rejectionOf, runTaskTest, terminateQuietly } from '../support/workflows/harness';
import { planWorkflow } from '../../workflows/src/plan/workflow';

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, bundle] = await Promise.all([createTestEnv(), bundleForTests()]);
});
afterAll(async () => {
  await env?.teardown();
});

async function until(read: () => Promise<PlanWorkflowState>, done: (s: PlanWorkflowState) => boolean): Promise<PlanWorkflowState> {
  let state = await read();
  for (let i = 0; i < 200 && !done(state); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    state = await read();
  }
  return state;
}

test('the plan starts one task workflow per task, and starting it again is harmless', async () => {
  await runTaskTest(env, bundle, async (t) => {
    const tasks = [
      t.taskInput({ number: 1, taskId: 'task-1', leadUnits: ['VP'] }),
      t.taskInput({ number: 2, taskId: 'task-2', leadUnits: ['KT'] }),
      t.taskInput({ number: 3, taskId: 'task-3', leadUnits: ['VHXH'], deadlineKind: 'RECURRING', dueDates: [`${t.nextYear}-03-10`, `${t.nextYear}-06-10`] }),
    ];
    const input: PlanWorkflowInput = { commune: t.commune, planId: `plan-${t.commune}`, year: t.nextYear, tasks };
    const planId = planWorkflowId(t.commune, t.nextYear);
    const childIds = tasks.map((task) => taskWorkflowId(t.commune, t.nextYear, task.number));
    [planId, ...childIds].forEach(t.track);
    const options = { taskQueue: t.taskQueue, workflowId: planId, args: [input] as [PlanWorkflowInput] };

    const plan = await env.client.workflow.start(planWorkflow, options);
    let state = await until(() => plan.query(planStateQuery), (s) => s.taskWorkflowIds.length === 3);
    expect(state).toMatchObject({ planId: input.planId, commune: t.commune, year: t.nextYear, taskWorkflowIds: childIds });
    expect(Number.isNaN(Date.parse(state.activatedAt))).toBe(false);

    const children = await Promise.all(childIds.map((id) => env.client.workflow.getHandle(id).describe()));
    expect(children.map((d) => [d.type, d.status.name])).toEqual(childIds.map(() => ['taskWorkflow', 'RUNNING']));
    const snapshot = await env.client.workflow.getHandle(childIds[2]).query(taskSnapshotQuery);
    expect(snapshot).toMatchObject({ taskId: 'task-3', status: 'NOT_STARTED', cycleDueAt: `${t.nextYear}-03-10` });

    // Activating the plan twice: the business-key id refuses a second run, nothing else happens.
    await expect(env.client.workflow.start(planWorkflow, options)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);

    // Tasks outlive a run of the plan (ABANDON); a new run finds them running and counts them as started.
    await terminateQuietly(env, planId);
    const stillRunning = await Promise.all(childIds.map((id) => env.client.workflow.getHandle(id).describe()));
    expect(stillRunning.map((d) => d.status.name)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    // A task workflow that has closed meanwhile is not run again from its first cycle.
    await terminateQuietly(env, childIds[0]);
    const again = await env.client.workflow.start(planWorkflow, options);
    state = await until(() => again.query(planStateQuery), (s) => s.taskWorkflowIds.length === 3);
    expect(state.taskWorkflowIds).toEqual(childIds);
    const afterRestart = await Promise.all(childIds.map((id) => env.client.workflow.getHandle(id).describe()));
    expect(afterRestart.map((d) => d.runId)).toEqual(children.map((d) => d.runId));
    expect(afterRestart.map((d) => d.status.name)).toEqual(['TERMINATED', 'RUNNING', 'RUNNING']);

    // Each task workflow announced its first cycle to the read model exactly once.
    const opened = t.recorder.changes.filter((c) => c.event.type === 'CYCLE_OPENED').map((c) => c.workflowId);
    expect(opened.sort()).toEqual([...childIds].sort());

    // Tasks added later (plan imported again) are started; known ones are skipped.
    const fourth = t.taskInput({ number: 4, taskId: 'task-4' });
    const fourthId = taskWorkflowId(t.commune, t.nextYear, 4);
    t.track(fourthId);
    state = await again.executeUpdate(addPlanTasksUpdate, { args: [[...tasks, fourth]] });
    expect(state.taskWorkflowIds).toEqual([...childIds, fourthId]);
    expect((await env.client.workflow.getHandle(fourthId).describe()).status.name).toBe('RUNNING');
    expect(await rejectionOf(again.executeUpdate(addPlanTasksUpdate, { args: [[{ ...fourth, commune: 'xa-khac' }]] }))).toMatchObject({
      type: 'VALIDATION',
    });
  });
});

test('the plan opens each periodic report at its lead time, once, and skips a period already behind it', async () => {
  await runTaskTest(env, bundle, async (t) => {
    const day = (offset: number) => addDays(t.today, offset);
    const entry = (period: 'Q1' | 'Q2' | 'Q3', opensAt: string, inputDueAt: string, dueAt: string) => ({
      period,
      opensAt: `${opensAt}T01:00:00.000Z`,
      inputDueAt,
      dueAt,
      workflow: t.reportInput({ year: t.nextYear, period, inputDueAt, dueAt }),
    });
    // Q1's date is behind the day the plan is activated; Q2 opens now (its lead time has begun); Q3 in three weeks.
    t.recorder.reports = [entry('Q3', day(21), day(35), day(40)), entry('Q1', day(-30), day(-5), day(-1)), entry('Q2', day(-2), day(7), day(12))];
    const input: PlanWorkflowInput = { commune: t.commune, planId: `plan-${t.commune}`, year: t.nextYear, tasks: [] };
    const planId = planWorkflowId(t.commune, t.nextYear);
    const reportIds = (['Q1', 'Q2', 'Q3'] as const).map((p) => reportWorkflowId(t.commune, t.nextYear, p));
    [planId, ...reportIds].forEach(t.track);
    await env.client.workflow.start(planWorkflow, { taskQueue: t.taskQueue, workflowId: planId, args: [input] });
    await env.sleep('1 minute'); // past the plan's wait for the tasks' first run (its list of what was late)

    const statusOf = async (id: string) => {
      try {
        return (await env.client.workflow.getHandle(id).describe()).status.name;
      } catch {
        return 'NOT_STARTED';
      }
    };
    for (let i = 0; i < 200 && (await statusOf(reportIds[1])) !== 'RUNNING'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await Promise.all(reportIds.map(statusOf))).toEqual(['NOT_STARTED', 'RUNNING', 'NOT_STARTED']);
    const q2 = await env.client.workflow.getHandle(reportIds[1]).query(reportSnapshotQuery);
    expect(q2).toMatchObject({ period: 'Q2', status: 'COLLECTING', inputDueAt: day(7) });

    await env.sleep('22 days');
    for (let i = 0; i < 200 && (await statusOf(reportIds[2])) !== 'RUNNING'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await Promise.all(reportIds.map(statusOf))).toEqual(['NOT_STARTED', 'RUNNING', 'RUNNING']);
    expect(t.recorder.reportChanges.filter((c) => c.event.type === 'REPORT_OPENED').map((c) => c.snapshot.period)).toEqual(['Q2', 'Q3']);
  });
});
