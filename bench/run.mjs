// Rakor's benchmark suite: `npm run bench` (builds, then runs this file). See docs/benchmarks.md.
//
//  1. Start-to-ready: spawn `node dist/src/main.js`, poll GET /health/ready until 200; on PGlite
//     (new directory, existing directory) and on the PostgreSQL server (empty, migrated database).
//  2. Throughput: autocannon (in this process) against GET /health and an authenticated
//     GET /api/v1/auth/me, each beside a bare Fastify handler doing the same work, as a ratio.
//  3. Idle RSS of the app process, after it is ready and has served a few requests.
//  4. Catalog reads (bench/catalog.mjs): an organization search and an event's session list on
//     demo plus bulk data, each beside the same SQL through pgbench, as a ratio.
//  5. Registration throughput (bench/registration.mjs): POST registrations at 50 connections
//     (free seats, and a full event's waitlist) beside the same transaction through pgbench.
//  6. Attendance (bench/attendance.mjs): POST check-ins at 50 connections, each a new one, beside
//     the same statements through pgbench; and the daftar hadir export of 100,000 delegates as
//     CSV and XLSX beside COPY of the same query, with the service's RSS during each export.
//  7. Agenda core (bench/agenda.mjs): conflict detection on 5,000 items beside a sort and an
//     all-pairs scan of the same intervals, generation of 600 items in 12 rooms over 3 days, and
//     the generator's gap to the exact optimum (HiGHS) on small instances. No server, no database.
//
// Parts: `node bench/run.mjs` runs all of them; `node bench/run.mjs catalog` (or
// BENCH_ONLY=catalog) only the catalog reads, `node bench/run.mjs core` (or BENCH_ONLY=core)
// only 1-3, `node bench/run.mjs registration` only 5, `node bench/run.mjs attendance` (or
// BENCH_ONLY=attendance) only 6, `node bench/run.mjs agenda` (or BENCH_ONLY=agenda) only 7,
// without PostgreSQL.
// Several parts: `node bench/run.mjs core catalog` or BENCH_ONLY=core,catalog.
//
// Environment: BENCH_DURATION (s per measured run, default 10), BENCH_WARMUP (s, default 2),
// BENCH_ROUNDS (default 3), BENCH_STARTS (starts per kind, default 5), BENCH_CONNECTIONS
// (default 50), BENCH_PG_URL (maintenance database on a local PostgreSQL server, default
// postgres://postgres@127.0.0.1:5432/postgres), BENCH_JSON (also write the results there),
// BENCH_WORKERS (WORKERS of every app process on the server, default 1),
// for the attendance part BENCH_ATTENDANCE_ROWS (registrations in its event, default 100000), and
// for the agenda part AGENDA_DIST, BENCH_AGENDA_RUNS and BENCH_AGENDA_SEEDS (see bench/agenda.mjs).
import console from 'node:console';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL } from 'node:url';
import pg from 'pg';
import { reportAgenda, runAgenda } from './agenda.mjs';
import { ATTENDANCE_PART, attendanceRows } from './attendance.mjs';
import { CATALOG_PART } from './catalog.mjs';
import { REGISTRATION_PART } from './registration.mjs';
import { measure } from './http.mjs';
import {
  HOST,
  assertPortFree,
  fixed,
  integerSetting,
  mb,
  median,
  readMemoryKb,
  request,
  spawnNode,
  stopAll,
  stopProcess,
  table,
  waitFor200,
} from './lib.mjs';
import { MAIN, ROOT, logIn, startApp, stopApp, timeStart } from './startup.mjs';

/**
 * Ports 3100-3199 belong to the benchmarks; bench/catalog.mjs uses 3140-3149,
 * bench/registration.mjs 3150-3159, bench/attendance.mjs 3160-3169.
 */
const PORT = {
  startup: 3110,
  appServer: 3120,
  barePg: 3121,
  barePgStringKey: 3122,
  appPglite: 3130,
  barePglite: 3131,
};

/** The parts of the suite, in the order they run. */
const PARTS = ['core', 'catalog', 'registration', 'attendance', 'agenda'];

const TARGET = { authRatio: 0.5, readyServerMs: 1500, readyPgliteMs: 2000, idleRssServerMB: 200 };

/** Seconds to leave a process alone before reading its idle RSS. */
const IDLE_SECONDS = 2;

/** The parts named on the command line, else in BENCH_ONLY (comma-separated), else all. */
function readParts() {
  const args = process.argv.slice(2);
  const names = args.length > 0 ? args : (process.env.BENCH_ONLY?.split(',') ?? []);
  const parts = names.map((name) => name.trim()).filter(Boolean);
  for (const part of parts) {
    if (!PARTS.includes(part)) {
      throw new Error(`Unknown part "${part}": choose among ${PARTS.join(', ')}`);
    }
  }
  return parts.length > 0 ? PARTS.filter((part) => parts.includes(part)) : PARTS;
}

function readSettings() {
  const pgUrl = process.env.BENCH_PG_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';
  const host = new URL(pgUrl).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    throw new Error(`BENCH_PG_URL must point at this machine (127.0.0.1), not ${host}`);
  }
  const seconds = integerSetting('BENCH_DURATION', 10, 1, 600);
  return {
    seconds,
    warmupSeconds: integerSetting('BENCH_WARMUP', Math.min(2, seconds), 0, 60),
    rounds: integerSetting('BENCH_ROUNDS', 3, 1, 10),
    starts: integerSetting('BENCH_STARTS', 5, 1, 20),
    connections: integerSetting('BENCH_CONNECTIONS', 50, 1, 1000),
    pgUrl,
    json: process.env.BENCH_JSON?.trim() || undefined,
    attendanceRows: attendanceRows(),
    parts: readParts(),
  };
}

// ---------------------------------------------------------------- throwaway PostgreSQL databases

const DB_PREFIX = 'rakor_bench_';
const createdDatabases = new Set();

async function withAdmin(settings, work) {
  const client = new pg.Client({ connectionString: settings.pgUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(settings, name) {
  const url = new URL(settings.pgUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createDatabase(settings, name) {
  await withAdmin(settings, (client) => client.query(`CREATE DATABASE "${name}"`));
  createdDatabases.add(name);
}

async function dropDatabase(settings, name) {
  await withAdmin(settings, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
  createdDatabases.delete(name);
}

/** Databases left by a bench run that was killed (its pid, in the name, no longer runs). */
async function dropStaleDatabases(settings) {
  const { rows } = await withAdmin(settings, (client) =>
    client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${DB_PREFIX}%`]),
  );
  for (const { datname } of rows) {
    const pid = Number(new RegExp(`^${DB_PREFIX}(\\d+)_\\d+$`).exec(datname)?.[1]);
    if (!Number.isInteger(pid) || isRunning(pid)) continue;
    await dropDatabase(settings, datname);
    console.log(`  dropped ${datname}, left by an earlier run`);
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

// ---------------------------------------------------------------------------------- cleanup

let tmpRoot;
let settingsForCleanup;
let cleaning;

/** Stops every child, drops every database and removes the temporary directory; once. */
function cleanup() {
  cleaning ??= (async () => {
    await stopAll();
    for (const name of [...createdDatabases]) {
      try {
        await dropDatabase(settingsForCleanup, name);
      } catch (error) {
        console.error(`Could not drop the database ${name}: ${error.message}`);
      }
    }
    if (tmpRoot) rmSync(tmpRoot, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers and removing the temporary data`);
    void cleanup().finally(() => process.exit(code));
  });
}

// ------------------------------------------------------------------------------ measurements

async function startBare(label, port, env) {
  await assertPortFree(port);
  const since = performance.now();
  const handle = spawnNode(label, join(ROOT, 'bench', 'bare-server.mjs'), {
    env: { ...process.env, ...env, PORT: String(port) },
    cwd: ROOT,
    keepStdinOpen: true,
  });
  await waitFor200(`http://${HOST}:${port}/health`, { handle, since, timeoutMs: 30000 });
  return handle;
}

/** "A few requests": the liveness (and readiness) probe and the signed-in user, 10 times. */
async function exercise(port, headers, { ready = true } = {}) {
  const paths = ['/health', '/api/v1/auth/me', ...(ready ? ['/health/ready'] : [])];
  for (let i = 0; i < 10; i++) {
    for (const path of paths) {
      const res = await request('GET', `http://${HOST}:${port}${path}`, { headers });
      if (res.status !== 200) {
        throw new Error(`GET :${port}${path} answered ${res.status}: ${res.text}`);
      }
    }
  }
}

async function idleMemory(pid) {
  await sleep(IDLE_SECONDS * 1000);
  return readMemoryKb(pid);
}

const url = (port, path) => `http://${HOST}:${port}${path}`;
const side = (name, port, path, headers) => ({ name, url: url(port, path), headers, runs: [] });

/**
 * Measures the sides of each comparison back to back, BENCH_ROUNDS times, reversing their order
 * every other round so that no side always gets the quieter moment.
 */
async function measureComparisons(settings, comparisons) {
  for (let round = 0; round < settings.rounds; round++) {
    for (const comparison of comparisons) {
      const sides = [
        comparison.bare,
        comparison.app,
        ...(comparison.extra ? [comparison.extra] : []),
      ];
      for (const target of round % 2 === 0 ? sides : sides.reverse()) {
        const run = await measure({ ...settings, url: target.url, headers: target.headers });
        target.runs.push(run);
        console.log(
          `  round ${round + 1}  ${comparison.label.padEnd(20)} ${comparison.database.padEnd(7)}` +
            `${target.name.padEnd(38)}${fixed(run.reqPerSec, 0).padStart(7)} req/s  ` +
            `p50 ${run.p50} ms  p99 ${run.p99} ms` +
            (run.non2xx || run.errors ? `  non-2xx ${run.non2xx}  errors ${run.errors}` : ''),
        );
      }
    }
  }
}

function summarize(target) {
  const total = (field) => target.runs.reduce((sum, run) => sum + run[field], 0);
  return {
    name: target.name,
    reqPerSec: median(target.runs.map((run) => run.reqPerSec)),
    p50: median(target.runs.map((run) => run.p50)),
    p99: median(target.runs.map((run) => run.p99)),
    ok: total('ok'),
    non2xx: total('non2xx'),
    errors: total('errors'),
    runs: target.runs,
  };
}

// ------------------------------------------------------------------------------------- main

function machineInfo(pgVersion) {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  } catch {
    // not a git checkout
  }
  const autocannonVersion = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', 'autocannon', 'package.json'), 'utf8'),
  ).version;
  return {
    date: new Date().toISOString(),
    cpus: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: os.totalmem() / 2 ** 30,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg(),
    node: process.version,
    postgres: pgVersion,
    autocannon: autocannonVersion,
    commit: commit.trim(),
  };
}

const loads = (list) => list.map((load) => load.toFixed(2)).join(' ');

async function main() {
  const settings = readSettings();
  settingsForCleanup = settings;
  // The agenda part alone needs neither the app nor a database.
  const needsDatabase = settings.parts.some((part) => part !== 'agenda');
  if (needsDatabase && !existsSync(MAIN)) {
    throw new Error(`${MAIN} is missing: run npm run build first (npm run bench does).`);
  }
  const pgVersion = needsDatabase
    ? await withAdmin(settings, async (client) => {
        const { rows } = await client.query('SHOW server_version');
        return rows[0].server_version;
      })
    : 'not used';
  const machine = machineInfo(pgVersion);
  tmpRoot = mkdtempSync(join(os.tmpdir(), 'rakor-bench-'));

  console.log(`Rakor benchmarks, ${machine.date}`);
  console.log(
    `  machine     ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB.toFixed(1)} ` +
      `GiB RAM, ${machine.os}, load average ${loads(machine.loadAverage)}`,
  );
  console.log(
    `  software    Node ${machine.node}, PostgreSQL ${machine.postgres}, autocannon ` +
      `${machine.autocannon}, commit ${machine.commit} (the working tree as built in dist/)`,
  );
  console.log(
    `  settings    ${settings.connections} connections, ${settings.seconds} s per run after ` +
      `${settings.warmupSeconds} s warm-up, ${settings.rounds} round(s), ` +
      (settings.parts.includes('core') ? `${settings.starts} starts per kind, ` : '') +
      `parts: ${settings.parts.join(', ')}`,
  );
  console.log(
    '  note        autocannon runs in this process and each server in its own, on a small\n' +
      '              shared machine: absolute figures are noisy, compare the ratios.',
  );

  if (needsDatabase) await dropStaleDatabases(settings);
  const authSecret = randomBytes(36).toString('base64url');
  const dbName = (i) => `${DB_PREFIX}${process.pid}_${i}`;
  const pgliteDir = (i) => join(tmpRoot, `pglite-${i}`);
  const server = (i) => ({ url: databaseUrl(settings, dbName(i)), authSecret });

  const names = { authSecret, dbName, pgliteDir, server };
  const results = { machine, settings };
  if (settings.parts.includes('core')) {
    Object.assign(results, await runCore(settings, machine, names));
  }
  const heading = (title) => {
    console.log(`\n${'='.repeat(100)}`);
    console.log(
      `${title} results, ${new Date().toISOString()}: load average ` +
        `${loads(machine.loadAverage)} at the start of the run and ${loads(os.loadavg())} now`,
    );
  };
  // Each on a database of its own, numbered past any BENCH_STARTS so that a killed run's is
  // dropped.
  for (const part of [CATALOG_PART, REGISTRATION_PART, ATTENDANCE_PART]) {
    if (!settings.parts.includes(part.key)) continue;
    const name = dbName(part.databaseNumber);
    await createDatabase(settings, name);
    const database = { name, url: databaseUrl(settings, name), authSecret };
    const partResults = await part.run(settings, database, tmpRoot);
    await dropDatabase(settings, name);
    heading(part.title);
    partResults.targets = part.report(settings, partResults);
    results[part.key] = partResults;
  }
  if (settings.parts.includes('agenda')) {
    const agenda = await runAgenda();
    heading('Agenda');
    agenda.targets = reportAgenda(agenda);
    results.agenda = agenda;
  }
  if (settings.json) {
    writeFileSync(settings.json, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nResults written to ${settings.json}`);
  }
}

/** Parts 1-3: start-to-ready, throughput beside bare Fastify, and memory. */
async function runCore(settings, machine, { authSecret, dbName, pgliteDir, server }) {
  // 1. Start-to-ready; the four kinds interleaved so that noise spreads over all of them. The
  //    existing directory and the migrated database are those of the first round.
  console.log('\nStart-to-ready (spawn until GET /health/ready answers 200)');
  const starts = { pgliteNew: [], pgliteExisting: [], serverEmpty: [], serverMigrated: [] };
  for (let i = 0; i < settings.starts; i++) {
    const port = PORT.startup;
    starts.pgliteNew.push(
      await timeStart('Rakor, new PGlite dir', port, { dataDir: pgliteDir(i) }),
    );
    starts.pgliteExisting.push(
      await timeStart('Rakor, existing PGlite dir', port, { dataDir: pgliteDir(0) }),
    );
    await createDatabase(settings, dbName(i));
    starts.serverEmpty.push(await timeStart('Rakor, empty server database', port, server(i)));
    starts.serverMigrated.push(await timeStart('Rakor, migrated server database', port, server(0)));
    if (i > 0) {
      await dropDatabase(settings, dbName(i));
      rmSync(pgliteDir(i), { recursive: true, force: true });
    }
    const last = (list) => `${fixed(list.at(-1), 0)} ms`;
    console.log(
      `  start ${i + 1}/${settings.starts}  PGlite new dir ${last(starts.pgliteNew)}, ` +
        `existing dir ${last(starts.pgliteExisting)}; server empty db ${last(starts.serverEmpty)}, ` +
        `migrated db ${last(starts.serverMigrated)}`,
    );
  }

  // 2 and 3 on the server: Rakor and the bare handlers on the migrated database.
  console.log(`\nThroughput and memory on the PostgreSQL server`);
  const memory = {};
  const barePgEnv = {
    BARE_DB: 'pg',
    DATABASE_URL: server(0).url,
    AUTH_SECRET: authSecret,
    BARE_POOL_SIZE: '10', // Rakor's default DATABASE_POOL_SIZE
  };
  const barePg = await startBare('bare Fastify + pg', PORT.barePg, barePgEnv);
  const barePgStringKey = await startBare('bare Fastify + pg, string key', PORT.barePgStringKey, {
    ...barePgEnv,
    BARE_JWT_KEY: 'string',
  });
  const appServer = (await startApp('Rakor on the server', PORT.appServer, server(0))).handle;
  const serverAuth = { authorization: `Bearer ${await logIn(PORT.appServer)}` };
  await exercise(PORT.appServer, serverAuth);
  await exercise(PORT.barePg, serverAuth, { ready: false });
  await exercise(PORT.barePgStringKey, serverAuth, { ready: false });
  memory.server = { app: await idleMemory(appServer.pid), bare: readMemoryKb(barePg.pid) };
  const me = '/api/v1/auth/me';
  const health = {
    label: 'GET /health',
    database: '-',
    bare: side('bare Fastify', PORT.barePg, '/health'),
    app: side('Rakor', PORT.appServer, '/health'),
  };
  const meServer = {
    label: `GET ${me}`,
    database: 'server',
    bare: side('bare Fastify + pg', PORT.barePg, me, serverAuth),
    app: side('Rakor', PORT.appServer, me, serverAuth),
    extra: side('bare Fastify + pg, JWT key as string', PORT.barePgStringKey, me, serverAuth),
  };
  await measureComparisons(settings, [health, meServer]);
  memory.server.appAfterLoad = await idleMemory(appServer.pid);
  await stopApp(appServer);
  await stopProcess(barePg);
  await stopProcess(barePgStringKey);

  // 2 and 3 on PGlite: Rakor on the directory of the first start, bare Fastify + PGlite on a
  // copy of it (two processes must never open one directory).
  console.log(`\nThroughput and memory on PGlite`);
  const bareDir = join(tmpRoot, 'pglite-bare');
  cpSync(pgliteDir(0), bareDir, { recursive: true });
  const appPglite = (await startApp('Rakor on PGlite', PORT.appPglite, { dataDir: pgliteDir(0) }))
    .handle;
  const pgliteAuth = { authorization: `Bearer ${await logIn(PORT.appPglite)}` };
  await exercise(PORT.appPglite, pgliteAuth);
  memory.pglite = { app: await idleMemory(appPglite.pid) };
  const barePglite = await startBare('bare Fastify + PGlite', PORT.barePglite, {
    BARE_DB: 'pglite',
    DATA_DIR: bareDir,
  });
  await exercise(PORT.barePglite, pgliteAuth, { ready: false });
  memory.pglite.bare = readMemoryKb(barePglite.pid);
  const mePglite = {
    label: `GET ${me}`,
    database: 'PGlite',
    bare: side('bare Fastify + PGlite', PORT.barePglite, me, pgliteAuth),
    app: side('Rakor', PORT.appPglite, me, pgliteAuth),
  };
  await measureComparisons(settings, [mePglite]);
  memory.pglite.appAfterLoad = await idleMemory(appPglite.pid);
  await stopApp(appPglite);
  await stopProcess(barePglite);

  return report(settings, machine, starts, memory, { health, meServer, mePglite });
}

// ----------------------------------------------------------------------------------- report

function report(settings, machine, starts, memory, comparisons) {
  const [health, meServer, mePglite] = Object.values(comparisons).map((comparison) => ({
    ...comparison,
    bare: summarize(comparison.bare),
    app: summarize(comparison.app),
    extra: comparison.extra && summarize(comparison.extra),
  }));
  const all = [health, meServer, mePglite];
  const sides = (comparison) => [comparison.bare, comparison.app, comparison.extra].filter(Boolean);
  const clean = all.every((c) => sides(c).every((s) => s.non2xx === 0 && s.errors === 0));
  const ratio = (app, bare) => app.reqPerSec / bare.reqPerSec;
  const ratios = {
    health: ratio(health.app, health.bare),
    meServer: ratio(meServer.app, meServer.bare),
    meServerVsStringKey: ratio(meServer.app, meServer.extra),
    mePglite: ratio(mePglite.app, mePglite.bare),
    mePgliteVsBarePg: ratio(mePglite.app, meServer.bare),
  };
  const startup = Object.fromEntries(
    Object.entries(starts).map(([kind, list]) => [
      kind,
      { median: median(list), min: Math.min(...list), max: Math.max(...list), runs: list },
    ]),
  );
  const idleServerMB = (memory.server.app.rss * 1024) / 1e6;
  const targets = [
    {
      name: `GET /api/v1/auth/me on the server >= ${TARGET.authRatio}x bare`,
      measured: `${fixed(ratios.meServer, 2)}x`,
      met: ratios.meServer >= TARGET.authRatio,
    },
    {
      name: `GET /api/v1/auth/me on PGlite >= ${TARGET.authRatio}x bare PGlite`,
      measured: `${fixed(ratios.mePglite, 2)}x`,
      met: ratios.mePglite >= TARGET.authRatio,
    },
    {
      name: `ready on the server (migrated database) <= ${TARGET.readyServerMs} ms`,
      measured: `${fixed(startup.serverMigrated.median, 0)} ms`,
      met: startup.serverMigrated.median <= TARGET.readyServerMs,
    },
    {
      name: `ready on an existing PGlite directory <= ${TARGET.readyPgliteMs} ms`,
      measured: `${fixed(startup.pgliteExisting.median, 0)} ms`,
      met: startup.pgliteExisting.median <= TARGET.readyPgliteMs,
    },
    {
      name: `idle RSS on the server <= ${TARGET.idleRssServerMB} MB`,
      measured: mb(memory.server.app.rss),
      met: idleServerMB <= TARGET.idleRssServerMB,
    },
  ];

  console.log(`\n${'='.repeat(100)}`);
  console.log(
    `Results, ${machine.date}: ${machine.cpus} CPUs, Node ${machine.node}, load average ` +
      `${loads(machine.loadAverage)} at the start and ${loads(os.loadavg())} at the end`,
  );
  console.log(
    `\nThroughput: autocannon, ${settings.connections} connections, ${settings.seconds} s per run ` +
      `after ${settings.warmupSeconds} s warm-up; median of ${settings.rounds} round(s); ` +
      `req/s = 2xx answers / s`,
  );
  console.log(
    table(
      ['Endpoint', 'Database', 'Server', ' req/s', ' p50 ms', ' p99 ms', ' non-2xx', ' errors'],
      all.flatMap((c) =>
        sides(c).map((s) => [
          c.label,
          c.database,
          s.name,
          fixed(s.reqPerSec, 0),
          s.p50,
          s.p99,
          s.non2xx,
          s.errors,
        ]),
      ),
    ),
  );
  console.log('\nRatios, Rakor req/s / bare req/s');
  console.log(
    table(
      ['Comparison', ' Rakor', ' bare', ' ratio'],
      [
        ['GET /health, Rakor / bare Fastify', health.app, health.bare],
        ['GET /api/v1/auth/me, server: Rakor / bare Fastify + pg', meServer.app, meServer.bare],
        [
          '  (informative) / bare Fastify + pg with the JWT key as a string',
          meServer.app,
          meServer.extra,
        ],
        ['GET /api/v1/auth/me, PGlite: Rakor / bare Fastify + PGlite', mePglite.app, mePglite.bare],
        ['  (informative) / bare Fastify + pg (server)', mePglite.app, meServer.bare],
      ].map(([name, app, bare]) => [
        name,
        fixed(app.reqPerSec, 0),
        fixed(bare.reqPerSec, 0),
        `${fixed(ratio(app, bare), 2)}x`,
      ]),
    ),
  );
  console.log(`\nStart-to-ready, ${settings.starts} starts each (ms from spawn to 200)`);
  console.log(
    table(
      ['Start', ' median', ' min', ' max', ' every start'],
      [
        ['PGlite, new directory (initdb, migrations, admin)', startup.pgliteNew],
        ['PGlite, existing directory', startup.pgliteExisting],
        ['Server, empty database (migrations, admin)', startup.serverEmpty],
        ['Server, migrated database', startup.serverMigrated],
      ].map(([name, s]) => [
        name,
        fixed(s.median, 0),
        fixed(s.min, 0),
        fixed(s.max, 0),
        s.runs.map((ms) => fixed(ms, 0)).join(' '),
      ]),
    ),
  );
  console.log(
    `\nMemory, VmRSS in MB (10^6 bytes). Idle: ready, one login and 30 requests served, then ` +
      `${IDLE_SECONDS} s idle.\nAfter load: ${IDLE_SECONDS} s after the last load run. ` +
      'Peak: VmHWM at that moment.',
  );
  console.log(
    table(
      ['Process', ' idle', ' after load', ' peak'],
      [
        ['Rakor on the server', memory.server.app, memory.server.appAfterLoad],
        ['Rakor on PGlite', memory.pglite.app, memory.pglite.appAfterLoad],
        ['bare Fastify + pg (reference)', memory.server.bare],
        ['bare Fastify + PGlite (reference)', memory.pglite.bare],
      ].map(([name, idle, after]) => [
        name,
        mb(idle.rss),
        after ? mb(after.rss) : '-',
        mb((after ?? idle).peak),
      ]),
    ),
  );
  console.log('\nTargets');
  console.log(
    table(
      ['Target', ' measured', ' verdict'],
      targets.map((t) => [t.name, t.measured, t.met ? 'met' : 'NOT MET']),
    ),
  );
  if (!clean) {
    console.log(
      '\nWARNING: some load runs had non-2xx answers or errors (see the table above); ' +
        'req/s counts 2xx answers only.',
    );
  }
  return { comparisons: all, ratios, startup, memory, targets };
}

main()
  .then(
    () => cleanup(),
    async (error) => {
      console.error(`\nThe benchmark failed: ${error.stack ?? error}`);
      await cleanup();
      process.exitCode = 1;
    },
  )
  .catch((error) => {
    console.error(`Cleanup failed: ${error.stack ?? error}`);
    process.exitCode = 1;
  });
