import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ProblemFilter } from './common/problem/problem.filter';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DataDirLockedError } from './database/data-dir-lock';
import { openDatabase } from './database/data-source';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { UsersModule } from './modules/users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            // Fastify assigns the id (see app.ts); pino-http reuses it from the raw request.
            quietReqLogger: true,
            serializers: {
              req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
                remoteAddress: req.remoteAddress,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            customLogLevel: (_req, res, error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          },
        }),
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
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
