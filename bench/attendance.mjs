// Attendance: check-ins under load beside the same SQL through pgbench, and the daftar hadir
// export of a whole event (CSV and XLSX) beside PostgreSQL's own COPY of the same rows.
// Standalone: `node bench/attendance.mjs` (a throwaway database of its own); or from
// bench/run.mjs through runAttendance and reportAttendance (`node bench/run.mjs attendance`).
// See docs/benchmarks.md, "Attendance".
//
//  1. Data: a throwaway database migrated by the app; through the API, a published 3-day event.
//     Then in SQL (the API would take many minutes): an invitation for each of ORGANIZATIONS
//     organizations of the region catalog the migrations load, BENCH_ATTENDANCE_ROWS confirmed
//     registrations spread over them (codes from the app's own generator, display names, masked
//     phones, search texts and sort keys from its own domain functions), the seat counters to
//     match, and the first day's attendance (`attendance_days`: mostly hadir, some izin and
//     diwakili, some nothing) written directly rather than through record_attendance.
//  2. Check-ins: every (registration, day) pair of the two other days, shuffled, is handed out
//     once, to autocannon or to pgbench, so that every request and every transaction records a
//     new check-in. A second app process behind bench/catalog.mjs's recording proxy gives the
//     statements of a check-in as sent; they must include SCAN_TARGET_SQL and RECORD_ENTRY_SQL
//     from src/modules/attendance/attendance.repository.ts verbatim. pgbench runs them as one
//     transaction, after one read that takes the next pair (see the docs).
//  3. Export: GET /api/v1/events/{id}/attendance?format=csv|xlsx&date=<first day>, read to the
//     end, timed, with the app's RSS sampled every RSS_INTERVAL_MS; beside each, COPY (<the
//     query that export runs, built by the app's daftar-hadir.query.js and checked against the
//     capture>) TO STDOUT WITH (FORMAT csv, HEADER), read to the end through pg-copy-streams in
//     this process.
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { existsSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL, pathToFileURL } from 'node:url';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  POSITIONS,
  api,
  captureRequests,
  measureRound,
  pathsTable,
  personName,
  pgbenchScript,
  runPgbenchAfterWarmUp,
  startCaptureProxy,
  summarizeRuns,
} from './catalog.mjs';
import { measure } from './http.mjs';
import {
  HOST,
  fixed,
  integerSetting,
  mb,
  median,
  readMemoryKb,
  request,
  runStandalone,
  table,
} from './lib.mjs';
import { ROOT, logIn, startApp, stopApp } from './startup.mjs';

/** Ports 3160-3169 belong to this part. */
export const ATTENDANCE_PORT = { app: 3160, capture: 3161, proxy: 3169 };

export const ATTENDANCE_TARGET = {
  checkInRatio: 0.7,
  csvRatio: 1.5,
  xlsxRatio: 5,
  rssGrowthMB: 64,
};

/** Organizations of the region catalog invited to the event; the registrations go round them. */
const ORGANIZATIONS = 300;
/** The event's days: the first is exported, the other two are checked in to under load. */
const EVENT = { startDate: '2030-03-04', endDate: '2030-03-06' };
const EXPORT_DAY = '2030-03-04';
const CHECK_IN_DAYS = ['2030-03-05', '2030-03-06'];
/** Sequential check-ins whose statements are counted. */
const CAPTURED_REQUESTS = 20;
/** How often the app's RSS is read during an export. */
const RSS_INTERVAL_MS = 20;
/** Seconds of quiet before an export's baseline RSS is read. */
const SETTLE_MS = 1000;

const dist = (...parts) => pathToFileURL(join(ROOT, 'dist', 'src', ...parts)).href;

// --------------------------------------------------------------------------------- the data

const pad = (n, width) => String(n).padStart(width, '0');

/**
 * The registrations' text columns, row by row, made by the app's own domain functions (from
 * dist/): the code and its display form, the name with titles, the masked phone, the search
 * text and the sort key, as src/modules/registrations/registrations.service.ts composes them.
 */
async function registrationColumns(count) {
  const { generateRegistrationCode } = await import(
    dist('modules', 'registrations', 'domain', 'registration-code.js')
  );
  const { composeDisplayName } = await import(
    dist('modules', 'people', 'domain', 'display-name.js')
  );
  const { maskPhone } = await import(dist('modules', 'people', 'domain', 'phone.js'));
  const { foldForSearch, searchTextOf } = await import(dist('common', 'text', 'search-text.js'));
  const codes = new Set();
  while (codes.size < count) codes.add(generateRegistrationCode());
  const columns = {
    code: [...codes],
    titlesBefore: [],
    name: [],
    titlesAfter: [],
    nip: [],
    position: [],
    email: [],
    phone: [],
    displayName: [],
    phoneMasked: [],
    searchText: [],
    sortKey: [],
  };
  for (let i = 0; i < count; i++) {
    const code = columns.code[i];
    const person = {
      titlesBefore: i % 4 === 0 ? 'Dr.' : null,
      name: personName(i),
      titlesAfter: i % 3 === 0 ? 'M.Si' : null,
    };
    // An ASN's NIP (birth date, appointment month, sex, number) on every other delegate; the
    // appointment part carries i, so that the per-event unique index never sees one twice.
    const nip =
      i % 2 === 0
        ? `${1965 + (i % 35)}${pad(1 + (i % 12), 2)}${pad(1 + (i % 28), 2)}` +
          `${pad(Math.floor(i / 2) % 1_000_000, 6)}${1 + (Math.floor(i / 2) % 2)}${pad(i % 1000, 3)}`
        : null;
    const email = `peserta-${i + 1}@daerah-${(i % ORGANIZATIONS) + 1}.go.id`;
    const phone = `0812${pad(i, 8)}`;
    columns.titlesBefore.push(person.titlesBefore);
    columns.name.push(person.name);
    columns.titlesAfter.push(person.titlesAfter);
    columns.nip.push(nip);
    columns.position.push(POSITIONS[i % POSITIONS.length]);
    columns.email.push(email);
    columns.phone.push(phone);
    columns.displayName.push(composeDisplayName(person));
    columns.phoneMasked.push(maskPhone(phone));
    columns.searchText.push(searchTextOf(person.name, email, nip, code, null));
    columns.sortKey.push(`${foldForSearch(person.name)}|${code}`);
  }
  return columns;
}

/**
 * The event through the API (created, then published), then everything else in SQL in one
 * transaction; returns { eventId, staffUserId, counts }.
 */
async function seed(port, headers, client, rows) {
  const event = await api(
    port,
    headers,
    'POST',
    '/events',
    {
      title: 'Rapat Koordinasi Nasional Kehumasan Uji Beban Kehadiran',
      ...EVENT,
      capacity: null,
      settings: { requiredDelegateFields: [], waitlistEnabled: false },
    },
    201,
  );
  await api(port, headers, 'POST', `/events/${event.id}/status`, { status: 'published' }, 200);
  const me = await api(port, headers, 'GET', '/auth/me', undefined, 200);
  const columns = await registrationColumns(rows);

  await client.query('BEGIN');
  try {
    const invited = await client.query(
      `INSERT INTO invitations (event_id, organization_id, seat_quota, token_hash, sort_key)
       SELECT $1, o.id, $3, encode(sha256(convert_to('bench-invitation-' || o.id, 'UTF8')), 'hex'),
              o.sort_key
         FROM (SELECT id, sort_key FROM organizations ORDER BY sort_key, id LIMIT $2) o`,
      [event.id, ORGANIZATIONS, rows],
    );
    // Row i goes to invitation i mod the number of invitations; queue_position from its sequence.
    await client.query(
      `WITH inv AS (
         SELECT id, organization_id, row_number() OVER (ORDER BY sort_key, id) - 1 AS k
           FROM invitations WHERE event_id = $1),
       n AS (SELECT count(*) AS c FROM inv),
       r AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                              $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                              $12::text[], $13::text[])
                WITH ORDINALITY AS r(code, titles_before, name, titles_after, nip, position,
                                     email, phone, display_name, phone_masked, search_text,
                                     sort_key, i))
       INSERT INTO registrations
         (event_id, invitation_id, organization_id, code, code_hash, status, titles_before, name,
          titles_after, employment_type, nip, position, email, phone, consent_data_processing,
          consented_at, search_text, sort_key, display_name, phone_masked, created_at, updated_at)
       SELECT $1, inv.id, inv.organization_id, r.code,
              encode(sha256(convert_to(r.code, 'UTF8')), 'hex'), 'confirmed', r.titles_before,
              r.name, r.titles_after, CASE WHEN r.nip IS NOT NULL THEN 'PNS' ELSE 'non-ASN' END, r.nip,
              r.position, r.email, r.phone, true, now() - (r.i || ' seconds')::interval,
              r.search_text, r.sort_key, r.display_name, r.phone_masked, now(), now()
         FROM r CROSS JOIN n JOIN inv ON inv.k = (r.i - 1) % n.c
        ORDER BY r.i`,
      [
        event.id,
        columns.code,
        columns.titlesBefore,
        columns.name,
        columns.titlesAfter,
        columns.nip,
        columns.position,
        columns.email,
        columns.phone,
        columns.displayName,
        columns.phoneMasked,
        columns.searchText,
        columns.sortKey,
      ],
    );
    // The seat counters the registrations would have left.
    await client.query(
      `UPDATE invitations i SET seats_taken = t.taken, seat_quota = t.taken + 10
         FROM (SELECT invitation_id, count(*)::int AS taken FROM registrations
                WHERE event_id = $1 GROUP BY invitation_id) t
        WHERE i.id = t.invitation_id`,
      [event.id],
    );
    await client.query(
      `INSERT INTO event_seats (event_id, taken) VALUES ($1, $2)
       ON CONFLICT (event_id) DO UPDATE SET taken = EXCLUDED.taken`,
      [event.id, rows],
    );
    // The exported day: of every 20 delegates, 16 hadir, 1 izin, 1 diwakili, 2 with nothing
    // recorded; check-in times from 07:00 local over two and a half hours.
    await client.query(
      `INSERT INTO attendance_days
         (registration_id, day, event_id, status, representative_name, checked_in_at)
       SELECT r.id, $2::date, $1, s.status::attendance_status,
              CASE WHEN s.status = 'diwakili' THEN 'Staf ' || r.name END,
              CASE WHEN s.status IN ('hadir', 'diwakili')
                   THEN ($2::date + time '07:00' + (r.n % 150) * interval '1 minute')
                        AT TIME ZONE e.time_zone END
         FROM (SELECT id, name, event_id, row_number() OVER (ORDER BY queue_position) AS n
                 FROM registrations WHERE event_id = $1) r
         JOIN events e ON e.id = r.event_id
         CROSS JOIN LATERAL (SELECT CASE WHEN r.n % 20 < 16 THEN 'hadir'
                                         WHEN r.n % 20 = 16 THEN 'izin'
                                         WHEN r.n % 20 = 17 THEN 'diwakili' END AS status) s
        WHERE s.status IS NOT NULL`,
      [event.id, EXPORT_DAY],
    );
    // Every (registration, day) pair of the other days, shuffled: each is checked in once.
    await client.query(
      `CREATE TABLE bench_check_in_pairs (
         n integer PRIMARY KEY, code varchar(16) NOT NULL, code_hash char(64) NOT NULL,
         day date NOT NULL)`,
    );
    await client.query(
      `INSERT INTO bench_check_in_pairs (n, code, code_hash, day)
       SELECT row_number() OVER (ORDER BY random()), r.code, r.code_hash, d.day
         FROM registrations r CROSS JOIN unnest($2::date[]) AS d(day)
        WHERE r.event_id = $1`,
      [event.id, CHECK_IN_DAYS],
    );
    await client.query('CREATE SEQUENCE bench_check_in_pairs_next');
    await client.query('COMMIT');
    if (invited.rowCount < 1) throw new Error('The migrations loaded no organizations to invite');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('VACUUM ANALYZE');
  const { rows: counted } = await client.query(
    `SELECT (SELECT count(*) FROM invitations WHERE event_id = $1)::int AS invitations,
            (SELECT count(*) FROM registrations WHERE event_id = $1 AND status = 'confirmed')::int
              AS registrations,
            (SELECT count(*) FROM attendance_days WHERE event_id = $1 AND day = $2)::int
              AS "exportDayRows",
            (SELECT count(*) FROM bench_check_in_pairs)::int AS pairs`,
    [event.id, EXPORT_DAY],
  );
  return { eventId: event.id, staffUserId: me.id, counts: counted[0] };
}

// ------------------------------------------------------------------------- check-in pairs

/**
 * The shuffled pairs, handed out once each: to autocannon through `next()` here, to pgbench
 * through the sequence bench_check_in_pairs_next, kept in step before and after every run.
 */
async function checkInPairs(client) {
  const { rows } = await client.query(
    `SELECT code, to_char(day, 'YYYY-MM-DD') AS day FROM bench_check_in_pairs ORDER BY n`,
  );
  const pool = {
    size: rows.length,
    /** Pairs handed out so far: the last n used. */
    used: 0,
    exhausted: false,
    next() {
      if (pool.used >= rows.length) {
        pool.exhausted = true;
        return rows[pool.used++ % rows.length];
      }
      return rows[pool.used++];
    },
    /** Before pgbench: its nextval gives the pair after the last one handed out here. */
    async toDatabase() {
      if (pool.used > 0) {
        await client.query(`SELECT setval('bench_check_in_pairs_next', $1)`, [pool.used]);
      }
    },
    /** After pgbench: carry on after the last pair its transactions took. */
    async fromDatabase() {
      const { rows: seq } = await client.query(
        'SELECT last_value, is_called FROM bench_check_in_pairs_next',
      );
      if (seq[0].is_called) pool.used = Math.max(pool.used, Number(seq[0].last_value));
      if (pool.used > rows.length) pool.exhausted = true;
    },
  };
  return pool;
}

const checkInBody = (pool) => () => {
  const pair = pool.next();
  return { code: pair.code, day: pair.day };
};

// ------------------------------------------------------------------------- the SQL capture

/**
 * Sends CAPTURED_REQUESTS check-ins one after another (after 3 uncounted ones) through the
 * capture app; each must be a 201 `recorded`. Returns the statements of each with its answer.
 */
async function captureCheckIns(proxy, port, headers, eventId, pool) {
  const url = `http://${HOST}:${port}/api/v1/events/${eventId}/check-ins`;
  const body = checkInBody(pool);
  const { perRequest, distinctTexts, requests } = await captureRequests(
    proxy,
    CAPTURED_REQUESTS,
    async () => {
      const sent = body();
      const res = await request('POST', url, { headers, body: sent, timeoutMs: 10000 });
      const answer = res.status === 201 ? JSON.parse(res.text) : undefined;
      if (answer?.outcome !== 'recorded') {
        throw new Error(`POST ${url} answered ${res.status}, not a recorded 201: ${res.text}`);
      }
      return { sent, answer };
    },
  );
  return { perRequest, distinctTexts, last: requests.at(-1) };
}

/**
 * The captured check-in as a pgbench script. First the next pair, from the sequence (the one
 * statement pgbench runs that the service does not: a primary-key read); then the captured
 * statements in order, with the pair's code hash and day where the capture had its own, and
 * the registration id that the scan read returns (\gset) where the capture had the scanned
 * one. Every other value is bound as captured: the event, the staff member, the method, the
 * time of the scan.
 */
function checkInScript({ sent, answer, statements }, exported) {
  const scanAt = statements.findIndex(({ text }) => text === exported.SCAN_TARGET_SQL);
  const recordAt = statements.findIndex(({ text }) => text === exported.RECORD_ENTRY_SQL);
  if (scanAt < 0 || recordAt < scanAt) {
    throw new Error(
      'The captured check-in does not send SCAN_TARGET_SQL then RECORD_ENTRY_SQL verbatim:\n' +
        statements.map(({ text }) => text).join('\n---\n'),
    );
  }
  const codeHash = statements[scanAt].params[1];
  const registrationId = answer.registration.id;
  const replaced = new Map([
    [codeHash, ':p_hash'],
    [sent.day, ':p_day'],
    [registrationId, ':r_id'],
  ]);
  const { script, variables } = pgbenchScript(statements, {
    valueSql: (value) => replaced.get(value),
    gset: (_, k) => (k === scanAt ? 'r_' : undefined),
  });
  const take =
    `SELECT code_hash AS p_hash, to_char(day, 'YYYY-MM-DD') AS p_day FROM bench_check_in_pairs\n` +
    ` WHERE n = (SELECT nextval('bench_check_in_pairs_next')) \\gset\n\n`;
  if (!script.includes(':p_hash') || !script.includes(':r_id') || !script.includes(':p_day')) {
    throw new Error(
      `The captured statements never bind the code hash, the day or the id:\n${script}`,
    );
  }
  return { script: take + script, variables, scanAt, recordAt };
}

// ---------------------------------------------------------------------------------- export

/** One export, read to the end: status, bytes, lines, milliseconds to the last byte. */
function download(url, headers) {
  return new Promise((resolve, reject) => {
    const since = performance.now();
    const req = http.get(url, { headers, agent: false, timeout: 600000 }, (res) => {
      let bytes = 0;
      let lines = 0;
      let firstByteMs;
      const head = [];
      res.on('data', (chunk) => {
        firstByteMs ??= performance.now() - since;
        bytes += chunk.length;
        if (head.length < 4) head.push(chunk);
        for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines += 1;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          contentType: res.headers['content-type'],
          bytes,
          lines,
          firstByteMs,
          ms: performance.now() - since,
          head: Buffer.concat(head).subarray(0, 2000),
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer in 600 s`)));
    req.on('error', reject);
  });
}

/** Resets the kernel's peak RSS of a process (VmHWM) to its present RSS; false if not allowed. */
function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * One export with the app's RSS read every RSS_INTERVAL_MS: the baseline (median of 5 readings
 * after SETTLE_MS of quiet), the highest reading during it, and the kernel's peak (VmHWM) when
 * it could be reset just before.
 */
async function timedExport(url, headers, pid) {
  await sleep(SETTLE_MS);
  const before = [];
  for (let i = 0; i < 5; i++) {
    before.push(readMemoryKb(pid).rss);
    await sleep(RSS_INTERVAL_MS);
  }
  const baselineKb = median(before);
  const hwmReset = resetPeakRss(pid);
  const samples = [];
  const timer = setInterval(() => samples.push(readMemoryKb(pid).rss), RSS_INTERVAL_MS);
  let result;
  try {
    result = await download(url, headers);
  } finally {
    clearInterval(timer);
  }
  const after = readMemoryKb(pid);
  samples.push(after.rss);
  const sampledPeakKb = Math.max(...samples);
  const peakKb = hwmReset ? Math.max(sampledPeakKb, after.peak) : sampledPeakKb;
  return {
    ...result,
    head: undefined,
    headText: result.head.toString('latin1'),
    baselineKb,
    sampledPeakKb,
    hwmKb: hwmReset ? after.peak : undefined,
    peakKb,
    growthKb: peakKb - baselineKb,
    samples: samples.length,
  };
}

/** COPY (<query>) TO STDOUT WITH (FORMAT csv, HEADER) read to the end; bytes, lines, ms. */
async function timedCopy(client, query) {
  const since = performance.now();
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv, HEADER)`));
  let bytes = 0;
  let lines = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines += 1;
  }
  return { bytes, lines, ms: performance.now() - since };
}

/**
 * The export's two statements from the app's own builder (dist/.../daftar-hadir.query.js), for
 * the scope the bench administrator's request has: the CSV's cells (what the CSV export COPYs)
 * and the list's rows (what the XLSX export reads through a cursor), with the values written in
 * as literals by the driver, as the service does for its COPY. Also the rows statement with bind
 * parameters, as the cursor sends it, to check the capture against.
 */
async function exportQueries(client, eventId) {
  const { bindParameters, daftarHadirCsvSql, daftarHadirRowsSql } = await import(
    dist('modules', 'attendance', 'daftar-hadir.query.js')
  );
  const scope = {
    eventId,
    day: EXPORT_DAY,
    sessionId: null,
    organizationId: null,
    reportingGroup: null,
    wholePhone: true,
  };
  const literal = (value) => client.escapeLiteral(value);
  const bound = bindParameters();
  const boundRows = daftarHadirRowsSql(scope, bound.value);
  return {
    csv: daftarHadirCsvSql(scope, literal),
    rows: daftarHadirRowsSql(scope, literal),
    boundRows: { text: boundRows, params: bound.values },
  };
}

/**
 * One CSV and one XLSX export through the capture app; checks that the CSV ran
 * `COPY (<csv query>) TO STDOUT …` and the XLSX the rows query, both as built here, and returns
 * the statements of each (the cursor's fetches counted once).
 */
async function captureExports(proxy, port, headers, eventId, queries) {
  const captured = {};
  for (const format of ['csv', 'xlsx']) {
    proxy.log.length = 0;
    const url =
      `http://${HOST}:${port}/api/v1/events/${eventId}/attendance` +
      `?format=${format}&date=${EXPORT_DAY}`;
    const res = await download(url, headers);
    if (res.status !== 200) {
      throw new Error(
        `GET ${url} through the capture app answered ${res.status}: ` +
          res.head.toString('utf8').slice(0, 500),
      );
    }
    // The snapshot's COMMIT may follow the body's last byte by a moment.
    await sleep(300);
    const executes = [...proxy.log];
    const statements = executes.filter(
      (statement, i) =>
        i === 0 ||
        statement.text !== executes[i - 1].text ||
        JSON.stringify(statement.params) !== JSON.stringify(executes[i - 1].params),
    );
    captured[format] = { statements, executes: executes.length, bytes: res.bytes };
  }
  const copyText = (sql) => `COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`;
  const csvMatches = captured.csv.statements.some(({ text }) => text === copyText(queries.csv));
  const xlsxMatches = captured.xlsx.statements.some(
    ({ text, params }) =>
      text === queries.boundRows.text &&
      JSON.stringify(params) === JSON.stringify(queries.boundRows.params),
  );
  if (!csvMatches || !xlsxMatches) {
    throw new Error(
      `The exports did not send the statements built from daftar-hadir.query.js ` +
        `(CSV ${csvMatches ? 'same' : 'different'}, XLSX ${xlsxMatches ? 'same' : 'different'}):\n` +
        [...captured.csv.statements, ...captured.xlsx.statements]
          .map(({ text }) => text)
          .join('\n---\n'),
    );
  }
  return captured;
}

// ------------------------------------------------------------------------------------ main

const EXPORTS = [
  { key: 'csv', label: 'GET /api/v1/events/{id}/attendance?format=csv', baseline: 'copyCsv' },
  { key: 'xlsx', label: 'GET /api/v1/events/{id}/attendance?format=xlsx', baseline: 'copyRows' },
];

/**
 * The whole part on one new database (`database`: { name, url, authSecret }); returns what the
 * report and BENCH_JSON need.
 */
export async function runAttendance(settings, database, tmpRoot) {
  const rows = settings.attendanceRows ?? 100_000;
  console.log(`\nAttendance on the PostgreSQL server (database ${database.name})`);
  const exported = await import(dist('modules', 'attendance', 'attendance.repository.js'));
  if (!exported.SCAN_TARGET_SQL || !exported.RECORD_ENTRY_SQL) {
    throw new Error('dist/ does not export SCAN_TARGET_SQL and RECORD_ENTRY_SQL: npm run build');
  }
  const exportBuilt = existsSync(
    join(ROOT, 'dist', 'src', 'modules', 'attendance', 'daftar-hadir.query.js'),
  );
  const client = new pg.Client({ connectionString: database.url });
  // Dropping the database on Ctrl-C ends this connection from the server's side; the query in
  // flight, if any, fails on its own, so the event itself is not an error to crash on.
  client.on('error', () => undefined);
  const { handle: app } = await startApp('Rakor (attendance)', ATTENDANCE_PORT.app, database);
  try {
    await client.connect();
    const headers = { authorization: `Bearer ${await logIn(ATTENDANCE_PORT.app)}` };
    let since = Date.now();
    const data = await seed(ATTENDANCE_PORT.app, headers, client, rows);
    const { eventId, counts } = data;
    console.log(
      `  event ${eventId}: ${counts.registrations} confirmed registrations in ` +
        `${counts.invitations} delegations, ${counts.exportDayRows} attendance rows on ` +
        `${EXPORT_DAY}, ${counts.pairs} check-in pairs on ${CHECK_IN_DAYS.join(' and ')} ` +
        `(${Date.now() - since} ms, SQL)`,
    );
    const pool = await checkInPairs(client);

    // The SQL of a check-in (and of an export), from a second app process behind the proxy.
    const proxy = await startCaptureProxy(ATTENDANCE_PORT.proxy, new URL(database.url));
    const proxyUrl = new URL(database.url);
    proxyUrl.hostname = HOST;
    proxyUrl.port = String(ATTENDANCE_PORT.proxy);
    const checkIn = { key: 'checkIn', label: 'POST /api/v1/events/{id}/check-ins, new check-in' };
    let exportCapture;
    let exportQueriesBuilt;
    try {
      const { handle: capture } = await startApp('Rakor (SQL capture)', ATTENDANCE_PORT.capture, {
        url: proxyUrl.toString(),
        authSecret: database.authSecret,
      });
      try {
        checkIn.capture = await captureCheckIns(
          proxy,
          ATTENDANCE_PORT.capture,
          headers,
          eventId,
          pool,
        );
        const built = checkInScript(checkIn.capture.last, exported);
        checkIn.script = built.script;
        checkIn.variables = [...built.variables];
        checkIn.scriptPath = join(tmpRoot, 'attendance-check-in.sql');
        writeFileSync(checkIn.scriptPath, checkIn.script);
        const c = checkIn.capture.perRequest;
        console.log(
          `  check-in: ${c.min === c.max ? c.min : `${c.min}-${c.max}`} statement(s) per ` +
            `request over ${CAPTURED_REQUESTS} requests (${checkIn.capture.distinctTexts} ` +
            `distinct texts); SCAN_TARGET_SQL and RECORD_ENTRY_SQL sent verbatim`,
        );
        if (exportBuilt) {
          exportQueriesBuilt = await exportQueries(client, eventId);
          exportCapture = await captureExports(
            proxy,
            ATTENDANCE_PORT.capture,
            headers,
            eventId,
            exportQueriesBuilt,
          );
          const { csv, xlsx } = exportCapture;
          console.log(
            `  export: CSV ${csv.statements.length} statement(s), XLSX ${xlsx.statements.length} ` +
              `(the cursor's ${xlsx.executes - xlsx.statements.length + 1} fetches counted once); ` +
              'the COPY and the cursor query are those daftar-hadir.query.js builds',
          );
        }
      } finally {
        await stopApp(capture);
      }
    } finally {
      await proxy.close();
    }

    // Check-ins under load: autocannon and pgbench, back to back, reversed every other round.
    checkIn.app = { runs: [] };
    checkIn.pgbench = { runs: [] };
    // A run after which the pairs have run out repeated earlier check-ins: it measures nothing.
    const unrepeated = (run) => {
      if (pool.exhausted) {
        throw new Error(
          `The ${pool.size} check-in pairs ran out: later requests repeated earlier ` +
            'check-ins. Use a shorter BENCH_DURATION or fewer BENCH_ROUNDS, or more rows.',
        );
      }
      return run;
    };
    for (let round = 0; round < settings.rounds; round++) {
      await measureRound(round, checkIn, {
        app: async () =>
          unrepeated(
            await measure({
              ...settings,
              url: `http://${HOST}:${ATTENDANCE_PORT.app}/api/v1/events/${eventId}/check-ins`,
              method: 'POST',
              headers,
              nextBody: checkInBody(pool),
              expectedStatus: 201,
            }),
          ),
        pgbench: async () => {
          await pool.toDatabase();
          const run = await runPgbenchAfterWarmUp(settings, (seconds) => ({
            pgUrl: settings.pgUrl,
            database: database.name,
            scriptPath: checkIn.scriptPath,
            variables: checkIn.variables,
            clients: settings.connections,
            seconds,
          }));
          await pool.fromDatabase();
          return unrepeated(run);
        },
        log: (line) =>
          console.log(
            `  round ${round + 1}  check-in  ${line}  (pairs used ${pool.used}/${pool.size})`,
          ),
      });
    }
    const { rows: ledger } = await client.query(
      `SELECT count(*)::int AS entries, count(DISTINCT (registration_id, day))::int AS pairs
         FROM check_ins WHERE event_id = $1`,
      [eventId],
    );
    checkIn.ledger = { ...ledger[0], handedOut: pool.used, poolSize: pool.size };

    // Exports: CSV, XLSX and the COPY of each one's query, in turn, reversed every other round.
    const exports = {
      available: exportBuilt,
      runs: { csv: [], xlsx: [], copyCsv: [], copyRows: [] },
      timeline: [],
    };
    if (exportCapture) {
      exports.capture = exportCapture;
      exports.copySql = {
        copyCsv: exportQueriesBuilt.csv,
        copyRows: exportQueriesBuilt.rows,
      };
      for (let round = 0; round < settings.rounds; round++) {
        const order = ['copyCsv', 'csv', 'copyRows', 'xlsx'];
        for (const kind of round % 2 === 0 ? order : order.reverse()) {
          let run;
          if (kind.startsWith('copy')) {
            await sleep(SETTLE_MS);
            run = await timedCopy(client, exports.copySql[kind]);
          } else {
            const url =
              `http://${HOST}:${ATTENDANCE_PORT.app}/api/v1/events/${eventId}/attendance` +
              `?format=${kind}&date=${EXPORT_DAY}`;
            run = await timedExport(url, headers, app.pid);
            if (run.status !== 200) {
              throw new Error(`GET ${url} answered ${run.status}: ${run.headText.slice(0, 500)}`);
            }
          }
          exports.runs[kind].push(run);
          if (run.baselineKb) exports.timeline.push({ kind, ...run });
          console.log(
            `  round ${round + 1}  export ${kind.padEnd(8)} ${fixed(run.ms, 0).padStart(6)} ms  ` +
              `${fixed(run.bytes / 1e6, 1)} MB` +
              (kind === 'xlsx' ? '' : `, ${run.lines} lines`) +
              (run.baselineKb
                ? `  RSS ${mb(run.baselineKb)} before, peak ${mb(run.peakKb)} ` +
                  `(+${mb(run.growthKb)}; ${run.samples} readings)`
                : ''),
          );
        }
      }
    } else {
      console.log(
        '  export: dist/src/modules/attendance/daftar-hadir.query.js is missing (the daftar ' +
          'hadir export is not built yet); that half is skipped',
      );
    }
    return {
      eventId,
      rows,
      counts,
      exportDay: EXPORT_DAY,
      checkInDays: CHECK_IN_DAYS,
      checkIn: summarizeCheckIn(checkIn),
      exports: summarizeExports(exports),
    };
  } finally {
    await client.end();
    await stopApp(app);
  }
}

function summarizeCheckIn(checkIn) {
  const { app, pgbench } = summarizeRuns(checkIn.app.runs, checkIn.pgbench.runs);
  return {
    label: checkIn.label,
    statementsPerRequest: checkIn.capture.perRequest,
    distinctTexts: checkIn.capture.distinctTexts,
    statements: checkIn.capture.last.statements,
    pgbenchScript: checkIn.script,
    pgbenchVariables: checkIn.variables,
    ledger: checkIn.ledger,
    app,
    pgbench,
    ratio: app.reqPerSec / pgbench.tps,
  };
}

function summarizeExports(exports) {
  if (!exports.capture) return { available: exports.available };
  const summary = (runs) => ({
    ms: median(runs.map((run) => run.ms)),
    firstByteMs: median(runs.map((run) => run.firstByteMs)),
    bytes: median(runs.map((run) => run.bytes)),
    lines: median(runs.map((run) => run.lines)),
    baselineKb: median(runs.map((run) => run.baselineKb)),
    peakKb: Math.max(...runs.map((run) => run.peakKb ?? Number.NaN)),
    growthKb: Math.max(...runs.map((run) => run.growthKb ?? Number.NaN)),
    runs,
  });
  const result = {
    available: true,
    statements: {
      csv: exports.capture.csv.statements,
      xlsx: exports.capture.xlsx.statements,
      xlsxExecutes: exports.capture.xlsx.executes,
    },
    copySql: exports.copySql,
    copyCsv: summary(exports.runs.copyCsv),
    copyRows: summary(exports.runs.copyRows),
    // Over all the exports, one after another: RSS before the first, the highest peak, after.
    rss: {
      firstBaselineKb: exports.timeline[0].baselineKb,
      highestPeakKb: Math.max(...exports.timeline.map((run) => run.peakKb)),
      lastBaselineKb: exports.timeline.at(-1).baselineKb,
      exports: exports.timeline.length,
    },
  };
  for (const { key, label, baseline } of EXPORTS) {
    const side = summary(exports.runs[key]);
    result[key] = { key, label, baseline, ...side, ratio: side.ms / result[baseline].ms };
  }
  return result;
}

// ---------------------------------------------------------------------------------- report

/** Prints the part's tables and returns its targets ({ name, measured, met }). */
export function reportAttendance(settings, results) {
  const { checkIn: c, exports: e } = results;
  console.log(
    `\nCheck-ins: autocannon and pgbench (-c ${settings.connections} -j ` +
      `${Math.min(2, settings.connections)} -M prepared), ${settings.connections} ` +
      `connections/clients, ${settings.seconds} s per run after ${settings.warmupSeconds} s ` +
      `warm-up; median of ${settings.rounds} round(s); req/s = 2xx answers / s, each a new check-in`,
  );
  console.log(
    `  data: ${results.counts.registrations} confirmed registrations in ` +
      `${results.counts.invitations} delegations; check-ins on ${results.checkInDays.join(' and ')}`,
  );
  console.log(pathsTable([c]));
  console.log(
    `\n  Ledger after the load: ${c.ledger.entries} check-ins for ${c.ledger.pairs} distinct ` +
      `(registration, day) pairs; ${c.ledger.handedOut} of ${c.ledger.poolSize} pairs handed out ` +
      '(the difference: requests still in flight when a run ended, pgbench transactions cut off)',
  );
  console.log(
    '\n  The SQL of one check-in (as captured; after the pair read, one pgbench transaction):',
  );
  for (const [i, statement] of c.statements.entries()) {
    console.log(`    ${i + 1}. ${statement.text.replace(/\s+/g, ' ').trim()}`);
    console.log(`       values ${JSON.stringify(statement.params)}`);
  }
  const targets = [
    {
      name: `${c.label}: Rakor / pgbench >= ${ATTENDANCE_TARGET.checkInRatio}x`,
      measured: `${fixed(c.ratio, 3)}x`,
      met: c.ratio >= ATTENDANCE_TARGET.checkInRatio,
    },
    {
      name: 'every check-in of the load recorded once (no pair repeated)',
      measured: c.ledger.entries === c.ledger.pairs ? 'once each' : 'REPEATS',
      met: c.ledger.entries === c.ledger.pairs && c.ledger.handedOut <= c.ledger.poolSize,
    },
  ];
  if (e.csv) {
    console.log(
      `\nDaftar hadir export of ${results.counts.registrations} delegates for ${results.exportDay} ` +
        `(${results.counts.exportDayRows} with an attendance row): end to end over HTTP, body ` +
        `read to the end, beside COPY (<the same query>) TO STDOUT WITH (FORMAT csv, HEADER) ` +
        `through pg-copy-streams in the runner; median of ${settings.rounds} round(s). RSS of the ` +
        `service read every ${RSS_INTERVAL_MS} ms, and the kernel's peak (VmHWM, reset before ` +
        "each export); growth = the highest run's peak - its RSS before.",
    );
    const copyRow = (label, side) => [
      label,
      fixed(side.ms, 0),
      '-',
      fixed(side.bytes / 1e6, 1),
      side.lines,
      '-',
      '-',
      '-',
      '-',
    ];
    console.log(
      table(
        [
          'Export',
          ' ms',
          ' first byte ms',
          ' MB',
          ' lines',
          ' / its COPY',
          ' RSS before',
          ' RSS peak',
          ' growth',
        ],
        [
          ...EXPORTS.map(({ key }) => e[key]).map((side) => [
            side.label,
            fixed(side.ms, 0),
            fixed(side.firstByteMs, 0),
            fixed(side.bytes / 1e6, 1),
            side.key === 'csv' ? side.lines : '-',
            `${fixed(side.ratio, 2)}x`,
            mb(side.baselineKb),
            mb(side.peakKb),
            mb(side.growthKb),
          ]),
          copyRow("COPY (the CSV's query): CSV's baseline", e.copyCsv),
          copyRow("COPY (the list's rows query): XLSX's baseline", e.copyRows),
        ],
      ),
    );
    console.log(
      `\n  RSS over all ${e.rss.exports} exports, one after another: ${mb(e.rss.firstBaselineKb)} ` +
        `before the first, ${mb(e.rss.highestPeakKb)} at the highest peak, ` +
        `${mb(e.rss.lastBaselineKb)} before the last (the heap the service keeps between them).`,
    );
    console.log(
      `\n  Statements per export (as captured): CSV ${e.statements.csv.length}, XLSX ` +
        `${e.statements.xlsx.length} (its cursor fetched ${e.statements.xlsxExecutes - e.statements.xlsx.length + 1} times)`,
    );
    for (const [key, sql] of Object.entries(e.copySql)) {
      console.log(
        `\n  ${key}: COPY (${sql.replace(/\s+/g, ' ').trim()}) TO STDOUT WITH (FORMAT csv, HEADER)`,
      );
    }
    targets.push(
      {
        name: `CSV export of the day: time <= ${ATTENDANCE_TARGET.csvRatio}x COPY of its query`,
        measured: `${fixed(e.csv.ratio, 2)}x`,
        met: e.csv.ratio <= ATTENDANCE_TARGET.csvRatio,
      },
      {
        name: `XLSX export of the day: time <= ${ATTENDANCE_TARGET.xlsxRatio}x COPY of its query`,
        measured: `${fixed(e.xlsx.ratio, 2)}x`,
        met: e.xlsx.ratio <= ATTENDANCE_TARGET.xlsxRatio,
      },
      ...EXPORTS.map(({ key }) => ({
        name: `${key.toUpperCase()} export: RSS growth < ${ATTENDANCE_TARGET.rssGrowthMB} MB`,
        measured: mb(e[key].growthKb),
        met: (e[key].growthKb * 1024) / 1e6 < ATTENDANCE_TARGET.rssGrowthMB,
      })),
    );
  } else {
    console.log('\nDaftar hadir export: not measured (the export is not in dist/ yet).');
  }
  console.log('\nAttendance targets');
  console.log(
    table(
      ['Target', ' measured', ' verdict'],
      targets.map((t) => [t.name, t.measured, t.met ? 'met' : 'NOT MET']),
    ),
  );
  if (c.app.non2xx || c.app.errors || c.pgbench.failed) {
    console.log(
      '\nWARNING: some check-in runs had non-2xx answers, errors or failed pgbench ' +
        'transactions; req/s counts 2xx answers only.',
    );
  }
  return targets;
}

// ------------------------------------------------------------------------------ standalone

/** BENCH_ATTENDANCE_ROWS: the registrations of the event (default 100,000). */
export const attendanceRows = () =>
  integerSetting('BENCH_ATTENDANCE_ROWS', 100_000, 1000, 1_000_000);

/**
 * The part as bench/run.mjs and runStandalone run it: its results' key and title, and the
 * number in its database's name (rakor_bench_<pid>_120).
 */
export const ATTENDANCE_PART = {
  key: 'attendance',
  title: 'Attendance',
  databaseNumber: 120,
  run: runAttendance,
  report: reportAttendance,
};

// `node bench/attendance.mjs`: this part alone, on a throwaway database of its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runStandalone({
    ...ATTENDANCE_PART,
    moreSettings: () => ({ attendanceRows: attendanceRows() }),
  });
}
