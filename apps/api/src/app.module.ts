import { createSecretKey } from 'crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'fs';
import { join } from 'path';
import { AppConfig } from '@app/config';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CityModule } from './city/city.module';
import { ConfigModule } from './common/config.module';
import { ApiErrorFilter } from './common/error.filter';
import { DelegationsModule } from './delegations/delegations.module';
import { HealthModule } from './health/health.module';
import { InboxModule } from './inbox/inbox.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OverdueModule } from './overdue/overdue.module';
import { PlansModule } from './plans/plans.module';
import { ReadModelModule } from './read-model/read-model.module';
import { ReportsModule } from './reports/reports.module';
import { SettingsModule } from './settings/settings.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';
import { AmendmentsModule } from './amendments/amendments.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

/** The API: one module per feature; settings, the database, JWT and the Temporal client are shared. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Handed to jsonwebtoken as a key object: given the secret as a string, it first tries (and fails) to read it as
    // a public key on every request, an exception that cost about a millisecond of the API's thread per request.
    const signingKey = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
    const web = existsSync(join(config.webDistDir, 'index.html'))
      ? [ServeStaticModule.forRoot({ rootPath: config.webDistDir, exclude: ['/api/{*path}'] })]
      : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ type: 'postgres', url: config.databaseUrl, synchronize: false, extra: { max: 10 } }),
        JwtModule.register({ global: true, secretOrKeyProvider: () => signingKey, signOptions: { expiresIn: config.jwtTtl as any } }),
        ReadModelModule,
        TemporalModule,
        AuthModule,
        HealthModule,
        PlansModule,
        TasksModule,
        InboxModule,
        OverdueModule,
        DelegationsModule,
        UsersModule,
        UnitsModule,
        ReportsModule,
        AmendmentsModule,
        CalendarModule,
        SettingsModule,
        NotificationsModule,
        CityModule,
        ...web,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiErrorFilter }],
    };
  }
}
