import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { ReadModel } from '@app/persistence';
import { AuthUser, CurrentUser, Public } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';
import { requirePlanManager } from '../plans/plan-file';
import { TemporalService } from '../temporal/temporal.service';

const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status', 'database', 'temporal'],
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded'] },
    database: { type: 'string', enum: ['up', 'down'] },
    temporal: { type: 'string', enum: ['up', 'down'] },
  },
};

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly readModel: ReadModel,
    private readonly temporal: TemporalService,
  ) {}

  @Public()
  @Get()
  @ApiResponse({ status: 200, description: 'Cơ sở dữ liệu và Temporal đều trả lời', content: { 'application/json': { schema: HEALTH_SCHEMA } } })
  @ApiResponse({ status: 503, description: 'Một phần không trả lời (database hoặc temporal là "down")', content: { 'application/json': { schema: HEALTH_SCHEMA } } })
  async health(@Res({ passthrough: true }) res: Response) {
    const database = (await this.readModel.ping()) ? 'up' : 'down';
    const temporal = (await this.temporal.isUp()) ? 'up' : 'down';
    const ok = database === 'up' && temporal === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database, temporal };
  }

  /**
   * Changes of the commune's workflows that the read model refused for a reason no retry can fix (bad data): they
   * were set aside so later changes go through, and the coordinator sees them here (the board shows their count).
   */
  @Get('set-aside')
  @ApiOkResponse({ description: 'SetAsideChange[]: { workflowId, seq, taskId, eventType, error, setAsideAt }, mới nhất trước' })
  @ApiErrorResponses(403)
  async setAside(@CurrentUser() user: AuthUser) {
    requirePlanManager(user, 'Chỉ cán bộ đầu mối CCHC hoặc quản trị viên xem được các thay đổi chưa ghi được vào dữ liệu theo dõi.');
    const rows = await this.readModel.trail.setAside(user.commune);
    return rows.map((r) => ({
      workflowId: r.workflow_id,
      seq: r.seq,
      taskId: r.task_id,
      eventType: r.event_type,
      error: r.error,
      setAsideAt: r.set_aside_at,
    }));
  }
}
