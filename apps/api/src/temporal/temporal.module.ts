import { Global, Module } from '@nestjs/common';
import { TemporalService } from './temporal.service';

/** The API's one Temporal client, shared by the features that start or message workflows. */
@Global()
@Module({ providers: [TemporalService], exports: [TemporalService] })
export class TemporalModule {}
