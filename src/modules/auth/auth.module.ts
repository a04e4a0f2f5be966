import cluster from 'node:cluster';
import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { RATE_LIMITS } from '../../common/access/rate-limits';
import { PrimaryThrottlerStorage } from '../../common/access/shared-rate-limits';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { resolveAuthSecret } from './auth-secret';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject: given a string, jsonwebtoken tries to parse it as a PEM key on every verify.
        secret: createSecretKey(Buffer.from(resolveAuthSecret(config), 'utf8')),
        signOptions: { algorithm: 'HS256', issuer: 'rakor' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'rakor' },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // One count per machine: a worker counts in the primary, which all workers share.
        storage: cluster.isWorker ? new PrimaryThrottlerStorage() : undefined,
        throttlers: [
          {
            name: RATE_LIMITS.login,
            limit: config.loginRateLimit.limit,
            ttl: config.loginRateLimit.ttlSeconds * 1000,
          },
          {
            name: RATE_LIMITS.public,
            limit: config.publicRateLimit.limit,
            ttl: config.publicRateLimit.ttlSeconds * 1000,
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthModule {}
