import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';

/** People of the commune, and the public client settings. */
@Module({ controllers: [UsersController] })
export class UsersModule {}
