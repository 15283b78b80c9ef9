import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UNIT_NAMES, UnitCode } from '@app/contracts';
import { ApiError } from '../common/api-error';
import { AuthUser } from '../common/current-user';
import { todayInVietnam } from '../common/dates';
import { DelegationsService } from '../delegations/delegations.service';
import { TasksService } from '../tasks/tasks.service';

@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly delegations: DelegationsService,
    private readonly tasks: TasksService,
  ) {}

  /**
   * The open steps the user may act on now: named to them, held by their role in their unit, or the
   * Chairman's while they hold his delegation. One indexed query on the read model; Temporal is not asked.
   */
  async list(user: AuthUser) {
    const delegation = await this.delegations.activeFor(user);
    const rows = await this.ds.query(
      `SELECT i.task_id, i.step_id, i.kind, i.unit_code, i.holder_role, i.assignee_id, to_char(i.due_at, 'YYYY-MM-DD') AS due_at,
              t.plan_id, t.number, t.content, t.group_code, t.status, t.lead_units, t.deadline_raw, t.snapshot->'parts' AS parts
       FROM inbox_items i JOIN plan_tasks t ON t.id = i.task_id
       WHERE i.commune = $1 AND (
         i.assignee_id = $2
         OR (i.assignee_id IS NULL AND (i.unit_code IS NULL OR i.unit_code = $4)
             AND (i.holder_role = ANY($3) OR (i.kind = 'CONTRIBUTION' AND 'UNIT_HEAD' = ANY($3))))
         OR (i.assignee_id IS NULL AND i.holder_role = 'CHAIRMAN' AND $5)
       )
       ORDER BY i.due_at ASC NULLS LAST, t.number ASC, i.step_id`,
      [user.commune, user.id, user.roles, user.unit, !!delegation],
    );
    const today = todayInVietnam();
    return rows.map((r: any) => {
      const delegated = r.holder_role === 'CHAIRMAN' && !user.roles.includes('CHAIRMAN') && delegation;
      return {
        taskId: r.task_id,
        planId: r.plan_id,
        number: r.number,
        title: r.content,
        stepId: r.step_id,
        kind: r.kind,
        unit: r.unit_code ? { code: r.unit_code, name: UNIT_NAMES[r.unit_code as UnitCode] } : null,
        groupCode: r.group_code,
        status: r.status,
        deadlineRaw: r.deadline_raw,
        dueAt: r.due_at,
        overdue: !!r.due_at && r.due_at < today,
        ...(delegated ? { onBehalfOf: delegation.fromUser } : {}),
      };
    });
  }

  /** One result per item; an item that fails says why and does not stop the others. */
  async bulkApprove(user: AuthUser, taskIds: string[], comment?: string) {
    const results = [];
    for (const taskId of taskIds) {
      try {
        await this.tasks.decide(user, taskId, 'approve', comment);
        results.push({ taskId, ok: true });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        const body = e.getResponse() as { code: string; message: string };
        results.push({ taskId, ok: false, code: body.code, message: body.message });
      }
    }
    return results;
  }
}
