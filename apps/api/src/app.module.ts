import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'fs';
import { join } from 'path';
import { AppConfig } from '@app/config';
import { ENTITIES } from '@app/persistence';
import { AuthController } from './auth/auth.controller';
import { JwtAuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { APP_CONFIG } from './common/config.provider';
import { ApiErrorFilter } from './common/error.filter';
import { DelegationsController } from './delegations/delegations.controller';
import { DelegationsService } from './delegations/delegations.service';
import { HealthController } from './health/health.controller';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { PlansController } from './plans/plans.controller';
import { PlansService } from './plans/plans.service';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { TemporalService } from './temporal/temporal.service';
import { UsersController } from './users/users.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const web = existsSync(join(config.webDistDir, 'index.html'))
      ? [ServeStaticModule.forRoot({ rootPath: config.webDistDir, exclude: ['/api/{*path}'] })]
      : [];
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ type: 'postgres', url: config.databaseUrl, entities: ENTITIES, synchronize: false, extra: { max: 10 } }),
        JwtModule.register({ secret: config.jwtSecret, signOptions: { expiresIn: config.jwtTtl as any } }),
        ...web,
      ],
      controllers: [AuthController, HealthController, PlansController, TasksController, InboxController, DelegationsController, UsersController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        AuthService,
        TemporalService,
        PlansService,
        TasksService,
        InboxService,
        DelegationsService,
      ],
    };
  }
}
