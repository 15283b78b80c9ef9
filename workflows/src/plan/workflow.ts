/**
 * The plan workflow: one per commune and year. It starts a task workflow per plan task and stays open for
 * the plan year (report workflows will be started from here too).
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import { addPlanTasksUpdate, planStateQuery, reportWorkflowId, SEARCH_ATTRIBUTES, startSearchAttributes, taskWorkflowId } from '@app/contracts';
import type { PlanActivities, PlanWorkflowInput, PlanWorkflowState, TaskWorkflowInput } from '@app/contracts';
import { communeDate, endOfYear } from '@app/domain';
import { reportWorkflow } from '../report/workflow';
import { taskWorkflow } from '../task/workflow';

const { notifyLateAtActivation, reportsToOpen } = proxyActivities<PlanActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Time for the task workflows to open their first steps and fire what their lateness reaches, before the list. */
const LATE_LIST_AFTER = '30 seconds';

export async function planWorkflow(input: PlanWorkflowInput): Promise<PlanWorkflowState> {
  const state: PlanWorkflowState = {
    planId: input.planId,
    commune: input.commune,
    year: input.year,
    taskWorkflowIds: [],
    activatedAt: workflowInfo().startTime.toISOString(),
  };
  const copy = (): PlanWorkflowState => ({ ...state, taskWorkflowIds: [...state.taskWorkflowIds] });
  // A plan started with our search attributes (by the API) gives its tasks and reports theirs.
  const searchable = patched('search-attributes') && workflowInfo().typedSearchAttributes.get(SEARCH_ATTRIBUTES.commune) !== undefined;
  const tagged = (kind: 'task' | 'report', taskNumber?: number) =>
    searchable
      ? {
          typedSearchAttributes: startSearchAttributes({ commune: input.commune, year: input.year, kind, taskNumber }),
        }
      : {};

  /**
   * Tasks outlive the plan workflow's runs (ABANDON), and their ids are business keys: a task already
   * running, e.g. from an earlier run of this plan, counts as started. A task whose workflow has closed
   * (completed, or stopped by an operator) is never run again from cycle 1 (REJECT_DUPLICATE).
   */
  async function startTasks(tasks: TaskWorkflowInput[]): Promise<void> {
    const ids = tasks.map((task) => taskWorkflowId(input.commune, input.year, task.number));
    const fresh = tasks.filter((_, i) => !state.taskWorkflowIds.includes(ids[i]) && ids.indexOf(ids[i]) === i);
    // Started together: one workflow task carries all start commands.
    await Promise.all(
      fresh.map(async (task) => {
        const workflowId = taskWorkflowId(input.commune, input.year, task.number);
        try {
          await startChild(taskWorkflow, {
            workflowId,
            args: [task],
            parentClosePolicy: ParentClosePolicy.ABANDON,
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            ...tagged('task', task.number),
          });
        } catch (err) {
          if (!(err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError')) throw err;
        }
      }),
    );
    for (const id of ids) if (!state.taskWorkflowIds.includes(id)) state.taskWorkflowIds.push(id);
  }

  setHandler(planStateQuery, copy);
  setHandler(
    addPlanTasksUpdate,
    async (tasks) => {
      await startTasks(tasks);
      return copy();
    },
    {
      validator: (tasks) => {
        const fits = Array.isArray(tasks) && tasks.every((t) => t && t.commune === input.commune && t.year === input.year);
        if (!fits) {
          throw ApplicationFailure.create({ type: 'VALIDATION', message: 'Nhiệm vụ không thuộc kế hoạch này.', nonRetryable: true });
        }
      },
    },
  );

  await startTasks(input.tasks);
  // A plan activated late (in November) finds many steps overdue at once: the coordinator gets one list of them,
  // the tasks' own escalations at activation tell only the holders and their unit heads.
  if (patched('late-list-at-activation')) {
    await sleep(LATE_LIST_AFTER);
    await notifyLateAtActivation({ commune: input.commune, planId: input.planId, year: input.year });
  }

  // The year's periodic reports, each opened at its lead time before the units' date. A report whose date was
  // already behind when the plan was activated is not opened (that period was reported before the product).
  if (patched('open-reports')) {
    const reports = (await reportsToOpen({ commune: input.commune, planId: input.planId, year: input.year }))
      .filter((r) => r.dueAt >= communeDate(Date.now()))
      .sort((a, b) => a.opensAt.localeCompare(b.opensAt));
    for (const report of reports) {
      const wait = Date.parse(report.opensAt) - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        await startChild(reportWorkflow, {
          workflowId: reportWorkflowId(input.commune, input.year, report.period),
          args: [report.workflow],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          ...tagged('report'),
        });
      } catch (err) {
        // Opened by hand already (POST /plans/{id}/reports): one report per period.
        if (!(err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError')) throw err;
      }
    }
  }

  // Open until the plan year is over in the commune's zone.
  const remaining = endOfYear(input.year) - Date.now();
  if (remaining > 0) await sleep(remaining);
  await condition(allHandlersFinished);
  return copy();
}
