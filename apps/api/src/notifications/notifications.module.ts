import { Module } from '@nestjs/common';
import { DevMailboxController, NotificationsController, PreferencesController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The bell (in-app notifications), each person's preferences, and the local mailbox for trying the product out. */
@Module({ controllers: [NotificationsController, PreferencesController, DevMailboxController], providers: [NotificationsService] })
export class NotificationsModule {}
