import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../common/current-user';
import { ApiErrorResponses } from '../common/openapi';
import { CalendarService } from './calendar.service';
import { PutCalendarDto, WorkingDaysQueryDto } from './dto/calendar.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrorResponses(400, 401, 403, 404, 503)
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  // Declared before ':year', which would otherwise take "working-days" for a year.
  @Get('working-days')
  workingDays(@CurrentUser() user: AuthUser, @Query() q: WorkingDaysQueryDto) {
    return this.calendar.addWorkingDays(user, q.from, q.add);
  }

  @Get(':year')
  get(@CurrentUser() user: AuthUser, @Param('year') year: string) {
    return this.calendar.get(user, year);
  }

  @Put(':year')
  put(@CurrentUser() user: AuthUser, @Param('year') year: string, @Body() dto: PutCalendarDto) {
    return this.calendar.put(user, year, dto);
  }
}
