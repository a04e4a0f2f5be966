// Registration throughput: POST /api/v1/events/{id}/registrations at BENCH_CONNECTIONS
// connections beside the same transaction through pgbench, as a ratio, and its p99 latency.
// Standalone: `node bench/registration.mjs` (a throwaway database of its own); or from
// bench/run.mjs through runRegistration and reportRegistration. See docs/benchmarks.md,
// "Registration throughput".
//
//  1. Data: a throwaway database migrated by the app; through the API, DELEGATIONS external
//     organizations, a published event in 2030 without capacity that requires no delegate field
//     beyond name and email, and an invitation for each organization. Their seat quotas are
//     then raised in SQL, past the API's limit, so that no run fills a delegation. A second
//     event with one seat and a waitlist measures the waitlisted path.
//  2. SQL capture: a second app process behind bench/catalog.mjs's wire-protocol proxy; the
//     statements of each registration are recorded as sent.
//  3. Load: autocannon with a new email in every body (the unique index refuses a repeated
//     one), the delegations taken in turn; and pgbench running one captured registration per
//     delegation as its transaction (one script per delegation, picked at random), with the
//     email, the registration code and its hash made unique per transaction and the new row's
//     id read back from the INSERT's RETURNING, as the app does.
import console from 'node:console';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { URL, pathToFileURL } from 'node:url';
import pg from 'pg';
import {
  api,
  captureRequests,
  measureRound,
  pathsTable,
  pgbenchScript,
  runPgbenchAfterWarmUp,
  startCaptureProxy,
  summarizeRuns,
} from './catalog.mjs';
import { measure } from './http.mjs';
import { HOST, fixed, request, runStandalone, table } from './lib.mjs';
import { logIn, startApp, stopApp } from './startup.mjs';

/** Ports 3150-3159 belong to this part. */
export const REGISTRATION_PORT = { app: 3150, capture: 3151, proxy: 3159 };

/** The issue's targets, for the path with free seats. */
export const REGISTRATION_TARGET = { ratio: 0.7, p99Ms: 100 };

/** Delegations the registrations are spread over, in turn. */
const DELEGATIONS = 4;
/** The most seats the API gives a delegation (MAX_SEAT_QUOTA in the invitation DTO). */
const API_SEAT_QUOTA = 1000;
/** More than any run registers, past the API's limit: set in SQL. */
const SEAT_QUOTA = 1_000_000;
/** Sequential registrations whose statements are counted, per path. */
const CAPTURED_REQUESTS = 20;
/**
 * The public rate limit (per client address, 60 a minute by default) would answer 429 within a
 * second of load: the most the configuration accepts, over the shortest window, both set here so
 * that the caller's environment cannot change them (bench/startup.mjs does not clear them).
 */
const RATE_LIMIT_ENV = { PUBLIC_RATE_LIMIT: '1000000', PUBLIC_RATE_WINDOW: '60' };

/** Every registration body of the run gets the next number: its email is never repeated. */
let registrationNumber = 0;

/** A delegate with only the fields every event requires; a new email each time. */
function delegateBody(token) {
  registrationNumber += 1;
  return {
    invitationToken: token,
    name: 'Budi Santoso',
    email: `peserta-${registrationNumber}@bench.rakor.test`,
    consent: { dataProcessing: true },
  };
}

// --------------------------------------------------------------------------------- the data

/**
 * The organizations, the two events and their invitations, through the API; returns the paths
 * measured: `confirmed` (free seats) and `waitlisted` (the event's one seat taken).
 */
async function createEvents(port, headers, client) {
  const organizations = [];
  for (let i = 1; i <= DELEGATIONS; i++) {
    const body = { kind: 'external', name: `Dinas Kominfo Uji Beban ${i}` };
    organizations.push(await api(port, headers, 'POST', '/organizations', body, 201));
  }
  const createEvent = async (title, capacity) => {
    const event = await api(
      port,
      headers,
      'POST',
      '/events',
      {
        title,
        startDate: '2030-03-04',
        endDate: '2030-03-06',
        capacity,
        settings: { requiredDelegateFields: [], waitlistEnabled: true },
      },
      201,
    );
    const status = { status: 'published' };
    await api(port, headers, 'POST', `/events/${event.id}/status`, status, 200);
    return event.id;
  };
  const invite = async (eventId, organizationId) =>
    (
      await api(
        port,
        headers,
        'POST',
        `/events/${eventId}/invitations`,
        { organizationId, seatQuota: API_SEAT_QUOTA },
        201,
      )
    ).token;

  const open = await createEvent('Rapat Koordinasi Uji Beban Pendaftaran', null);
  const tokens = [];
  for (const organization of organizations) tokens.push(await invite(open, organization.id));
  await client.query('UPDATE invitations SET seat_quota = $2 WHERE event_id = $1', [
    open,
    SEAT_QUOTA,
  ]);
  const full = await createEvent('Rapat Koordinasi Uji Beban Daftar Tunggu', 1);
  const waitlistToken = await invite(full, organizations[0].id);
  // The one seat, so that every registration the bench sends joins the waitlist.
  await api(port, {}, 'POST', `/events/${full}/registrations`, delegateBody(waitlistToken), 201);
  return [
    {
      key: 'confirmed',
      label: 'POST /api/v1/events/{id}/registrations, seat free',
      eventId: open,
      tokens,
    },
    {
      key: 'waitlisted',
      label: 'POST /api/v1/events/{id}/registrations, event full',
      eventId: full,
      tokens: [waitlistToken],
    },
  ];
}

/** The next request's body for a path: its delegations in turn. */
function nextBody(path) {
  let turn = 0;
  return () => delegateBody(path.tokens[turn++ % path.tokens.length]);
}

// ------------------------------------------------------------------------- the SQL capture

/**
 * Sends CAPTURED_REQUESTS registrations one after another (after 3 uncounted ones) through the
 * capture app and returns the statements of each with its answer; each must be 201 with the
 * path's status.
 */
async function captureRegistrations(proxy, port, path) {
  const url = `http://${HOST}:${port}/api/v1/events/${path.eventId}/registrations`;
  const body = nextBody(path);
  const { perRequest, distinctTexts, requests } = await captureRequests(
    proxy,
    CAPTURED_REQUESTS,
    async () => {
      const sent = body();
      const res = await request('POST', url, { body: sent, timeoutMs: 10000 });
      const answer = res.status === 201 ? JSON.parse(res.text) : undefined;
      if (answer?.status !== path.key) {
        throw new Error(`POST ${url} answered ${res.status}, not a ${path.key} 201: ${res.text}`);
      }
      return { sent, answer };
    },
  );
  return {
    perRequest,
    distinctTexts,
    // The last requests, one per delegation: the pgbench scripts.
    requests: requests.slice(-path.tokens.length),
  };
}

// --------------------------------------------------------------------------------- pgbench

/**
 * Per transaction, `:key` is unique in the whole run: a counter per client (`n`, from -D n=0),
 * the client (below 1000: BENCH_CONNECTIONS is at most 1000) and the pgbench run (`run`, given
 * with -D; at most 40). At most 12 digits, so that a code made of it fits the column (16).
 */
const PGBENCH_PREAMBLE = [
  '\\set n :n + 1',
  '\\set key (:run * 1000 + :client_id) * 10000000 + :n',
  '',
].join('\n');

const sqlText = (text) => `'${text.replaceAll("'", "''")}'`;

/**
 * One captured registration as a pgbench script. The values the unique indexes see (the email,
 * the code, the code's SHA-256) become expressions over `:key`, wherever they appear (the sort
 * key holds the code); the new registration's id, which the read-back and the waitlist query
 * bind, comes from the INSERT's RETURNING through \gset. Everything else is bound as captured:
 * the event, the delegation, the name, the consent time, and the search text, which holds the
 * email and code folded into words and is not indexed.
 */
function registrationScript({ sent, answer, statements }, prefix) {
  const parts = [
    { text: sent.email, sql: `'peserta-pg' || :key || '@bench.rakor.test'` },
    { text: answer.code, sql: `'PG' || :key` },
    { text: createHash('sha256').update(answer.code).digest('hex'), sql: `'H' || :key` },
    { text: answer.id, sql: ':r_id' },
  ];
  const pattern = new RegExp(
    `(${parts.map(({ text }) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
  );
  const seen = new Set();
  const valueSql = (value) => {
    const pieces = value.split(pattern).filter((piece) => piece !== '');
    const found = pieces.map((piece) => parts.find(({ text }) => text === piece));
    if (!found.some(Boolean)) return undefined;
    found.forEach((part) => part && seen.add(part));
    return `(${pieces.map((piece, i) => found[i]?.sql ?? sqlText(piece)).join(' || ')})`;
  };
  const insert = statements.findIndex(({ text }) =>
    /INSERT INTO "?registrations"?\s*\(/.test(text),
  );
  if (insert < 0) throw new Error('No INSERT INTO registrations among the captured statements.');
  const { script, variables } = pgbenchScript(statements, {
    prefix,
    valueSql,
    gset: (_, k) => (k === insert ? 'r_' : undefined),
  });
  // The values a unique index sees must vary, or the second transaction fails.
  const missing = parts.filter((part) => part.text !== answer.id && !seen.has(part));
  if (missing.length > 0) {
    throw new Error(`The captured statements never bind ${missing.map((p) => p.text).join(', ')}`);
  }
  return { script: PGBENCH_PREAMBLE + script, variables };
}

// ------------------------------------------------------------------------------------ main

/** Seat counters against the registrations that hold seats, after all the load. */
async function checkSeats(client, paths) {
  const { rows } = await client.query(
    `SELECT e.id,
            COALESCE((SELECT taken FROM event_seats s WHERE s.event_id = e.id), 0) AS taken,
            (SELECT count(*) FROM registrations r
              WHERE r.event_id = e.id AND r.status IN ('pending', 'confirmed'))::int AS seated,
            (SELECT count(*) FROM registrations r
              WHERE r.event_id = e.id AND r.status = 'waitlisted')::int AS waitlisted,
            (SELECT count(*) FROM invitations i
              WHERE i.event_id = e.id AND i.seats_taken <> (
                SELECT count(*) FROM registrations r
                 WHERE r.invitation_id = i.id AND r.status IN ('pending', 'confirmed')))::int
              AS "delegationsOff"
       FROM events e WHERE e.id = ANY($1::uuid[])`,
    [paths.map((path) => path.eventId)],
  );
  return paths.map((path) => {
    const row = rows.find((r) => r.id === path.eventId);
    return {
      key: path.key,
      taken: row.taken,
      seated: row.seated,
      waitlisted: row.waitlisted,
      delegationsOff: row.delegationsOff,
      consistent: row.taken === row.seated && row.delegationsOff === 0,
    };
  });
}

/**
 * The whole part on one new database (`database`: { name, url, authSecret }); returns what the
 * report and BENCH_JSON need.
 */
export async function runRegistration(settings, database, tmpRoot) {
  console.log(`\nRegistration throughput on the PostgreSQL server (database ${database.name})`);
  const client = new pg.Client({ connectionString: database.url });
  const { handle: app } = await startApp(
    'Rakor (registration)',
    REGISTRATION_PORT.app,
    database,
    RATE_LIMIT_ENV,
  );
  try {
    await client.connect();
    const headers = { authorization: `Bearer ${await logIn(REGISTRATION_PORT.app)}` };
    const paths = await createEvents(REGISTRATION_PORT.app, headers, client);
    console.log(
      `  event ${paths[0].eventId}: no capacity, ${DELEGATIONS} delegations of ` +
        `${SEAT_QUOTA} seats; event ${paths[1].eventId}: 1 seat (taken) and a waitlist`,
    );

    // The SQL of each registration, from a second app process connected through the proxy.
    const proxy = await startCaptureProxy(REGISTRATION_PORT.proxy, new URL(database.url));
    const proxyUrl = new URL(database.url);
    proxyUrl.hostname = HOST;
    proxyUrl.port = String(REGISTRATION_PORT.proxy);
    try {
      const { handle: capture } = await startApp(
        'Rakor (SQL capture)',
        REGISTRATION_PORT.capture,
        { url: proxyUrl.toString(), authSecret: database.authSecret },
        RATE_LIMIT_ENV,
      );
      try {
        for (const path of paths) {
          path.capture = await captureRegistrations(proxy, REGISTRATION_PORT.capture, path);
          path.scripts = path.capture.requests.map((captured, d) => {
            const built = registrationScript(captured, `d${d + 1}s`);
            const scriptPath = join(tmpRoot, `registration-${path.key}-${d + 1}.sql`);
            writeFileSync(scriptPath, built.script);
            return { ...built, scriptPath };
          });
          const { perRequest: c, distinctTexts } = path.capture;
          console.log(
            `  ${path.key}: ${c.min === c.max ? c.min : `${c.min}-${c.max}`} statement(s) per ` +
              `request over ${CAPTURED_REQUESTS} requests (${distinctTexts} distinct texts)`,
          );
        }
      } finally {
        await stopApp(capture);
      }
    } finally {
      await proxy.close();
    }

    let pgbenchRun = 0;
    for (const path of paths) {
      path.app = { runs: [] };
      path.pgbench = { runs: [] };
    }
    for (let round = 0; round < settings.rounds; round++) {
      for (const path of paths) {
        await measureRound(round, path, {
          app: () =>
            measure({
              ...settings,
              url: `http://${HOST}:${REGISTRATION_PORT.app}/api/v1/events/${path.eventId}/registrations`,
              method: 'POST',
              nextBody: nextBody(path),
              expectedStatus: 201,
            }),
          // A run number of its own for every pgbench run, warm-up included: see :key.
          pgbench: () =>
            runPgbenchAfterWarmUp(settings, (seconds) => ({
              pgUrl: settings.pgUrl,
              database: database.name,
              scriptPaths: path.scripts.map((script) => script.scriptPath),
              variables: [
                ...path.scripts.flatMap((script) => script.variables),
                ['n', '0'],
                ['run', String(++pgbenchRun)],
              ],
              clients: settings.connections,
              seconds,
            })),
          log: (line) => console.log(`  round ${round + 1}  ${path.key.padEnd(10)} ${line}`),
        });
      }
    }
    const seats = await checkSeats(client, paths);
    return { paths: paths.map((path) => summarizePath(path)), seats };
  } finally {
    await client.end();
    await stopApp(app);
  }
}

function summarizePath(path) {
  const { app, pgbench } = summarizeRuns(path.app.runs, path.pgbench.runs);
  const last = path.capture.requests.at(-1);
  return {
    key: path.key,
    label: path.label,
    eventId: path.eventId,
    statementsPerRequest: path.capture.perRequest,
    distinctTexts: path.capture.distinctTexts,
    statements: last.statements,
    pgbenchScripts: path.scripts.map(({ script, variables }) => ({ script, variables })),
    app,
    pgbench,
    ratio: app.reqPerSec / pgbench.tps,
  };
}

// ---------------------------------------------------------------------------------- report

/** Prints the part's tables and returns its targets ({ name, measured, met }). */
export function reportRegistration(settings, results) {
  const { paths, seats } = results;
  console.log(
    `\nRegistration throughput: autocannon and pgbench (-c ${settings.connections} -j ` +
      `${Math.min(2, settings.connections)} -M prepared), ${settings.connections} ` +
      `connections/clients, ${settings.seconds} s per run after ${settings.warmupSeconds} s ` +
      `warm-up; median of ${settings.rounds} round(s); req/s = 201 answers / s`,
  );
  console.log(pathsTable(paths));
  console.log('\n  Seats after the load (app and pgbench registrations together):');
  for (const s of seats) {
    console.log(
      `    ${s.key.padEnd(10)} event_seats.taken ${s.taken}, seated registrations ${s.seated}, ` +
        `waitlisted ${s.waitlisted}, delegations whose seats_taken is off: ${s.delegationsOff}`,
    );
  }
  for (const p of paths) {
    console.log(
      `\n  The SQL of one registration, ${p.key} (as captured, one pgbench transaction):`,
    );
    for (const [i, statement] of p.statements.entries()) {
      console.log(`    ${i + 1}. ${statement.text.replace(/\s+/g, ' ').trim()}`);
      console.log(`       values ${JSON.stringify(statement.params)}`);
    }
  }
  const [confirmed] = paths;
  const targets = [
    {
      name: `${confirmed.label}: Rakor / pgbench >= ${REGISTRATION_TARGET.ratio}x`,
      measured: `${fixed(confirmed.ratio, 3)}x`,
      met: confirmed.ratio >= REGISTRATION_TARGET.ratio,
    },
    {
      name: `${confirmed.label}: p99 < ${REGISTRATION_TARGET.p99Ms} ms`,
      measured: `${confirmed.app.p99} ms (pgbench ${fixed(confirmed.pgbench.p99, 1)} ms)`,
      met: confirmed.app.p99 < REGISTRATION_TARGET.p99Ms,
    },
    {
      name: 'seat counters equal the registrations holding seats',
      measured: seats.every((s) => s.consistent) ? 'equal' : 'OFF',
      met: seats.every((s) => s.consistent),
    },
  ];
  console.log('\nRegistration targets');
  console.log(
    table(
      ['Target', ' measured', ' verdict'],
      targets.map((t) => [t.name, t.measured, t.met ? 'met' : 'NOT MET']),
    ),
  );
  const clean = paths.every(
    (p) => p.app.non2xx === 0 && p.app.errors === 0 && p.pgbench.failed === 0,
  );
  if (!clean) {
    console.log(
      '\nWARNING: some registration runs had non-2xx answers, errors or failed pgbench ' +
        'transactions; req/s counts 2xx answers only.',
    );
  }
  return targets;
}

// ------------------------------------------------------------------------------ standalone

/**
 * The part as bench/run.mjs and runStandalone run it: its results' key and title, and the
 * number in its database's name (rakor_bench_<pid>_110).
 */
export const REGISTRATION_PART = {
  key: 'registration',
  title: 'Registration',
  databaseNumber: 110,
  run: runRegistration,
  report: reportRegistration,
};

// `node bench/registration.mjs`: this part alone, on a throwaway database of its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runStandalone(REGISTRATION_PART);
}
