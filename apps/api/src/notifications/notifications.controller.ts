import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../common/current-user';
import { ListNotificationsDto } from './dto/list-notifications.dto';
import { PreferencesDto } from './dto/preferences.dto';
import { NotificationsService } from './notifications.service';
import { ApiErrorResponses } from '../common/openapi';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 404, 503)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's notifications, newest first; `?unread=true` for those not read yet. */
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ListNotificationsDto) {
    return this.notifications.list(user, q.unread === 'true');
  }

  @Get('count')
  count(@CurrentUser() user: AuthUser) {
    return this.notifications.count(user);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() user: AuthUser) {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.notifications.markRead(user, id);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 503)
@Controller('me/preferences')
export class PreferencesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  get(@CurrentUser() user: AuthUser) {
    return this.notifications.preferences(user);
  }

  @Put()
  set(@CurrentUser() user: AuthUser, @Body() dto: PreferencesDto) {
    return this.notifications.setPreferences(user, dto);
  }
}

/** "Hộp thư thử": the .eml files written without SMTP_URL. ADMIN only; 404 in production. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 503)
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser) {
    return this.notifications.mailbox(user);
  }

  @Get(':id')
  message(@CurrentUser() user: AuthUser, @Param('id') id: string) {
    return this.notifications.mailboxMessage(user, id);
  }
}
