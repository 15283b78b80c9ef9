import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { TasksModule } from '../tasks/tasks.module';
import { AmendmentsController } from './amendments.controller';
import { AmendmentsService } from './amendments.service';

/** Amendments to an active plan: a revised plan file or one task edited, under a decision; recorded append-only. */
@Module({ imports: [PlansModule, TasksModule], controllers: [AmendmentsController], providers: [AmendmentsService] })
export class AmendmentsModule {}
