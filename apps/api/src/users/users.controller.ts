import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { ReadModel } from '@app/persistence';
import { InjectConfig } from '../common/config.provider';
import { AuthUser, CurrentUser, Public } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';
import { UserFilterDto } from './dto/user-filter.dto';

@ApiTags('users')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 413, 503)
@Controller()
export class UsersController {
  constructor(
    private readonly readModel: ReadModel,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** People of the caller's commune, e.g. the staff a unit head can assign. */
  @Get('users')
  async list(@CurrentUser() user: AuthUser, @Query() filter: UserFilterDto) {
    const rows = await this.readModel.users.list(user.commune, filter);
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      fullName: r.full_name,
      unit: r.unit_code ? { code: r.unit_code, name: r.unit_name ?? r.unit_code } : null,
      roles: r.roles,
    }));
  }

  @Public()
  @Get('config')
  settings() {
    return {
      temporalUiUrl: this.config.temporalUiUrl,
      maxAttachmentBytes: this.config.maxAttachmentBytes,
      commune: this.config.defaultCommune,
      // The "Hộp thư thử" page exists outside production only (GET /dev/mailbox answers 404 there).
      devMailbox: !this.config.production,
    };
  }
}
