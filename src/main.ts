import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { DataDirLockedError } from './database/data-dir-lock';
import { loadReferenceWorkshop } from './demo/reference-workshop';
import { isFirstProcess, runWorkers } from './workers';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) {
    runWorkers(config);
    return;
  }
  const app = await createApp(config);
  const logger = new Logger('Rakor');
  if (config.demoData && isFirstProcess()) {
    const report = await loadReferenceWorkshop(app);
    logger.log(
      `Reference workshop ready: event ${report.eventId}, ${report.created.sessions} agenda items added`,
    );
  }
  await app.listen({ host: config.host, port: config.port });
  const url = await app.getUrl();
  logger.log(`Rakor is listening on ${url} (API ${url}/api/v1, docs ${url}/docs)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing requests in flight, then stopping`);
    setTimeout(() => {
      logger.error(`Requests still running after ${config.shutdownTimeoutMs} ms; stopping anyway`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    // Stop accepting and let requests in flight finish first; only then close the database.
    (app.getHttpAdapter().close() as Promise<void>)
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(error);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirLockedError;
  process.stderr.write(
    `Rakor could not start.\n${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
