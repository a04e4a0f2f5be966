import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { createRootLogger, PinoNestLogger } from '../common/logging/logger';
import { type AppConfig, ConfigError, loadConfig } from '../config/config';
import { DataDirLockedError } from '../database/data-dir-lock';
import { createDataSource, pendingMigrationNames } from '../database/data-source';
import { loadReferenceWorkshop } from '../demo/reference-workshop';

/**
 * `npm run demo`: loads the reference workshop into the configured database. A new database is
 * migrated first; a server database with only some migrations applied is left to
 * `npm run migration:run`, as operators run migrations there explicitly.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const migrateOnStart = config.migrateOnStart || (await isNewServerDatabase(config));
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, migrateOnStart }),
    // A command prints its report, not the framework's start-up lines, unless LOG_LEVEL asks.
    {
      logger: new PinoNestLogger(
        createRootLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn').child({
          component: 'demo',
        }),
      ),
    },
  );
  try {
    const report = await loadReferenceWorkshop(app);
    const line = (tally: Record<string, number>) =>
      Object.entries(tally)
        .map(([kind, count]) => `${count} ${kind}`)
        .join(', ');
    process.stdout.write(
      `Reference workshop loaded (event ${report.eventId}).\n` +
        `  created: ${line(report.created)}\n` +
        `  already there: ${line(report.found)}\n` +
        `  agenda: ${report.agenda.created ? 'generated and published' : 'already there'}, ` +
        `version ${report.agenda.version ?? 'none'}\n` +
        `  taking part: ${report.participants.ministriesAndAgencies} ministries and agencies, ` +
        `${report.participants.regionalGovernments} provinces\n` +
        `  attendance: ${report.attendance.recorded} entries recorded, ` +
        `${report.attendance.chainLength} in the chain\n`,
    );
  } finally {
    await app.close();
  }
}

async function isNewServerDatabase(config: AppConfig): Promise<boolean> {
  if (config.database.kind !== 'server') return false;
  const dataSource = await createDataSource(config.database);
  await dataSource.initialize();
  try {
    const pending = await pendingMigrationNames(dataSource);
    if (pending.length === dataSource.migrations.length) return true;
    if (pending.length > 0) {
      throw new ConfigError([
        {
          variable: 'DATABASE_URL',
          message: `the database lacks migrations ${pending.join(', ')}; run \`npm run migration:run\` first`,
        },
      ]);
    }
    return false;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirLockedError;
  process.stderr.write(
    `The demo could not be loaded.\n${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
