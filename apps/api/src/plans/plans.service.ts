import { Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DeadlineKind, planWorkflowId, TaskWorkflowInput, TASK_QUEUE } from '@app/contracts';
import { importPlanFile, PlanImportError, ReadModel } from '@app/persistence';
import { ApiError, notFound } from '../common/api-error';
import { AuthUser } from '../common/current-user';
import { TemporalService } from '../temporal/temporal.service';
import { TasksService } from '../tasks/tasks.service';
import { toTask } from '../tasks/task.view';

/** The commune's reviewing unit (VHXH_REVIEW); a per-commune setting once units are data. */
const REVIEWING_UNIT = 'VHXH';

@Injectable()
export class PlansService {
  constructor(
    private readonly readModel: ReadModel,
    private readonly temporal: TemporalService,
    private readonly tasks: TasksService,
  ) {}

  async list(user: AuthUser) {
    const rows = await this.readModel.plans.list(user.commune);
    return rows.map((p) => ({
      id: p.id,
      commune: p.commune,
      year: p.year,
      title: p.title,
      status: p.status,
      taskCount: p.task_count,
      decisionNumber: p.decision_number,
      importedAt: p.imported_at,
      activatedAt: p.activated_at,
      groups: p.groups,
      warnings: p.warnings,
    }));
  }

  /**
   * Reads then writes in one transaction (libs/persistence importPlanFile): a file that is not a plan (no task table,
   * not a clean text, no sane year) writes nothing. The year comes from `year` (?year=) or the document, never a default.
   */
  async import(user: AuthUser, bytes: Uint8Array, year?: number) {
    try {
      const result = await importPlanFile(this.readModel.db, user.commune, bytes, { year });
      const { plan } = result;
      return { planId: result.planId, taskCount: result.taskCount, groups: result.groups, year: plan.year, title: plan.title, warnings: plan.warnings };
    } catch (e) {
      if (e instanceof PlanImportError) throw new ApiError(e.code, e.message, e.details);
      throw e;
    }
  }

  async findPlan(user: AuthUser, planId: string) {
    const plan = await this.readModel.plans.find(user.commune, planId);
    if (!plan) throw notFound('Không tìm thấy kế hoạch.');
    return plan;
  }

  /** Starts the plan workflow, which starts one task workflow per task. Business-key ids make a second call harmless. */
  async activate(user: AuthUser, planId: string) {
    const plan = await this.findPlan(user, planId);
    const tasks = await this.readModel.plans.tasksToStart(plan.id);
    const inputs: TaskWorkflowInput[] = tasks.map((t) => ({
      commune: plan.commune,
      planId: plan.id,
      year: plan.year,
      taskId: t.id,
      number: t.number,
      title: t.content,
      leadUnits: t.lead_units,
      coUnits: t.co_units,
      reviewingUnit: REVIEWING_UNIT,
      deadlineKind: t.deadline_kind as DeadlineKind,
      dueDates: t.due_dates,
    }));
    const workflowId = planWorkflowId(plan.commune, plan.year);
    let alreadyActive = false;
    try {
      await this.temporal.client.workflow.start('planWorkflow', {
        taskQueue: this.temporal.config.taskQueue ?? TASK_QUEUE,
        workflowId,
        args: [{ commune: plan.commune, planId: plan.id, year: plan.year, tasks: inputs }],
      });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      alreadyActive = true;
    }
    await this.readModel.plans.markActive(plan.id);
    return { planId: plan.id, status: 'ACTIVE', workflowId, alreadyActive, taskCount: tasks.length };
  }

  async state(user: AuthUser, planId: string) {
    const plan = await this.findPlan(user, planId);
    const handle = this.temporal.client.workflow.getHandle(planWorkflowId(plan.commune, plan.year));
    try {
      return await handle.query('planState');
    } catch {
      throw notFound('Kế hoạch chưa được kích hoạt.');
    }
  }

  async taskList(user: AuthUser, planId: string, filter: { group?: string; unit?: string; status?: string }) {
    await this.findPlan(user, planId);
    const [rows, ctx] = await Promise.all([this.readModel.tasks.listByPlan(user.commune, planId, filter), this.tasks.context(user)]);
    return rows.map((r) => toTask(r, ctx));
  }
}
