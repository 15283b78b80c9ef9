import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The commune's working-day calendar (holidays, working Saturdays) and the working-days helper of the web. */
@Module({ controllers: [CalendarController], providers: [CalendarService] })
export class CalendarModule {}
