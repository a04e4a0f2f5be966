import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  type HealthCheckResult,
  HealthCheckService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../../common/access/access.decorator';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import { MigrationsHealthIndicator } from './migrations.health';
import { HealthDto } from './health.dto';

/** Probes for load balancers and orchestrators; outside /api/v1. */
@ApiTags(ApiTag.Health)
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly migrations: MigrationsHealthIndicator,
  ) {}

  /** Liveness: the process serves requests. */
  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthDto })
  checkLiveness(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Readiness: the database answers and every migration is applied. */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthDto })
  @ApiProblems(503)
  async checkReadiness(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 3000 }),
        () => this.migrations.isUpToDate('migrations'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      throw new ServiceUnavailableException({
        code: 'NOT_READY',
        detail: `Not ready: ${Object.keys(result.error ?? {}).join(', ')} failed.`,
        extensions: { checks: result.details },
      });
    }
  }
}
