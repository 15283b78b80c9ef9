import { Module } from '@nestjs/common';
import { DelegationsController } from './delegations.controller';
import { DelegationsService } from './delegations.service';

/** The Chairman's delegation of approvals to a Vice Chairman for a period. */
@Module({ controllers: [DelegationsController], providers: [DelegationsService], exports: [DelegationsService] })
export class DelegationsModule {}
