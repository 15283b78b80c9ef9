import { Module } from '@nestjs/common';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

/** The commune's unit directory (units and outside bodies, their name variants, the reviewing unit). */
@Module({ controllers: [UnitsController], providers: [UnitsService] })
export class UnitsModule {}
