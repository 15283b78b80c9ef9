import { Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { addPlanTasksUpdate, DeadlineKind, planWorkflowId, PlanPreview, TaskWorkflowInput, TASK_QUEUE } from '@app/contracts';
import { planPreview, type UnitDirectory } from '@app/domain';
import { importPlanFile, PlanImportError, readPlan, ReadModel, type ActivationTaskRow, type PlanRow, type ReadPlan } from '@app/persistence';
import { ApiError, notFound } from '../common/api-error';
import { AuthUser } from '../common/current-user';
import { TemporalService } from '../temporal/temporal.service';
import { TasksService } from '../tasks/tasks.service';
import { toTask } from '../tasks/task.view';

/** What a task workflow is started with: the task as the read model keeps it, and the commune's reviewing unit. */
export function taskWorkflowInput(plan: Pick<PlanRow, 'id' | 'commune' | 'year'>, t: ActivationTaskRow, reviewingUnit: string): TaskWorkflowInput {
  return {
    commune: plan.commune,
    planId: plan.id,
    year: plan.year,
    taskId: t.id,
    number: t.number,
    title: t.content,
    leadUnits: t.lead_units,
    coUnits: t.co_units,
    reviewingUnit,
    deadlineKind: t.deadline_kind as DeadlineKind,
    dueDates: t.due_dates,
  };
}

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
   * Reads a plan file by its content (Word .docx, Excel .xlsx or text) with the commune's unit directory, as an import
   * would (libs/persistence readPlan): what is not a plan, not a clean text, or has no sane year is a 4xx.
   */
  async read(user: AuthUser, bytes: Uint8Array, year?: number): Promise<ReadPlan & { directory: UnitDirectory }> {
    const directory = await this.readModel.units.directory(user.commune);
    return { ...(await answer(() => readPlan(bytes, { year, units: directory }))), directory };
  }

  /** The plan file as read, and what importing it would update; nothing is written. */
  async preview(user: AuthUser, bytes: Uint8Array, year?: number): Promise<PlanPreview> {
    const { plan, format, directory } = await this.read(user, bytes, year);
    const existing = await this.readModel.plans.findByYear(user.commune, plan.year);
    return planPreview(plan, format, directory, existing && { planId: existing.id, status: existing.status, taskCount: existing.task_count });
  }

  /**
   * Reads then writes in one transaction (libs/persistence importPlanFile) with the commune's units: a file that is not a
   * plan writes nothing. The year comes from `year` (?year=) or the document, never a default.
   */
  async import(user: AuthUser, bytes: Uint8Array, year?: number) {
    const units = await this.readModel.units.directory(user.commune);
    const { plan, ...result } = await answer(() => importPlanFile(this.readModel.db, user.commune, bytes, { year, units }));
    return { planId: result.planId, taskCount: result.taskCount, groups: result.groups, year: plan.year, title: plan.title, warnings: plan.warnings };
  }

  /** The commune's reviewing unit, which every task workflow is started with. */
  async reviewingUnit(user: AuthUser): Promise<string> {
    const unit = await this.readModel.units.reviewingUnit(user.commune);
    if (!unit) throw new ApiError('CONFLICT', 'Xã chưa có đơn vị thẩm định: quản trị hãy chọn một đơn vị làm đơn vị thẩm định ở trang Đơn vị.');
    return unit;
  }

  async findPlan(user: AuthUser, planId: string) {
    const plan = await this.readModel.plans.find(user.commune, planId);
    if (!plan) throw notFound('Không tìm thấy kế hoạch.');
    return plan;
  }

  /** Starts the plan: its workflow, and one task workflow per task (see startTasks). Calling it twice is harmless. */
  async activate(user: AuthUser, planId: string) {
    return this.startTasks(user, await this.findPlan(user, planId));
  }

  /**
   * Starts the plan workflow, which starts one task workflow per task; a plan already running is handed the tasks
   * through its addTasks update, which starts those it does not run yet (tasks an amendment added, or whose start was
   * interrupted). Business-key workflow ids make every call harmless to repeat.
   */
  async startTasks(user: AuthUser, plan: PlanRow) {
    const [tasks, reviewingUnit] = await Promise.all([this.readModel.plans.tasksToStart(plan.id), this.reviewingUnit(user)]);
    const inputs = tasks.map((t) => taskWorkflowInput(plan, t, reviewingUnit));
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
      await this.temporal.update(workflowId, addPlanTasksUpdate, inputs);
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

/** A plan that cannot be imported, as the contract's 4xx (the reason's own code, message and details). */
async function answer<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof PlanImportError) throw new ApiError(e.code, e.message, e.details);
    throw e;
  }
}
