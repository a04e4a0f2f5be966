import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProblemFilter } from './common/problem/problem.filter';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DataDirLockedError } from './database/data-dir-lock';
import { openDatabase } from './database/data-source';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { UsersModule } from './modules/users/users.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { PeopleModule } from './modules/people/people.module';
import { EventsModule } from './modules/events/events.module';
import { SessionsModule } from './modules/sessions/sessions.module';
import { AgendaModule } from './modules/agenda/agenda.module';
import { RegistrationsModule } from './modules/registrations/registrations.module';
import { AttendanceModule } from './modules/attendance/attendance.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          // A server may be restarting: retry it. A locked or broken data directory will not heal.
          useFactory: () => ({
            type: 'postgres' as const,
            retryAttempts: config.database.kind === 'server' ? 5 : 0,
            retryDelay: 2000,
            toRetry: (error: unknown) => !(error instanceof DataDirLockedError),
          }),
          dataSourceFactory: () => openDatabase(config),
        }),
        HealthModule,
        UsersModule,
        AuthModule,
        OrganizationsModule,
        PeopleModule,
        EventsModule,
        SessionsModule,
        AgendaModule,
        RegistrationsModule,
        AttendanceModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
