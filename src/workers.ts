import cluster, { type Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { serveRateLimits } from './common/access/shared-rate-limits';
import type { AppConfig } from './config/config';

/** Set in a worker's environment: its index, from 0; only worker 0 loads the demo data. */
export const WORKER_INDEX_VARIABLE = 'RAKOR_WORKER_INDEX';

/**
 * The primary process of `WORKERS` > 1: forks the workers, which share the listening port
 * (node:cluster hands connections out in turn), and watches them. One Node process uses one core
 * for JavaScript; with a PostgreSQL server holding every limit, several processes serve one port
 * safely. A worker that dies after it was serving is replaced; one that dies before it ever
 * listened stops them all (a bad database URL would only fail again). SIGTERM or SIGINT is passed
 * to every worker, which finishes its requests in flight; the primary exits when they have.
 * The primary keeps the rate limits' counts, so that a client's requests count once whichever
 * worker serves them.
 */
export function runWorkers(config: AppConfig): void {
  const logger = new Logger('Rakor');
  const listening = new Set<number>();
  let stopping = false;
  let failed = false;
  const rateLimits = new ThrottlerStorageService(); // the one store of all the workers' counts

  const fork = (index: number): Worker => {
    const worker = cluster.fork({ [WORKER_INDEX_VARIABLE]: String(index) });
    serveRateLimits(worker, rateLimits);
    worker.on('listening', () => listening.add(index));
    worker.on('exit', (code, signal) => {
      if (stopping) {
        if (code !== 0) failed = true;
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
        return;
      }
      if (!listening.has(index)) {
        logger.error(
          `Worker ${index} stopped before serving (${signal ?? `code ${code}`}); stopping`,
        );
        failed = true;
        stop();
        return;
      }
      logger.error(`Worker ${index} stopped (${signal ?? `code ${code}`}); starting another`);
      listening.delete(index);
      fork(index);
    });
    return worker;
  };

  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter(
      (worker): worker is Worker => worker !== undefined,
    );
    if (workers.length === 0) process.exit(failed ? 1 : 0);
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      logger.error(`Workers still running after ${config.shutdownTimeoutMs} ms; stopping anyway`);
      for (const worker of workers) worker.process.kill('SIGKILL');
      process.exit(1);
    }, config.shutdownTimeoutMs + 1000).unref();
  };

  logger.log(`Starting ${config.workers} workers on port ${config.port}`);
  for (let index = 0; index < config.workers; index++) fork(index);
  process.on('SIGTERM', () => stop());
  process.on('SIGINT', () => stop());
}

/** Whether this process loads the demo data: the only process, or the first worker. */
export function isFirstProcess(): boolean {
  return cluster.isPrimary || process.env[WORKER_INDEX_VARIABLE] === '0';
}
