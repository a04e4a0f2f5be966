import { EventEmitter } from 'node:events';
import { Pool, type PoolClient, type QueryResult } from 'pg';
import type { PGlite } from '@electric-sql/pglite';

type ConnectCallback = (
  error: Error | undefined,
  client: PoolClient | undefined,
  release: (error?: Error | boolean) => void,
) => void;

/**
 * A `pg`-compatible pool over PGlite's single session.
 *
 * PGlite has exactly one backend session. This pool hands it to one client at a time, in the
 * order clients asked (a `pg` pool of size one over PGlite's wire-protocol connection), and when
 * a client is released while still inside a transaction it rolls that transaction back before
 * the next client gets the session, so no transaction ever sees another's uncommitted work.
 * `pg` parses the results, so rows come back exactly as they do from a PostgreSQL server.
 */
export class PglitePool extends EventEmitter {
  private readonly inner: Pool;

  constructor(
    private readonly pglite: PGlite,
    private readonly onEnd: () => Promise<void> = async () => undefined,
  ) {
    super();
    // Loaded lazily: the adapter is an ES module inside the PGlite package.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createPgConfig } = require('@electric-sql/pglite/node-postgres') as {
      createPgConfig: (db: PGlite) => object;
    };
    this.inner = new Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
    this.inner.on('error', (error) => this.emit('error', error));
  }

  get totalCount(): number {
    return this.inner.totalCount;
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
      if (!this.pglite.isInTransaction()) return release(error);
      // Roll back before anyone else gets the session: a transaction left open must not leak.
      client.query('ROLLBACK').then(
        () => release(error),
        (rollbackError: Error) => release(rollbackError),
      );
    };
    return client;
  }
}
