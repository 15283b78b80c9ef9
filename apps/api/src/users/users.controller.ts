import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { InjectConfig } from '../common/config.provider';
import { AuthUser, CurrentUser, Public } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';
import { UNIT_NAMES, UnitCode } from '@app/contracts';
import { UserFilterDto } from './dto/user-filter.dto';

@ApiTags('users')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 413, 503)
@Controller()
export class UsersController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** People of the caller's commune, e.g. the staff a unit head can assign. */
  @Get('users')
  async list(@CurrentUser() user: AuthUser, @Query() filter: UserFilterDto) {
    const rows = await this.ds.query(
      `SELECT id, username, full_name, unit_code, roles FROM users
       WHERE commune = $1 AND active AND ($2::text IS NULL OR unit_code = $2) AND ($3::text IS NULL OR $3 = ANY(roles))
       ORDER BY unit_code NULLS FIRST, full_name`,
      [user.commune, filter.unit ?? null, filter.role ?? null],
    );
    return rows.map((r: any) => ({
      id: r.id,
      username: r.username,
      fullName: r.full_name,
      unit: r.unit_code ? { code: r.unit_code, name: UNIT_NAMES[r.unit_code as UnitCode] } : null,
      roles: r.roles,
    }));
  }

  @Public()
  @Get('config')
  settings() {
    return { temporalUiUrl: this.config.temporalUiUrl, maxAttachmentBytes: this.config.maxAttachmentBytes, commune: this.config.defaultCommune };
  }
}
