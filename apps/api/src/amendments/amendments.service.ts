import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { UpdateDefinition } from '@temporalio/common';
import { amendScheduleUpdate, withdrawTaskUpdate, type AmendmentPreview, type AmendmentResult, type TaskSnapshot } from '@app/contracts';
import {
  amendmentPreview,
  amendmentTaskView,
  ENDED_NOTES,
  planAmendment,
  rowFieldsOf,
  taskAmendment,
  type PlannedAmendment,
  type PlannedChange,
  type TaskEdit,
} from '@app/domain';
import { ReadModel, type AmendableTask, type AmendmentContext, type PlanRow, type RowWrite } from '@app/persistence';
import { ApiError, validation } from '../common/api-error';
import { AuthUser } from '../common/current-user';
import { requirePlanManager } from '../plans/plan-file';
import { PlansService } from '../plans/plans.service';
import { TasksService } from '../tasks/tasks.service';
import { TemporalService } from '../temporal/temporal.service';

const MANAGERS_ONLY = 'Chỉ cán bộ đầu mối CCHC hoặc quản trị mới được điều chỉnh kế hoạch.';

/** A row write of the fields a change applies (the domain says which: rowFieldsOf). */
function rowWrite(change: PlannedChange, scheduled: boolean): RowWrite {
  const write: RowWrite = {};
  for (const field of rowFieldsOf(change, scheduled)) {
    if (field === 'group') write.group = change.after.group;
    if (field === 'content') write.content = change.after.content;
    if (field === 'product') write.product = change.after.product;
    if (field === 'number') write.displayNumber = change.after.displayNumber;
    if (field === 'deadline') write.deadline = change.after.deadline;
  }
  return write;
}

/**
 * Amendments to an active plan (plan section IV): a revised plan file, or one task edited on the board, under a
 * decision. The domain plans what changes and how (planAmendment, taskAmendment); this carries it out: new deadlines
 * to the task workflows (amendSchedule), withdrawals (withdraw), added tasks as rows whose workflows the plan workflow
 * starts (addTasks), content and product to the rows, and every change recorded with its decision.
 *
 * One amendment of a plan at a time. Each task's effect reaches its workflow first and is then written with its
 * record, so an amendment interrupted half way is finished by sending it again: what was applied no longer differs.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly readModel: ReadModel,
    private readonly temporal: TemporalService,
    private readonly plans: PlansService,
    private readonly tasks: TasksService,
  ) {}

  /** What the revised plan would change; nothing is written. */
  async preview(user: AuthUser, planId: string, bytes: Uint8Array): Promise<AmendmentPreview> {
    const plan = await this.activePlan(user, planId);
    const read = await this.plans.read(user, bytes);
    const tasks = await this.readModel.amendments.tasks(user.commune, plan.id);
    return amendmentPreview(plan.id, planAmendment(tasks, plan.year, read.plan, read.directory), read.plan, read.directory);
  }

  /** Applies the revised plan under `decision`. */
  async apply(user: AuthUser, planId: string, bytes: Uint8Array, decision: string): Promise<AmendmentResult> {
    const plan = await this.activePlan(user, planId);
    const read = await this.plans.read(user, bytes);
    return this.locked(plan, async () => {
      const tasks = await this.readModel.amendments.tasks(user.commune, plan.id);
      return this.carryOut(user, plan, planAmendment(tasks, plan.year, read.plan, read.directory), decision, read.sha256);
    });
  }

  /** One task edited on the board (content, product, deadline) or withdrawn, under `decision`. */
  async amendTask(user: AuthUser, taskId: string, edit: TaskEdit & { decision: string }): Promise<AmendmentResult> {
    requirePlanManager(user, MANAGERS_ONLY);
    const { decision, ...change } = edit;
    if (change.withdraw && (change.content !== undefined || change.product !== undefined || change.deadline !== undefined)) {
      throw validation('Rút nhiệm vụ khỏi kế hoạch thì không sửa nội dung, sản phẩm hay thời hạn cùng lúc.');
    }
    if (!change.withdraw && change.content === undefined && change.product === undefined && change.deadline === undefined) {
      throw validation('Hãy ghi nội dung, sản phẩm hoặc thời hạn mới của nhiệm vụ, hoặc chọn rút nhiệm vụ khỏi kế hoạch.');
    }
    const row = await this.tasks.load(user, taskId);
    const plan = await this.activePlan(user, row.plan_id);
    const directory = await this.readModel.units.directory(user.commune);
    return this.locked(plan, async () => {
      const task = (await this.readModel.amendments.tasks(user.commune, plan.id)).find((t) => t.id === row.id)!;
      const planned = taskAmendment(task, plan.year, change, directory);
      if (planned.changed.length === 0 && planned.withdrawn.length === 0 && planned.blocking.length === 0) {
        throw validation('Nội dung điều chỉnh giống hệt nhiệm vụ hiện tại; không có gì thay đổi.');
      }
      return this.carryOut(user, plan, planned, decision, null);
    });
  }

  async list(user: AuthUser, planId: string) {
    const plan = await this.plans.findPlan(user, planId);
    return this.readModel.amendments.list(user.commune, plan.id);
  }

  async forTask(user: AuthUser, taskId: string) {
    const row = await this.tasks.load(user, taskId);
    return this.readModel.amendments.forTask(user.commune, row.id);
  }

  private async activePlan(user: AuthUser, planId: string): Promise<PlanRow> {
    requirePlanManager(user, MANAGERS_ONLY);
    const plan = await this.plans.findPlan(user, planId);
    if (plan.status !== 'ACTIVE') {
      throw new ApiError(
        'CONFLICT',
        'Kế hoạch chưa được kích hoạt nên chưa cần quyết định điều chỉnh: hãy nhập lại tệp kế hoạch đã sửa (Nhập kế hoạch).',
        { planId: plan.id, status: plan.status },
      );
    }
    return plan;
  }

  /**
   * Sends an amendment to a task's workflow: true once it took it, false when the workflow has already ended (a task
   * completed, or stopped by an operator), whose result then stays as it was. Any other refusal stops the amendment.
   */
  private async reachWorkflow<I>(workflowId: string, def: UpdateDefinition<TaskSnapshot, [I]>, input: I): Promise<boolean> {
    try {
      await this.temporal.update(workflowId, def, input);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STEP_CLOSED') return false;
      throw e;
    }
  }

  private async locked<T>(plan: PlanRow, fn: () => Promise<T>): Promise<T> {
    const result = await this.readModel.amendments.withPlanLock(plan.id, async () => ({ value: await fn() }));
    if (!result) throw new ApiError('CONFLICT', 'Một điều chỉnh khác của kế hoạch này đang được áp dụng; vui lòng thử lại sau ít phút.');
    return result.value;
  }

  private async carryOut(user: AuthUser, plan: PlanRow, planned: PlannedAmendment<AmendableTask>, decision: string, sha256: string | null): Promise<AmendmentResult> {
    if (planned.blocking.length > 0) {
      const code = planned.blocking.some((b) => b.code === 'WITHDRAWN') ? 'CONFLICT' : 'PLAN_INVALID';
      throw new ApiError(code, planned.blocking.map((b) => b.message).join(' '), { blocking: planned.blocking });
    }
    const actor = await this.tasks.actor(user);
    const ctx: AmendmentContext = {
      amendmentId: randomUUID(),
      commune: plan.commune,
      planId: plan.id,
      decision,
      actor: { id: actor.id, fullName: actor.fullName },
      sourceSha256: sha256,
    };

    for (const change of planned.changed) {
      const notes = change.notApplied.map((n) => n.reason);
      let scheduled = false;
      if (change.schedule) {
        const { kind, dueDates } = change.after.deadline;
        scheduled = await this.reachWorkflow(change.task.workflowId, amendScheduleUpdate, { actor, deadlineKind: kind, dueDates, decision });
        if (!scheduled) notes.push(ENDED_NOTES.deadline);
      }
      await this.readModel.amendments.recordChange(ctx, change.task.id, rowWrite(change, scheduled), {
        change: 'CHANGED',
        fields: change.fields,
        before: amendmentTaskView(change.before),
        after: amendmentTaskView(change.after),
        workflow: scheduled ? 'schedule' : null,
        note: notes.join(' ') || null,
      });
    }

    for (const withdrawal of planned.withdrawn) {
      const told = await this.reachWorkflow(withdrawal.task.workflowId, withdrawTaskUpdate, { actor, decision });
      const note = told ? withdrawal.note : (withdrawal.note ?? 'Quy trình của nhiệm vụ đã kết thúc trước khi có quyết định; chỉ ghi nhận rút khỏi kế hoạch.');
      await this.readModel.amendments.recordWithdrawal(ctx, withdrawal.task.id, {
        change: 'WITHDRAWN',
        fields: [],
        before: amendmentTaskView(withdrawal.before),
        after: null,
        workflow: told ? 'withdrawn' : null,
        note,
      });
    }

    if (planned.added.length > 0) {
      await this.readModel.amendments.addTasks(ctx, plan.year, planned.added.map((task) => ({ task, view: amendmentTaskView(task) })));
      // The plan workflow starts what it does not run yet: the tasks just added.
      await this.plans.startTasks(user, plan);
    }
    await this.readModel.amendments.reorder(plan.id, planned.positions);

    const records = await this.readModel.amendments.ofAmendment(ctx.amendmentId);
    return {
      amendmentId: ctx.amendmentId,
      decision,
      added: planned.added.length,
      changed: planned.changed.length,
      withdrawn: planned.withdrawn.length,
      records,
    };
  }
}
