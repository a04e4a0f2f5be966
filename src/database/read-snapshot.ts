import type { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import type { DataSource, QueryRunner } from 'typeorm';
import { ServerPool } from './transaction-safe-pool';

/** Rows fetched per round trip when streaming: large enough to be quick, small enough to stay flat. */
const ROWS_PER_FETCH = 1000;

/**
 * One connection in a read-only REPEATABLE READ transaction, for reads that must agree with each
 * other and may run long: an export's header, its chain head and its 100,000 rows all see the
 * same committed state, and rows come from a cursor a batch at a time, so memory stays flat.
 * Holds its connection until `close()`; open it last, after any other query of the request, so
 * that no request holds two connections (over PGlite there is only one).
 */
export class ReadSnapshot {
  private closed = false;

  private constructor(
    private readonly runner: QueryRunner,
    private readonly client: PoolClient,
    /** Whether the connection is a PostgreSQL server's socket, which COPY can stream over. */
    readonly canCopy: boolean,
  ) {}

  static async open(dataSource: DataSource): Promise<ReadSnapshot> {
    const runner = dataSource.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as PoolClient;
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const pool = (dataSource.driver as unknown as { master: unknown }).master;
      return new ReadSnapshot(runner, client, pool instanceof ServerPool);
    } catch (error) {
      await runner.release();
      throw error;
    }
  }

  query<Row>(sql: string, parameters: unknown[] = []): Promise<Row[]> {
    return this.runner.query(sql, parameters) as Promise<Row[]>;
  }

  /** The rows of a query, fetched through a cursor a batch at a time, with back-pressure. */
  async *rows<Row>(sql: string, parameters: unknown[] = []): AsyncGenerator<Row> {
    const stream = this.client.query(
      new QueryStream(sql, parameters, {
        batchSize: ROWS_PER_FETCH,
        highWaterMark: ROWS_PER_FETCH,
      }),
    );
    try {
      for await (const row of stream) yield row as Row;
    } finally {
      stream.destroy();
    }
  }

  /**
   * `COPY (query) TO STDOUT` as a byte stream: PostgreSQL formats the rows itself, the quickest
   * way out of the database. COPY takes no parameters, so values go in as `literal()`s. Only over
   * a server's socket: null over PGlite, whose in-process connection does not stream COPY. Read it
   * to the end before `close()`, even when the reader has gone (`resume()` drains it): the
   * connection is busy until the COPY is done.
   */
  copyOut(copySql: string): Readable | null {
    if (!this.canCopy) return null;
    return this.client.query(copyTo(copySql));
  }

  /** A value as an SQL string literal, quoted and escaped by the driver, for `copyOut`. */
  literal(value: string): string {
    return this.client.escapeLiteral(value);
  }

  /** Ends the transaction and gives the connection back; safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.runner.query('COMMIT');
    } catch {
      // A broken COPY or cursor leaves the connection mid-transaction: the pool rolls it back.
    } finally {
      await this.runner.release();
    }
  }
}
