import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { InjectConfig } from '../common/config.provider';
import { AuthUser, CurrentUser, Public } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';
import { UserFilterDto } from './dto/user-filter.dto';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';


@ApiTags('users')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 413, 503)
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** People of the caller's commune, e.g. the staff a unit head can assign; `all=true` (ADMIN): locked accounts too. */
  @Get('users')
  list(@CurrentUser() user: AuthUser, @Query() filter: UserFilterDto) {
    return this.users.list(user, filter);
  }

  @Post('users')
  @ApiErrorResponses(403, 409)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(user, dto);
  }

  @Put('users/:id')
  @ApiErrorResponses(403, 404)
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(user, id, dto);
  }

  @Post('users/:id/password')
  @HttpCode(204)
  @ApiErrorResponses(403, 404)
  async resetPassword(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: ResetPasswordDto): Promise<void> {
    await this.users.resetPassword(user, id, dto.password);
  }

  /** The client's settings; signed in, also the name of the caller's commune, which the web shows everywhere. */
  @Public()
  @Get('config')
  settings(@CurrentUser() user: AuthUser | undefined) {
    return {
      temporalUiUrl: this.config.temporalUiUrl,
      maxAttachmentBytes: this.config.maxAttachmentBytes,
      commune: user ? user.commune || null : this.config.defaultCommune,
      communeName: user?.communeName ?? null,
      // The "Hộp thư thử" page exists outside production only (GET /dev/mailbox answers 404 there).
      devMailbox: !this.config.production,
    };
  }
}
