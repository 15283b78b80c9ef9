import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';
import { DeadlineSettingsDto, ReportSettingsDto } from './dto/settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 503)
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('deadlines')
  deadlines(@CurrentUser() user: AuthUser) {
    return this.settings.deadlines(user);
  }

  @Put('deadlines')
  putDeadlines(@CurrentUser() user: AuthUser, @Body() dto: DeadlineSettingsDto) {
    return this.settings.putDeadlines(user, dto);
  }

  @Get('reports')
  reports(@CurrentUser() user: AuthUser) {
    return this.settings.reports(user);
  }

  @Put('reports')
  putReports(@CurrentUser() user: AuthUser, @Body() dto: ReportSettingsDto) {
    return this.settings.putReports(user, dto);
  }
}
