import { Module } from '@nestjs/common';
import { OverdueController } from './overdue.controller';

@Module({ controllers: [OverdueController] })
export class OverdueModule {}
