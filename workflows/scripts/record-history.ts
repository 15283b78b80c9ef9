/**
 * Records workflow histories for the replay test (workflows/src/replay.spec.ts).
 *
 *   node -r @swc-node/register workflows/scripts/record-history.ts
 *
 * Runs real scenarios on the time-skipping test server and writes each history as JSON to
 * test/fixtures/histories/. Re-record only for a deliberate, compatible change: a replay failure against
 * the committed histories means the change would break running workflows (use `patched()` instead).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { DefaultLogger } from '@temporalio/worker';
import { planStateQuery, planWorkflowId, taskWorkflowId, type PlanWorkflowInput } from '@app/contracts';
import { bundleWorkflows } from '../src/bundle';
import { planWorkflow } from '../src/plan/workflow';
import { startOfDayAfter } from '@app/domain';
import { createTestEnv, runTaskTest, TaskDriver, type TaskTest } from '../../test/support/workflows/harness';
import { historyToJson } from '../../test/support/workflows/history-json';

const outDir = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'histories');

type Scenario = (t: TaskTest) => Promise<WorkflowHandle>;

/** Assign, draft, submit, a return with a reason, resubmission, the three approvals: completed. */
const taskFullChain: Scenario = async (t) => {
  const { ktHead, ktStaff, vpStaff, vhxhHead, chairman } = t.people;
  const task = await t.startTask({ number: 12 });
  await task.assign(ktHead, ktStaff);
  await task.requestContributions(ktStaff, [{ unit: 'VP', dueAt: null }]);
  await task.saveDraft(ktStaff, 'Báo cáo rà soát thủ tục hành chính, dự thảo lần 1');
  await task.addAttachment(ktStaff, 'phu-luc-ra-soat.xlsx');
  await task.contribute(vpStaff, 'VP', 'Văn phòng thống nhất nội dung');
  await task.submit(ktStaff);
  await task.decide(ktHead, 'UNIT_REVIEW', 'return', 'Bổ sung số liệu quý I');
  await task.draftAndSubmit(ktStaff, 'Báo cáo rà soát thủ tục hành chính, dự thảo lần 2');
  await task.decide(ktHead, 'UNIT_REVIEW', 'approve');
  await task.decide(vhxhHead, 'VHXH_REVIEW', 'approve');
  await task.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
  const status = await task.closedStatus();
  if (status !== 'COMPLETED') throw new Error(`task-full-chain ended ${status}`);
  return task.handle;
};

/** A continuous task's first quarter: completed, waits for the next period, continues as new. */
const taskContinuousCycle: Scenario = async (t) => {
  const { ktHead, ktStaff, vhxhHead, chairman } = t.people;
  const task = await t.startTask({ number: 7, deadlineKind: 'CONTINUOUS', dueDates: [] });
  const { runId } = await task.handle.describe();
  await task.assign(ktHead, ktStaff);
  await task.draftAndSubmit(ktStaff, 'Tiến độ quý I');
  await task.decide(ktHead, 'UNIT_REVIEW', 'approve');
  await task.decide(vhxhHead, 'VHXH_REVIEW', 'approve');
  await task.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
  await t.env.sleep(startOfDayAfter(`${t.nextYear}-03-05`) - (await t.env.currentTimeMs()) + 60_000);
  const firstRun = t.env.client.workflow.getHandle(task.workflowId, runId);
  const status = await new TaskDriver(firstRun, task.workflowId).closedStatus();
  if (status !== 'CONTINUED_AS_NEW') throw new Error(`task-continuous-cycle ended ${status}`);
  return firstRun;
};

/** The plan starting three task workflows, then waiting for the end of its year. */
const planActivation: Scenario = async (t) => {
  const tasks = [1, 2, 3].map((number) => t.taskInput({ number, taskId: `task-${number}` }));
  const input: PlanWorkflowInput = { commune: t.commune, planId: `plan-${t.commune}`, year: t.nextYear, tasks };
  const workflowId = planWorkflowId(t.commune, t.nextYear);
  [workflowId, ...tasks.map((x) => taskWorkflowId(t.commune, t.nextYear, x.number))].forEach(t.track);
  const plan = await t.env.client.workflow.start(planWorkflow, { taskQueue: t.taskQueue, workflowId, args: [input] });
  for (let i = 0; i < 200 && (await plan.query(planStateQuery)).taskWorkflowIds.length < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return plan;
};

/** A quarter's report: three units' inputs, the coordinator's draft, both approvals, sent to Sở Nội vụ. */
const reportChain: Scenario = async (t) => {
  const { vpHead, ktHead, ttpvhccHead, coordinator, vhxhHead, chairman } = t.people;
  const report = await t.startReport({ year: t.nextYear, period: 'Q2', inputDueAt: `${t.nextYear}-06-05`, dueAt: `${t.nextYear}-06-10` });
  for (const head of [vpHead, ktHead, ttpvhccHead]) {
    await report.saveInput(head, `Báo cáo của đơn vị ${head.unit}.`);
    await report.submitInput(head);
  }
  await report.saveDraft(coordinator, 'Báo cáo CCHC quý II của UBND xã.');
  await report.submit(coordinator);
  await report.decide(vhxhHead, 'VHXH_REVIEW', 'approve');
  await report.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
  const snap = await report.send(coordinator);
  if (snap.status !== 'SUBMITTED') throw new Error(`report-chain ended ${snap.status}`);
  return report.handle;
};

const scenarios: Record<string, Scenario> = {
  'task-full-chain': taskFullChain,
  'task-continuous-cycle': taskContinuousCycle,
  'plan-activation': planActivation,
  'report-chain': reportChain,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const [env, bundle] = await Promise.all([createTestEnv(), bundleWorkflows({ logger: new DefaultLogger('WARN') })]);
  try {
    fs.mkdirSync(outDir, { recursive: true });
    for (const [name, scenario] of Object.entries(scenarios)) {
      if (only.length && !only.includes(name)) continue;
      const history = await runTaskTest(env, bundle, async (t) => (await scenario(t)).fetchHistory());
      const file = path.join(outDir, `${name}.json`);
      fs.writeFileSync(file, historyToJson(history));
      console.log(`${path.relative(process.cwd(), file)}: ${history.events?.length ?? 0} events`);
    }
  } finally {
    await env.teardown();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
