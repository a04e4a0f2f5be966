import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig, DatabaseConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../migrations';
import { DataDirLock } from './data-dir-lock';
import { pglitePool, ServerPool } from './transaction-safe-pool';

const MIGRATION_LOCK_KEY = 7_240_628; // pg_advisory_lock key held while migrating a server

/** Options shared by every connection: entities, migrations, and no synchronize. */
function baseOptions(): Omit<DataSourceOptions & { type: 'postgres' }, 'type'> {
  return {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  };
}

/**
 * Builds (but does not initialize) the DataSource for a database configuration.
 * Embedded: opens PGlite on the data directory under an exclusive lock; the lock and PGlite are
 * closed when the DataSource is destroyed.
 */
export async function createDataSource(database: DatabaseConfig): Promise<DataSource> {
  if (database.kind === 'server') {
    return new DataSource({
      type: 'postgres',
      url: database.url,
      poolSize: database.poolSize,
      applicationName: 'rakor',
      driver: { Pool: ServerPool },
      ...baseOptions(),
    });
  }
  const inMemory = database.dataDir.startsWith('memory://');
  const lock = inMemory ? undefined : DataDirLock.acquire(database.dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create(database.dataDir);
    const pool = pglitePool(pglite, async () => {
      await pglite.close();
      lock?.release();
    });
    return new DataSource({
      type: 'postgres',
      driver: {
        Pool: function PglitePoolFactory() {
          return pool;
        },
      },
      ...baseOptions(),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Opens the database, applying pending migrations first when asked to. */
export async function openDatabase(
  config: Pick<AppConfig, 'database' | 'migrateOnStart'>,
): Promise<DataSource> {
  const dataSource = await createDataSource(config.database);
  await dataSource.initialize();
  try {
    if (config.migrateOnStart) await runMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/**
 * Applies pending migrations. On a server several processes may start at once, so they take
 * turns under an advisory lock; an embedded database has one process by construction.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (isEmbedded(dataSource)) {
    return (await dataSource.runMigrations()).map((migration) => migration.name);
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return (await dataSource.runMigrations()).map((migration) => migration.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await runner.release();
  }
}

export function isEmbedded(dataSource: DataSource): boolean {
  const driver = (dataSource.options as { driver?: { Pool?: unknown } }).driver;
  return driver?.Pool !== ServerPool;
}

/** The migrations this build knows that the database has not applied (one cheap query). */
export async function pendingMigrationNames(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource
    .query<{ name: string }[]>('SELECT name FROM migrations')
    .catch((): { name: string }[] => []); // no migrations table yet: everything is pending
  const applied = new Set(rows.map((row) => row.name));
  return dataSource.migrations
    .map((migration) => migration.name ?? migration.constructor.name)
    .filter((name) => !applied.has(name));
}
