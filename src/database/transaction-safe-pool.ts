import { EventEmitter } from 'node:events';
import { Pool, type PoolClient, type PoolConfig, type QueryResult } from 'pg';
import type { PGlite } from '@electric-sql/pglite';

type ConnectCallback = (
  error: Error | undefined,
  client: PoolClient | undefined,
  release: (error?: Error | boolean) => void,
) => void;

type TransactionStatus = 'I' | 'T' | 'E' | null;

/**
 * A `pg` pool that never hands out a connection inside a transaction: a client released while
 * its transaction is still open (or failed) is rolled back first. Without this, a code path that
 * forgets to commit leaks its uncommitted writes, and its locks, to the next borrower.
 *
 * Over PGlite the inner pool has size one, over PGlite's wire-protocol connection: its single
 * session goes to one client at a time, in the order they asked, so concurrent transactions
 * queue instead of interleaving on one session. `pg` parses every result, so rows come back
 * exactly as they do from a PostgreSQL server.
 */
export class TransactionSafePool extends EventEmitter {
  constructor(
    private readonly inner: Pool,
    private readonly onEnd: () => Promise<void> = async () => undefined,
  ) {
    super();
    this.inner.on('error', (error) => this.emit('error', error));
  }

  get totalCount(): number {
    return this.inner.totalCount;
  }

  get idleCount(): number {
    return this.inner.idleCount;
  }

  get waitingCount(): number {
    return this.inner.waitingCount;
  }

  connect(): Promise<PoolClient>;
  connect(callback: ConnectCallback): void;
  connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    const promise = this.checkout();
    if (!callback) return promise;
    promise.then(
      (client) => callback(undefined, client, (error) => client.release(error)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  async query(text: string, values?: unknown[]): Promise<QueryResult> {
    const client = await this.checkout();
    try {
      return await client.query(text, values);
    } finally {
      client.release();
    }
  }

  end(callback?: (error?: Error) => void): Promise<void> {
    const promise = this.inner.end().then(this.onEnd);
    if (callback) promise.then(() => callback(), callback);
    return promise;
  }

  private async checkout(): Promise<PoolClient> {
    const client = await this.inner.connect();
    const release = client.release.bind(client);
    let released = false;
    client.release = (error?: Error | boolean) => {
      if (released) return;
      released = true;
      const status = (
        client as PoolClient & { getTransactionStatus(): TransactionStatus }
      ).getTransactionStatus();
      if (status !== 'T' && status !== 'E') return release(error);
      client.query('ROLLBACK').then(
        () => release(error),
        (rollbackError: Error) => release(rollbackError),
      );
    };
    return client;
  }
}

/** A pool over a PostgreSQL server, configured by TypeORM's connection options. */
export class ServerPool extends TransactionSafePool {
  constructor(options: PoolConfig) {
    super(new Pool(options));
  }
}

/** A pool of one over PGlite's single session; `onEnd` closes PGlite. */
export function pglitePool(pglite: PGlite, onEnd: () => Promise<void>): TransactionSafePool {
  // The adapter is an ES module inside the PGlite package, loaded as CommonJS here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createPgConfig } = require('@electric-sql/pglite/node-postgres') as {
    createPgConfig: (db: PGlite) => PoolConfig;
  };
  return new TransactionSafePool(
    new Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 }),
    onEnd,
  );
}
