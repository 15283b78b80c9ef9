import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { TasksModule } from '../tasks/tasks.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** The periodic CCHC reports (periods, unit inputs, the commune's draft, its files and sending) and the board's Excel export. */
@Module({ imports: [TasksModule, PlansModule], controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}
