import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { communeDate, workingDaysBetween } from '@app/domain';
import { ReadModel } from '@app/persistence';
import { forbidden } from '../common/api-error';
import { AuthUser, CurrentUser, hasRole } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';

/**
 * "Quá hạn": every overdue step of the commune, with how late it is in working days and how far up the ladder it
 * went, and the counts per unit — for those who follow the whole plan.
 */
@ApiTags('overdue')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller('overdue')
export class OverdueController {
  constructor(private readonly readModel: ReadModel) {}

  @Get()
  async list(@CurrentUser() user: AuthUser) {
    if (!hasRole(user, 'COORDINATOR', 'ADMIN', 'CHAIRMAN', 'VICE_CHAIRMAN')) {
      throw forbidden('Chỉ cán bộ đầu mối CCHC, lãnh đạo UBND xã và quản trị viên xem được danh sách quá hạn.');
    }
    const today = communeDate(Date.now());
    const [rows, rules] = await Promise.all([this.readModel.overdue.steps(user.commune, today), this.readModel.deadlineRules.of(user.commune, today)]);
    const items = rows.map((r) => ({
      taskId: r.task_id,
      number: r.number,
      title: r.content,
      stepId: r.step_id,
      kind: r.kind,
      // A step of the whole chain (Chairman) belongs to no unit; it is counted under the task's lead unit.
      unit: r.unit_code ?? (r.lead_units.length === 1 ? r.lead_units[0] : null),
      unitName: r.unit_name,
      holderRole: r.holder_role,
      assignee: r.assignee_name,
      dueAt: r.due_at,
      workingDaysLate: workingDaysBetween(r.due_at, today, rules.calendar),
      escalationLevel: r.escalation_level,
    }));
    const perUnit = new Map<string, number>();
    for (const item of items) perUnit.set(item.unit ?? '', (perUnit.get(item.unit ?? '') ?? 0) + 1);
    return { today, total: items.length, perUnit: [...perUnit].map(([unit, count]) => ({ unit: unit || null, count })), items };
  }
}
