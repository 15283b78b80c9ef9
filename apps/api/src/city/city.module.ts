import { Module } from '@nestjs/common';
import { CityController } from './city.controller';
import { CommunesService } from './communes.service';
import { OverviewService } from './overview.service';

/** One deployment, many communes: communes (SUPERADMIN) and the Sở Nội vụ overview (DEPARTMENT_VIEWER). */
@Module({ controllers: [CityController], providers: [CommunesService, OverviewService] })
export class CityModule {}
