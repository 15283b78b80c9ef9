import { Controller, Get, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../common/current-user';
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
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalService,
  ) {}

  @Public()
  @Get()
  @ApiResponse({ status: 200, description: 'Cơ sở dữ liệu và Temporal đều trả lời', content: { 'application/json': { schema: HEALTH_SCHEMA } } })
  @ApiResponse({ status: 503, description: 'Một phần không trả lời (database hoặc temporal là "down")', content: { 'application/json': { schema: HEALTH_SCHEMA } } })
  async health(@Res({ passthrough: true }) res: Response) {
    const database = await this.ds.query('SELECT 1').then(() => 'up', () => 'down');
    const temporal = (await this.temporal.isUp()) ? 'up' : 'down';
    const ok = database === 'up' && temporal === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database, temporal };
  }
}
