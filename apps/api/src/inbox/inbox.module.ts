import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';

/** The steps waiting for the caller, and approving several at once. */
@Module({ imports: [TasksModule], controllers: [InboxController], providers: [InboxService] })
export class InboxModule {}
