import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { ROLES, UNIT_CODES, UNIT_NAMES, UnitCode } from '@app/contracts';
import { InjectConfig } from '../common/config.provider';
import { AuthUser, CurrentUser, Public } from '../common/current-user';

class UserFilterDto {
  @ApiPropertyOptional({ enum: UNIT_CODES }) @IsOptional() @IsIn(UNIT_CODES as unknown as string[]) unit?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES as unknown as string[]) role?: string;
}

@ApiTags('users')
@ApiBearerAuth()
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
