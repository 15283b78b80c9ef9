import { Module } from '@nestjs/common';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';

/** A commune's settings: deadlines (`/settings/deadlines`) and reports (`/settings/reports`). */
@Module({ controllers: [SettingsController], providers: [SettingsService] })
export class SettingsModule {}
