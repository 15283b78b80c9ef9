import { Module } from '@nestjs/common';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

/** Plans: import, activation (the plan workflow) and the board's task list. */
@Module({ controllers: [PlansController], providers: [PlansService] })
export class PlansModule {}
