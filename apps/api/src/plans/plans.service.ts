import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { planWorkflowId, TaskWorkflowInput, TASK_QUEUE } from '@app/contracts';
import { importPlanText, PlanImportError } from '@app/persistence';
import { ApiError, notFound } from '../common/api-error';
import { AuthUser } from '../common/current-user';
import { TemporalService } from '../temporal/temporal.service';
import { TASK_SELECT, TaskRow, toTask } from '../tasks/task.mapper';

@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalService,
  ) {}

  async list(user: AuthUser) {
    const rows = await this.ds.query(
      `SELECT p.id, p.commune, p.year, p.title, p.status, p.decision_number, p.imported_at, p.activated_at, p.groups, p.warnings,
              (SELECT count(*)::int FROM plan_tasks t WHERE t.plan_id = p.id) AS task_count
       FROM plans p WHERE p.commune = $1 ORDER BY p.year DESC`,
      [user.commune],
    );
    return rows.map((p: any) => ({
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
   * Reads then writes in one transaction (libs/persistence importPlanText): a document that is not clean text, has no
   * task table or no sane year writes nothing. The year comes from `year` (?year=) or the document, never a default.
   */
  async import(user: AuthUser, text: string, year?: number) {
    try {
      const result = await importPlanText(this.ds, user.commune, text, { year });
      const { plan } = result;
      return { planId: result.planId, taskCount: result.taskCount, groups: result.groups, year: plan.year, title: plan.title, warnings: plan.warnings };
    } catch (e) {
      if (e instanceof PlanImportError) throw new ApiError(e.code, e.message, e.details);
      throw e;
    }
  }

  async findPlan(user: AuthUser, planId: string) {
    const rows = await this.ds.query(`SELECT * FROM plans WHERE id::text = $1 AND commune = $2`, [planId, user.commune]);
    if (!rows[0]) throw notFound('Không tìm thấy kế hoạch.');
    return rows[0] as { id: string; commune: string; year: number; title: string; status: string };
  }

  /** Starts the plan workflow, which starts one task workflow per task. Business-key ids make a second call harmless. */
  async activate(user: AuthUser, planId: string) {
    const plan = await this.findPlan(user, planId);
    const tasks: TaskRow[] = await this.ds.query(`SELECT * FROM plan_tasks WHERE plan_id = $1 ORDER BY number`, [plan.id]);
    const inputs: TaskWorkflowInput[] = tasks.map((t) => ({
      commune: plan.commune,
      planId: plan.id,
      year: plan.year,
      taskId: t.id,
      number: t.number,
      title: t.content,
      leadUnits: t.lead_units,
      coUnits: t.co_units,
      deadlineKind: t.deadline_kind,
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
    await this.ds.query(`UPDATE plans SET status = 'ACTIVE', activated_at = coalesce(activated_at, now()) WHERE id = $1`, [plan.id]);
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

  async tasks(user: AuthUser, planId: string, filter: { group?: string; unit?: string; status?: string }) {
    await this.findPlan(user, planId);
    const where = ['t.plan_id = $1', 't.commune = $2'];
    const params: unknown[] = [planId, user.commune];
    if (filter.group) {
      params.push(filter.group);
      where.push(`t.group_code = $${params.length}`);
    }
    if (filter.unit) {
      params.push(filter.unit);
      where.push(`$${params.length} = ANY(t.lead_units)`);
    }
    if (filter.status) {
      params.push(filter.status);
      where.push(`t.status = $${params.length}`);
    }
    const rows: TaskRow[] = await this.ds.query(`${TASK_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.number`, params);
    return rows.map(toTask);
  }
}
