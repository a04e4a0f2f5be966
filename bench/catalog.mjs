// Catalog reads: two list endpoints under load, each beside the same SQL through pgbench.
// Run from bench/run.mjs (`node bench/run.mjs catalog`, or BENCH_ONLY=catalog, runs only this
// part). See docs/benchmarks.md, "Catalog reads".
//
//  1. Data: a throwaway database on the server, the reference workshop loaded by the demo CLI
//     (node dist/src/cli/demo.js), then, through the API, PEOPLE people and SESSIONS more agenda
//     items spread over the event's days with 1-3 role holders each.
//  2. SQL capture: a second app process reaches PostgreSQL through a small proxy in this process
//     that reads the client's side of the wire protocol (Parse, Bind, Execute, Query), so each
//     request's statements are recorded exactly as the app sends them: text and bound values.
//  3. Load: autocannon (bench/http.mjs) against each endpoint on the directly connected app, and
//     pgbench running the captured statements of one request as one transaction, with the same
//     values, at the same number of clients, in the same rounds.
import console from 'node:console';
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { URL } from 'node:url';
import pg from 'pg';
import { measure } from './http.mjs';
import { HOST, describeExit, fixed, median, request, spawnNode, table } from './lib.mjs';
import { ROOT, appEnv, logIn, startApp, stopApp } from './startup.mjs';

/** Ports 3140-3149 belong to this part. */
export const CATALOG_PORT = { app: 3140, capture: 3141, proxy: 3149 };

export const CATALOG_TARGET = { ratio: 0.12, p99Ms: 50, statements: 2 };

/** Bulk data added to the reference workshop. */
const PEOPLE = 200;
const SESSIONS = 600;
/** Sequential requests whose statements are counted, per endpoint. */
const CAPTURED_REQUESTS = 20;
/** Concurrent API requests while loading the bulk data. */
const LOAD_CONCURRENCY = 6;

const DEMO = join(ROOT, 'dist', 'src', 'cli', 'demo.js');

// --------------------------------------------------------------------------------- the data

/** Runs the demo CLI against the database and returns the event id it reports. */
export async function loadDemo(database) {
  const handle = spawnNode('demo CLI', DEMO, { env: appEnv(0, database), cwd: ROOT });
  const exit = await handle.exited;
  if (exit.code !== 0) {
    throw new Error(`The demo CLI ${describeExit(exit)}.\n${handle.output}`);
  }
  const eventId = /\(event ([0-9a-f-]{36})\)/.exec(handle.output)?.[1];
  if (!eventId) throw new Error(`The demo CLI did not name its event:\n${handle.output}`);
  return eventId;
}

async function inPool(items, concurrency, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

export async function api(port, headers, method, path, body, expected) {
  const res = await request(method, `http://${HOST}:${port}/api/v1${path}`, {
    headers,
    body,
    timeoutMs: 30000,
  });
  if (res.status !== expected) {
    throw new Error(`${method} ${path} answered ${res.status}: ${res.text.slice(0, 500)}`);
  }
  return JSON.parse(res.text);
}

/** Names and positions the bulk people go round (bench/attendance.mjs's delegates too). */
const FIRST_NAMES = [
  'Agus',
  'Budi',
  'Citra',
  'Dewi',
  'Eko',
  'Fitri',
  'Gita',
  'Hadi',
  'Indah',
  'Joko',
];
const LAST_NAMES = [
  'Santoso',
  'Wijaya',
  'Lestari',
  'Pratama',
  'Saputra',
  'Hidayat',
  'Kurniawan',
  'Rahmawati',
  'Nugroho',
  'Siregar',
  'Simanjuntak',
  'Harahap',
  'Wibowo',
  'Utami',
  'Setiawan',
  'Purnomo',
  'Susanti',
  'Gunawan',
  'Fauzi',
  'Halim',
];
export const POSITIONS = [
  'Kepala Bagian Humas',
  'Kepala Biro Administrasi Pimpinan',
  'Pranata Humas Ahli Muda',
  'Kepala Dinas Komunikasi dan Informatika',
  'Analis Kebijakan',
];

/** The i-th person's name: every first name with one family name, then with the next. */
export function personName(i) {
  const first = FIRST_NAMES[i % FIRST_NAMES.length];
  const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length];
  return `${first} ${last}`;
}

const TYPES = ['plenary', 'panel', 'workshop', 'discussion', 'keynote', 'report', 'remarks'];
const ROLES = ['speaker', 'moderator', 'panelist'];

/**
 * PEOPLE people in the provinces, and SESSIONS items: per day, 10 tracks of 30-minute items
 * from 08:00 (event time), each with 1-3 people holding roles; every tenth also has a province
 * as reporter. All through the API, so every computed column is the app's own.
 */
export async function loadBulk(port, headers, eventId) {
  const event = await api(port, headers, 'GET', `/events/${eventId}`, undefined, 200);
  const provinces = (
    await api(port, headers, 'GET', '/organizations?kind=province&limit=50', undefined, 200)
  ).items;
  const days = [];
  for (let day = new Date(`${event.startDate}T00:00:00Z`); ;) {
    const text = day.toISOString().slice(0, 10);
    if (text > event.endDate) break;
    days.push(text);
    day = new Date(day.getTime() + 86400000);
  }
  const people = await inPool(
    Array.from({ length: PEOPLE }, (_, i) => i),
    LOAD_CONCURRENCY,
    async (i) =>
      (
        await api(
          port,
          headers,
          'POST',
          '/people',
          {
            titlesBefore: i % 4 === 0 ? 'Dr.' : undefined,
            name: personName(i),
            titlesAfter: i % 3 === 0 ? 'M.Si' : undefined,
            position: POSITIONS[i % POSITIONS.length],
            organizationId: provinces[i % provinces.length].id,
          },
          201,
        )
      ).id,
  );
  const perDay = Math.ceil(SESSIONS / days.length);
  const tracks = 10;
  const pad = (n) => String(n).padStart(2, '0');
  await inPool(
    Array.from({ length: SESSIONS }, (_, i) => i),
    LOAD_CONCURRENCY,
    async (i) => {
      const day = days[Math.floor(i / perDay)];
      const slot = Math.floor((i % perDay) / tracks);
      const track = i % tracks;
      const start = 8 * 60 + slot * 30;
      const local = (minutes) => `${day}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
      const roles = Array.from({ length: 1 + (i % 3) }, (_, j) => ({
        role: ROLES[j],
        personId: people[(i * 3 + j) % people.length],
      }));
      if (i % 10 === 0) {
        roles.push({ role: 'reporter', organizationId: provinces[i % provinces.length].id });
      }
      await api(
        port,
        headers,
        'POST',
        `/events/${eventId}/sessions`,
        {
          type: TYPES[i % TYPES.length],
          title: `Sesi ${i + 1}: pengelolaan media sosial pemerintah daerah, bagian ${slot + 1}`,
          description:
            i % 2 === 0
              ? 'Paparan dan diskusi tentang strategi komunikasi publik, pengelolaan akun resmi ' +
                'dan penanganan isu di media sosial.'
              : undefined,
          startsAt: local(start),
          endsAt: local(start + 30),
          track: `Kelas ${track + 1}`,
          capacity: 40,
          roles,
        },
        201,
      );
    },
  );
}

// ------------------------------------------------------------------------- the SQL capture

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/**
 * Reads the frontend side of one PostgreSQL connection and calls `onStatement` for each
 * statement the server is asked to run: an Execute (extended protocol: the text of the Parse the
 * portal was bound to, and the Bind's values) or a simple Query.
 */
function frontendReader(onStatement) {
  let buffer = Buffer.alloc(0);
  let startup = true;
  const statements = new Map();
  const portals = new Map();
  const cString = (body, offset) => {
    const end = body.indexOf(0, offset);
    return [body.toString('utf8', offset, end), end + 1];
  };
  const message = (type, body) => {
    if (type === 'P') {
      const [name, at] = cString(body, 0);
      const [text] = cString(body, at);
      statements.set(name, text);
    } else if (type === 'B') {
      let [portal, at] = cString(body, 0);
      let statement;
      [statement, at] = cString(body, at);
      const formatCount = body.readInt16BE(at);
      at += 2;
      const formats = [];
      for (let i = 0; i < formatCount; i++, at += 2) formats.push(body.readInt16BE(at));
      const paramCount = body.readInt16BE(at);
      at += 2;
      const params = [];
      for (let i = 0; i < paramCount; i++) {
        const length = body.readInt32BE(at);
        at += 4;
        const format = formats.length === 1 ? formats[0] : (formats[i] ?? 0);
        if (length < 0) params.push(null);
        else if (format !== 0) params.push({ binary: body.toString('hex', at, at + length) });
        else params.push(body.toString('utf8', at, at + length));
        at += Math.max(length, 0);
      }
      portals.set(portal, { text: statements.get(statement), params });
    } else if (type === 'E') {
      const [portal] = cString(body, 0);
      const bound = portals.get(portal);
      onStatement({ text: bound?.text, params: bound?.params ?? [], protocol: 'extended' });
    } else if (type === 'Q') {
      const [text] = cString(body, 0);
      onStatement({ text, params: [], protocol: 'simple' });
    }
  };
  return (chunk) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (startup) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        buffer = buffer.subarray(length);
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
        continue;
      }
      if (buffer.length < 5) return;
      const length = buffer.readInt32BE(1);
      if (buffer.length < 1 + length) return;
      message(String.fromCharCode(buffer[0]), buffer.subarray(5, 1 + length));
      buffer = buffer.subarray(1 + length);
    }
  };
}

/** A TCP proxy to the server that records every statement its clients send. */
export async function startCaptureProxy(port, target) {
  const log = [];
  const sockets = new Set();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: target.hostname, port: Number(target.port || 5432) });
    sockets.add(client).add(upstream);
    const read = frontendReader((statement) => log.push(statement));
    client.on('data', read);
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  return {
    log,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Sends `count` requests one after another through an app connected by the capture proxy (after
 * 3 uncounted ones) and records the statements each one made the app send. `send()` makes one
 * request, throws when its answer is not the expected one, and returns what the caller keeps of
 * it; each kept request gets its `statements`. Returns them all as `requests`, with the number of
 * statements per request and of distinct statement texts.
 */
export async function captureRequests(proxy, count, send) {
  const requests = [];
  for (let i = 0; i < count + 3; i++) {
    proxy.log.length = 0;
    const kept = await send();
    if (i >= 3) requests.push({ ...kept, statements: [...proxy.log] });
  }
  if (requests.some(({ statements }) => statements.some(({ text }) => text === undefined))) {
    throw new Error('The capture saw an Execute without its Parse; the proxy lost track.');
  }
  const counts = requests.map(({ statements }) => statements.length);
  return {
    perRequest: { min: Math.min(...counts), max: Math.max(...counts), median: median(counts) },
    distinctTexts: new Set(requests.flatMap(({ statements }) => statements.map((s) => s.text)))
      .size,
    requests,
  };
}

/** CAPTURED_REQUESTS reads of `url`, each of which must answer 200; the last one's statements. */
async function captureStatements(proxy, url, headers) {
  const { perRequest, distinctTexts, requests } = await captureRequests(
    proxy,
    CAPTURED_REQUESTS,
    async () => {
      const res = await request('GET', url, { headers, timeoutMs: 10000 });
      if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${res.text}`);
      return {};
    },
  );
  return { perRequest, distinctTexts, statements: requests.at(-1).statements };
}

// --------------------------------------------------------------------------------- pgbench

/**
 * One request's statements as a pgbench script: each `$n` becomes a variable `:sK_n` given with
 * -D, so that in -M prepared mode pgbench binds it as a text parameter, as node-postgres does.
 * A NULL value, which pgbench cannot pass as a variable, would be written into the text.
 *
 * For writes whose values must differ per transaction (bench/registration.mjs): `prefix`
 * replaces the `s` of the names (several scripts in one pgbench run need distinct ones),
 * `valueSql(value)` may return SQL to write instead of a value, an expression over pgbench
 * variables, and `gset(statement, k)` may return a prefix under which pgbench keeps the row the
 * k-th statement returns (`\gset`), for later expressions to use.
 */
export function pgbenchScript(
  statements,
  { prefix = 's', valueSql = () => undefined, gset = () => undefined } = {},
) {
  const variables = [];
  const parts = statements.map((statement, k) => {
    const { text, params } = statement;
    const body = text.trim().replace(/;\s*$/, '');
    const sql = body.replace(/\$(\d+)(?!\d)/g, (_, n) => {
      const value = params[Number(n) - 1];
      if (value === null) return 'NULL';
      if (typeof value !== 'string') throw new Error(`Parameter $${n} of "${body}" is binary`);
      const expression = valueSql(value);
      if (expression !== undefined) return expression;
      const name = `${prefix}${k + 1}_${n}`;
      variables.push([name, value]);
      return `:${name}`;
    });
    const into = gset(statement, k);
    return into === undefined ? `${sql};\n` : `${sql} \\gset ${into}\n`;
  });
  const unique = new Map(variables);
  return { script: parts.join('\n'), variables: [...unique] };
}

/**
 * The latency percentiles of one pgbench run, in ms, from its per-transaction logs (`--log`,
 * one file per thread): each line is `client transaction time_us script epoch epoch_us`, and a
 * transaction that failed has `failed` in place of its time and is left out.
 */
export function pgbenchLatencies(logDir) {
  const micros = [];
  for (const file of readdirSync(logDir)) {
    for (const line of readFileSync(join(logDir, file), 'utf8').split('\n')) {
      const time = Number(line.split(' ')[2]);
      if (line !== '' && Number.isFinite(time)) micros.push(time);
    }
  }
  micros.sort((a, b) => a - b);
  const at = (q) =>
    micros.length === 0
      ? NaN
      : micros[Math.min(micros.length - 1, Math.ceil(q * micros.length) - 1)] / 1000;
  return { p50Ms: at(0.5), p99Ms: at(0.99), logged: micros.length };
}

/**
 * `scriptPaths` (instead of `scriptPath`): pgbench picks one of them at random per transaction.
 * Every transaction's latency is logged to a temporary directory, for the p50 and p99 of the
 * run beside autocannon's.
 */
export function runPgbench({
  pgUrl,
  database,
  scriptPath,
  scriptPaths = [scriptPath],
  variables,
  clients,
  seconds,
}) {
  const url = new URL(pgUrl);
  const logDir = mkdtempSync(join(os.tmpdir(), 'rakor-pgbench-'));
  const args = [
    '-h',
    url.hostname.replace(/^\[|\]$/g, ''),
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username) || 'postgres',
    '-c',
    String(clients),
    '-j',
    String(Math.min(2, clients)),
    '-T',
    String(seconds),
    '-n',
    '-M',
    'prepared',
    '--log',
    `--log-prefix=${join(logDir, 'tx')}`,
    ...scriptPaths.flatMap((path) => ['-f', path]),
    ...variables.flatMap(([name, value]) => ['-D', `${name}=${value}`]),
    database,
  ];
  const env = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  return new Promise((resolve, reject) => {
    const child = spawn('pgbench', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('error', (error) =>
      reject(new Error(`Could not run pgbench (${error.message}); is it installed?`)),
    );
    child.once('exit', (code, signal) => {
      let latencies;
      try {
        latencies = pgbenchLatencies(logDir);
      } catch (error) {
        reject(new Error(`Could not read pgbench's transaction log: ${error.message}`));
        return;
      } finally {
        rmSync(logDir, { recursive: true, force: true });
      }
      const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1]);
      const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
      if (code !== 0 || !Number.isFinite(tps)) {
        reject(new Error(`pgbench ${signal ?? `exited with ${code}`}:\n${output.slice(-3000)}`));
        return;
      }
      resolve({
        tps,
        latencyMs: Number(/latency average = ([\d.]+) ms/.exec(output)?.[1]),
        p50: latencies.p50Ms,
        p99: latencies.p99Ms,
        transactions: Number(/number of transactions actually processed: (\d+)/.exec(output)?.[1]),
        failed,
        seconds,
      });
    });
  });
}

/** An untimed pgbench run first when BENCH_WARMUP asks for one; `bench(seconds)`: its options. */
export async function runPgbenchAfterWarmUp(settings, bench) {
  if (settings.warmupSeconds > 0) await runPgbench(bench(settings.warmupSeconds));
  return runPgbench(bench(settings.seconds));
}

// ------------------------------------------------------------------------------------ main

/**
 * One round of a comparison: `app()` (an autocannon run of the service) and `pgbench()` (a
 * pgbench run of the same SQL), back to back, in the opposite order every other round so that
 * neither side always gets the quieter moment. Each run is kept in `target.app.runs` or
 * `target.pgbench.runs`, and `log(line)` prints its one-line summary.
 */
export async function measureRound(round, target, { app, pgbench, log }) {
  const sides = ['app', 'pgbench'];
  for (const side of round % 2 === 0 ? sides : sides.reverse()) {
    if (side === 'app') {
      const run = await app();
      target.app.runs.push(run);
      log(
        `Rakor ${fixed(run.reqPerSec, 0).padStart(7)} req/s  p50 ${run.p50} ms  ` +
          `p99 ${run.p99} ms` +
          (run.non2xx || run.errors ? `  non-2xx ${run.non2xx}  errors ${run.errors}` : ''),
      );
    } else {
      const run = await pgbench();
      target.pgbench.runs.push(run);
      log(
        `pgbench ${fixed(run.tps, 0).padStart(5)} tps  p50 ${fixed(run.p50, 1)} ms  ` +
          `p99 ${fixed(run.p99, 1)} ms  average ${fixed(run.latencyMs, 1)} ms` +
          (run.failed ? `  failed ${run.failed}` : ''),
      );
    }
  }
}

/**
 * The whole part on one new database (`database`: { name, url, authSecret }); returns what the
 * report and BENCH_JSON need.
 */
export async function runCatalog(settings, database, tmpRoot) {
  console.log(`\nCatalog reads on the PostgreSQL server (database ${database.name})`);
  let since = Date.now();
  const eventId = await loadDemo(database);
  console.log(`  demo CLI: reference workshop loaded, event ${eventId} (${Date.now() - since} ms)`);

  const app = (await startApp('Rakor (catalog)', CATALOG_PORT.app, database)).handle;
  try {
    const headers = { authorization: `Bearer ${await logIn(CATALOG_PORT.app)}` };
    since = Date.now();
    await loadBulk(CATALOG_PORT.app, headers, eventId);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let counts;
    try {
      await client.query('ANALYZE');
      const { rows } = await client.query(
        `SELECT (SELECT count(*) FROM organizations)::int AS organizations,
                (SELECT count(*) FROM people)::int AS people,
                (SELECT count(*) FROM sessions WHERE event_id = $1)::int AS sessions,
                (SELECT count(*) FROM session_role_holders h JOIN sessions s ON s.id = h.session_id
                  WHERE s.event_id = $1)::int AS "roleHolders"`,
        [eventId],
      );
      counts = rows[0];
    } finally {
      await client.end();
    }
    console.log(
      `  bulk data through the API in ${Date.now() - since} ms, then ANALYZE: ` +
        `${counts.organizations} organizations, ${counts.people} people, ` +
        `${counts.sessions} sessions in the event with ${counts.roleHolders} role holders`,
    );

    const endpoints = [
      {
        key: 'organizationSearch',
        label: 'GET /api/v1/organizations?q=kota&kind=city&limit=50',
        path: '/api/v1/organizations?q=kota&kind=city&limit=50',
      },
      {
        key: 'sessionList',
        label: 'GET /api/v1/events/{id}/sessions?limit=50',
        path: `/api/v1/events/${eventId}/sessions?limit=50`,
      },
    ];
    for (const endpoint of endpoints) {
      const res = await request('GET', `http://${HOST}:${CATALOG_PORT.app}${endpoint.path}`, {
        headers,
      });
      if (res.status !== 200) throw new Error(`${endpoint.label} answered ${res.status}`);
      endpoint.items = JSON.parse(res.text).items.length;
      endpoint.bytes = Buffer.byteLength(res.text);
    }

    // The SQL of each request, from a second app process connected through the proxy.
    const proxy = await startCaptureProxy(CATALOG_PORT.proxy, new URL(database.url));
    const proxyUrl = new URL(database.url);
    proxyUrl.hostname = HOST;
    proxyUrl.port = String(CATALOG_PORT.proxy);
    try {
      const capture = (
        await startApp('Rakor (SQL capture)', CATALOG_PORT.capture, {
          url: proxyUrl.toString(),
          authSecret: database.authSecret,
        })
      ).handle;
      try {
        for (const endpoint of endpoints) {
          endpoint.capture = await captureStatements(
            proxy,
            `http://${HOST}:${CATALOG_PORT.capture}${endpoint.path}`,
            headers,
          );
          const { script, variables } = pgbenchScript(endpoint.capture.statements);
          endpoint.script = script;
          endpoint.variables = variables;
          endpoint.scriptPath = join(tmpRoot, `catalog-${endpoint.key}.sql`);
          writeFileSync(endpoint.scriptPath, script);
          const c = endpoint.capture;
          console.log(
            `  ${endpoint.label}: ${endpoint.items} items, ${endpoint.bytes} bytes; ` +
              `${c.perRequest.min === c.perRequest.max ? c.perRequest.min : `${c.perRequest.min}-${c.perRequest.max}`} ` +
              `statement(s) per request over ${CAPTURED_REQUESTS} requests ` +
              `(${c.distinctTexts} distinct text(s))`,
          );
        }
      } finally {
        await stopApp(capture);
      }
    } finally {
      await proxy.close();
    }

    for (const endpoint of endpoints) {
      endpoint.app = { runs: [] };
      endpoint.pgbench = { runs: [] };
    }
    const url = (path) => `http://${HOST}:${CATALOG_PORT.app}${path}`;
    for (let round = 0; round < settings.rounds; round++) {
      for (const endpoint of endpoints) {
        await measureRound(round, endpoint, {
          app: () => measure({ ...settings, url: url(endpoint.path), headers }),
          pgbench: () =>
            runPgbenchAfterWarmUp(settings, (seconds) => ({
              pgUrl: settings.pgUrl,
              database: database.name,
              scriptPath: endpoint.scriptPath,
              variables: endpoint.variables,
              clients: settings.connections,
              seconds,
            })),
          log: (line) => console.log(`  round ${round + 1}  ${endpoint.key.padEnd(19)} ${line}`),
        });
      }
    }
    return {
      eventId,
      counts,
      endpoints: endpoints.map((endpoint) => summarizeEndpoint(endpoint)),
    };
  } finally {
    await stopApp(app);
  }
}

/**
 * The medians of one measured path over the rounds: the app's autocannon runs and pgbench's runs
 * of the same statements, with the totals of answers that were not 2xx and of failures.
 */
export function summarizeRuns(appRuns, pgbenchRuns) {
  const total = (field) => appRuns.reduce((sum, run) => sum + run[field], 0);
  return {
    app: {
      reqPerSec: median(appRuns.map((run) => run.reqPerSec)),
      p50: median(appRuns.map((run) => run.p50)),
      p99: median(appRuns.map((run) => run.p99)),
      worstP99: Math.max(...appRuns.map((run) => run.p99)),
      ok: total('ok'),
      non2xx: total('non2xx'),
      errors: total('errors'),
      runs: appRuns,
    },
    pgbench: {
      tps: median(pgbenchRuns.map((run) => run.tps)),
      latencyMs: median(pgbenchRuns.map((run) => run.latencyMs)),
      p50: median(pgbenchRuns.map((run) => run.p50)),
      p99: median(pgbenchRuns.map((run) => run.p99)),
      failed: pgbenchRuns.reduce((sum, run) => sum + run.failed, 0),
      runs: pgbenchRuns,
    },
  };
}

/**
 * The table of measured write paths (bench/registration.mjs, bench/attendance.mjs): for each
 * summary made from summarizeRuns, its statements per request, the service's and pgbench's
 * medians, their ratio, and the answers that were not 2xx.
 */
export function pathsTable(paths) {
  return table(
    [
      'Path',
      ' SQL/req',
      ' Rakor req/s',
      ' p50 ms',
      ' p99 ms',
      ' pgbench tps',
      ' pgbench p50 ms',
      ' pgbench p99 ms',
      ' ratio',
      ' non-2xx',
      ' errors',
    ],
    paths.map((p) => [
      p.label,
      p.statementsPerRequest.max,
      fixed(p.app.reqPerSec, 0),
      p.app.p50,
      p.app.p99,
      fixed(p.pgbench.tps, 0),
      fixed(p.pgbench.p50, 1),
      fixed(p.pgbench.p99, 1),
      `${fixed(p.ratio, 3)}x`,
      p.app.non2xx,
      p.app.errors,
    ]),
  );
}

function summarizeEndpoint(endpoint) {
  const { app, pgbench } = summarizeRuns(endpoint.app.runs, endpoint.pgbench.runs);
  return {
    key: endpoint.key,
    label: endpoint.label,
    path: endpoint.path,
    items: endpoint.items,
    bytes: endpoint.bytes,
    statementsPerRequest: endpoint.capture.perRequest,
    distinctTexts: endpoint.capture.distinctTexts,
    statements: endpoint.capture.statements,
    pgbenchScript: endpoint.script,
    app,
    pgbench,
    ratio: app.reqPerSec / pgbench.tps,
  };
}

// ---------------------------------------------------------------------------------- report

/** The part as bench/run.mjs runs it; its database is rakor_bench_<pid>_100. */
export const CATALOG_PART = {
  key: 'catalog',
  title: 'Catalog',
  databaseNumber: 100,
  run: runCatalog,
  report: reportCatalog,
};

/** Prints the part's tables and returns its targets ({ name, measured, met }). */
export function reportCatalog(settings, results) {
  const { endpoints } = results;
  console.log(
    `\nCatalog reads: autocannon and pgbench (-c ${settings.connections} -j ` +
      `${Math.min(2, settings.connections)} -M prepared), ${settings.connections} ` +
      `connections/clients, ${settings.seconds} s per run after ${settings.warmupSeconds} s ` +
      `warm-up; median of ${settings.rounds} round(s)`,
  );
  console.log(
    `  data: the reference workshop plus ${PEOPLE} people and ${SESSIONS} sessions; ` +
      `${results.counts.organizations} organizations, ${results.counts.sessions} sessions ` +
      `in the event, ${results.counts.roleHolders} role holders`,
  );
  console.log(
    table(
      [
        'Endpoint',
        ' items',
        ' SQL/req',
        ' Rakor req/s',
        ' p50 ms',
        ' p99 ms',
        ' pgbench tps',
        ' pgbench p50 ms',
        ' pgbench p99 ms',
        ' ratio',
        ' non-2xx',
        ' errors',
      ],
      endpoints.map((e) => [
        e.label,
        e.items,
        e.statementsPerRequest.max,
        fixed(e.app.reqPerSec, 0),
        e.app.p50,
        e.app.p99,
        fixed(e.pgbench.tps, 0),
        fixed(e.pgbench.p50, 1),
        fixed(e.pgbench.p99, 1),
        `${fixed(e.ratio, 3)}x`,
        e.app.non2xx,
        e.app.errors,
      ]),
    ),
  );
  for (const e of endpoints) {
    console.log(`\n  The SQL of one ${e.label} (as captured, one pgbench transaction):`);
    for (const [i, statement] of e.statements.entries()) {
      const text = statement.text.replace(/\s+/g, ' ').trim();
      console.log(`    ${i + 1}. ${text}`);
      console.log(`       values ${JSON.stringify(statement.params)}`);
    }
  }
  const targets = endpoints.flatMap((e) => [
    {
      name: `${e.label}: Rakor / pgbench >= ${CATALOG_TARGET.ratio}x`,
      measured: `${fixed(e.ratio, 3)}x`,
      met: e.ratio >= CATALOG_TARGET.ratio,
    },
    {
      name: `${e.label}: p99 < ${CATALOG_TARGET.p99Ms} ms`,
      measured: `${e.app.p99} ms (pgbench ${fixed(e.pgbench.p99, 1)} ms)`,
      met: e.app.p99 < CATALOG_TARGET.p99Ms,
    },
    {
      name: `${e.label}: <= ${CATALOG_TARGET.statements} SQL statements per request`,
      measured: String(e.statementsPerRequest.max),
      met: e.statementsPerRequest.max <= CATALOG_TARGET.statements,
    },
  ]);
  console.log('\nCatalog targets');
  console.log(
    table(
      ['Target', ' measured', ' verdict'],
      targets.map((t) => [t.name, t.measured, t.met ? 'met' : 'NOT MET']),
    ),
  );
  const clean = endpoints.every(
    (e) => e.app.non2xx === 0 && e.app.errors === 0 && e.pgbench.failed === 0,
  );
  if (!clean) {
    console.log(
      '\nWARNING: some catalog runs had non-2xx answers, errors or failed pgbench ' +
        'transactions; req/s counts 2xx answers only.',
    );
  }
  return targets;
}
