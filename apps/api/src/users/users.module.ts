import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** People of the commune (its admin manages them), and the public client settings. */
@Module({ controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}
