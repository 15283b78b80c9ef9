import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

/** Plans: import, activation (the plan workflow) and the board's task list. */
@Module({ imports: [TasksModule], controllers: [PlansController], providers: [PlansService], exports: [PlansService] })
export class PlansModule {}
