import { HttpException, Injectable, Logger } from '@nestjs/common';
import { actingFor, communeDate, dueState, periodText, principalsOf } from '@app/domain';
import { ReadModel } from '@app/persistence';
import { AuthUser } from '../common/current-user';
import { TasksService } from '../tasks/tasks.service';

@Injectable()
export class InboxService {
  private readonly logger = new Logger('InboxService');

  constructor(
    private readonly readModel: ReadModel,
    private readonly tasks: TasksService,
  ) {}

  /**
   * The open steps the user may act on now: the steps sharing a principal with him (himself, his roles in his unit,
   * the Chairman's role while he holds a delegation), minus those he drafted. One indexed read; Temporal is not asked.
   */
  async list(user: AuthUser) {
    // The principals need no database: the rules and the steps are read side by side, one round trip of waiting.
    const today = communeDate(Date.now());
    const [ctx, rows] = await Promise.all([
      this.tasks.context(user, today),
      this.readModel.inbox.openStepsFor(user.commune, principalsOf(this.tasks.actor(user), today), user.id),
    ]);
    return rows.map((r) => {
      const onBehalfOf = actingFor({ principals: r.principals } as Parameters<typeof actingFor>[0], ctx.actor, ctx.today);
      const state = dueState(r.due_at, ctx.today, ctx.calendar, ctx.dueSoonWorkingDays);
      return {
        taskId: r.task_id,
        /** Set for a report's step (a unit's input, the report's review or sending): the web opens the report. */
        reportId: r.report_id,
        period: r.period,
        year: r.year,
        planId: r.plan_id,
        number: r.number,
        title: r.report_id && r.period && r.year ? `Báo cáo kết quả CCHC ${periodText(r.period, r.year)}` : r.content,
        stepId: r.step_id,
        kind: r.kind,
        unit: r.unit_code ? { code: r.unit_code, name: r.unit_name ?? r.unit_code } : null,
        groupCode: r.group_code,
        status: r.status,
        deadlineRaw: r.deadline_raw,
        dueAt: r.due_at,
        dueState: state,
        overdue: state === 'OVERDUE',
        openedAt: r.opened_at,
        escalationLevel: r.escalation_level,
        ...(onBehalfOf ? { onBehalfOf } : {}),
      };
    });
  }

  /**
   * Approves each item at the step the caller saw (so the same request sent twice approves once, never two levels),
   * and gives one result per item whatever fails: an item that fails says why and does not stop the others.
   */
  async bulkApprove(user: AuthUser, items: { taskId: string; stepId: string }[], comment?: string) {
    const results = [];
    for (const { taskId, stepId } of items) {
      try {
        await this.tasks.decide(user, taskId, 'approve', comment, stepId);
        results.push({ taskId, stepId, ok: true });
      } catch (e) {
        const body = e instanceof HttpException ? (e.getResponse() as { code?: string; message?: string }) : null;
        if (!body?.code) this.logger.error(e instanceof Error ? e.stack : String(e));
        results.push({
          taskId,
          stepId,
          ok: false,
          code: body?.code ?? 'INTERNAL',
          message: body?.message ?? 'Không thực hiện được mục này do lỗi hệ thống; vui lòng thử lại.',
        });
      }
    }
    return results;
  }
}
