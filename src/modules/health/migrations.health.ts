import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { pendingMigrationNames } from '../../database/data-source';

@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async isUpToDate(key: string) {
    const check = this.indicator.check(key);
    const pending = await pendingMigrationNames(this.dataSource);
    return pending.length > 0
      ? check.down({ message: 'Migrations are pending: run npm run migration:run', pending })
      : check.up();
  }
}
