import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../migrations';
import { isEmbedded, pendingMigrationNames } from '../src/database/data-source';
import { pendingSchemaChanges } from '../src/database/schema-drift';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

describe('Database', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource.query(
      `CREATE TABLE scratch_counters (id int PRIMARY KEY, value int NOT NULL, CHECK (value >= 0))`,
    );
    await t.dataSource.query(`CREATE TABLE scratch_log (id serial PRIMARY KEY, tx int NOT NULL)`);
  });
  afterAll(() => t.close());

  it('should run on the database the run was configured for', () => {
    expect(isEmbedded(t.dataSource)).toBe(process.env.TEST_DATABASE_URL === undefined);
  });

  it('should isolate concurrent transactions and roll back the failed ones completely', async () => {
    await t.dataSource.query(`INSERT INTO scratch_counters VALUES (1, 0)`);
    // 60 transactions at once: each logs itself and increments the counter; every third one
    // then fails, and must leave no trace. A lost update or a leaked row changes the totals.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, tx) =>
        t.dataSource.transaction(async (manager) => {
          await manager.query(`INSERT INTO scratch_log (tx) VALUES ($1)`, [tx]);
          const [row] = await manager.query(
            `SELECT value FROM scratch_counters WHERE id = 1 FOR UPDATE`,
          );
          await new Promise((resolve) => setImmediate(resolve));
          await manager.query(`UPDATE scratch_counters SET value = $1 WHERE id = 1`, [
            row.value + 1,
          ]);
          if (tx % 3 === 0) throw new Error(`transaction ${tx} fails on purpose`);
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(20);
    expect(await t.dataSource.query(`SELECT value FROM scratch_counters WHERE id = 1`)).toEqual([
      { value: 40 },
    ]);
    const logged = await t.dataSource.query(`SELECT tx FROM scratch_log ORDER BY tx`);
    expect(logged.map((row: { tx: number }) => row.tx)).toEqual(
      Array.from({ length: 60 }, (_, tx) => tx).filter((tx) => tx % 3 !== 0),
    );
  });

  it('should roll back a transaction whose connection is released while still open', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`INSERT INTO scratch_counters VALUES (2, 7)`);
    await runner.release(); // neither committed nor rolled back
    expect(await t.dataSource.query(`SELECT * FROM scratch_counters WHERE id = 2`)).toEqual([]);
    // and the next caller starts outside any transaction
    await t.dataSource.query(`INSERT INTO scratch_counters VALUES (3, 1)`);
    const other = t.dataSource.createQueryRunner();
    await other.startTransaction();
    await other.query(`UPDATE scratch_counters SET value = 2 WHERE id = 3`);
    await other.rollbackTransaction();
    await other.release();
    expect(await t.dataSource.query(`SELECT value FROM scratch_counters WHERE id = 3`)).toEqual([
      { value: 1 },
    ]);
  });

  it('should return a constraint violation as an error without poisoning later work', async () => {
    await expect(t.dataSource.query(`INSERT INTO scratch_counters VALUES (4, -1)`)).rejects.toThrow(
      /check constraint/,
    );
    await expect(
      t.dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO scratch_counters VALUES (5, 1)`);
        await manager.query(`INSERT INTO scratch_counters VALUES (5, 1)`);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await t.dataSource.query(`SELECT id FROM scratch_counters WHERE id IN (4, 5)`)).toEqual(
      [],
    );
  });

  it('should parse values the way pg does on a server', async () => {
    const [row] = await t.dataSource.query(
      `SELECT 9007199254740993::bigint AS big, 1.50::numeric AS num, '2022-06-28'::date AS day,
              '2022-06-28T19:00:00+07:00'::timestamptz AS instant, '{"a":1}'::jsonb AS doc, true AS flag`,
    );
    expect(row).toEqual({
      big: '9007199254740993',
      num: '1.50',
      day: expect.any(Date),
      instant: new Date('2022-06-28T12:00:00.000Z'),
      doc: { a: 1 },
      flag: true,
    });
  });

  it('should have applied every migration, and the entities should agree with them', async () => {
    expect(await pendingMigrationNames(t.dataSource)).toEqual([]);
    expect(await pendingSchemaChanges(t.dataSource)).toEqual({ up: [], down: [] });
  });

  it('should list every migration file in migrations/index.ts, in order', () => {
    const files = readdirSync(join(__dirname, '..', 'migrations'))
      .filter((file) => /^\d+-\w+\.ts$/.test(file))
      .sort();
    const listed = MIGRATIONS.map((migration) => {
      const name = new migration().constructor.name;
      return `${name.replace(/^(\D+)(\d+)$/, '$2-$1')}.ts`;
    });
    expect(listed).toEqual(files);
  });

  it('should revert every migration and apply them again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await t.dataSource.undoLastMigration();
    expect(await pendingMigrationNames(t.dataSource)).toHaveLength(MIGRATIONS.length);
    const ready = await t.http.get('/health/ready');
    const problem = expectProblem(ready, 503, 'NOT_READY');
    expect(problem.checks).toMatchObject({
      database: { status: 'up' },
      migrations: { status: 'down' },
    });
    await t.dataSource.runMigrations();
    expect(await pendingSchemaChanges(t.dataSource)).toEqual({ up: [], down: [] });
    const readyAgain = await t.http.get('/health/ready').expect(200);
    expect(readyAgain.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, migrations: { status: 'up' } },
    });
  });
});
