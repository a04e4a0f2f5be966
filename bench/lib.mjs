// Helpers shared by the benchmark scripts: settings, child processes, HTTP probes, memory,
// formatting, and running one database part on its own.
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL } from 'node:url';
import pg from 'pg';

/** Every server under test listens here, and nowhere else. */
export const HOST = '127.0.0.1';

/**
 * A whole number from the environment variable `name`: `fallback` when it is unset or blank, and
 * an error that says what is allowed when it is anything but a number from `min` to `max`.
 */
export function integerSetting(name, fallback, min, max) {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

/** Children still running, stopped by stopAll() whatever happens. */
const running = new Set();

/**
 * Starts `node <script>` with exactly the given environment. The last 16 KiB of its output are
 * kept for error messages. `exited` resolves once, when the process is gone.
 */
export function spawnNode(label, script, { env, cwd, keepStdinOpen = false }) {
  const child = spawn(process.execPath, [script], {
    cwd,
    env,
    stdio: [keepStdinOpen ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const handle = { label, child, pid: child.pid, output: '', exit: undefined, exited: undefined };
  const append = (chunk) => {
    handle.output = (handle.output + chunk).slice(-16384);
  };
  child.stdout.setEncoding('utf8').on('data', append);
  child.stderr.setEncoding('utf8').on('data', append);
  handle.exited = new Promise((resolve) => {
    const done = (exit) => {
      if (handle.exit) return;
      handle.exit = exit;
      running.delete(handle);
      resolve(exit);
    };
    child.once('exit', (code, signal) => done({ code, signal }));
    child.once('error', (error) => done({ code: null, signal: null, error }));
  });
  running.add(handle);
  return handle;
}

/** SIGTERM, then SIGKILL if the process has not exited within `timeoutMs`. */
export async function stopProcess(handle, timeoutMs = 15000) {
  if (handle.exit) return handle.exit;
  handle.child.kill('SIGTERM');
  const exit = await Promise.race([handle.exited, sleep(timeoutMs, undefined)]);
  if (exit) return exit;
  handle.child.kill('SIGKILL');
  return (await Promise.race([handle.exited, sleep(5000, undefined)])) ?? { code: null };
}

export async function stopAll() {
  await Promise.all([...running].map((handle) => stopProcess(handle)));
}

export function describeExit(exit) {
  if (!exit) return 'still running';
  if (exit.error) return `could not start (${exit.error.message})`;
  return exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

/** One HTTP request on a fresh connection; never waits longer than `timeoutMs`. */
export function request(method, url, { headers = {}, body, timeoutMs = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent: false,
        headers: payload
          ? {
              ...headers,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
            }
          : headers,
        timeout: timeoutMs,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${url}: no answer in ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Polls `url` until it answers 200 and returns the milliseconds elapsed since `since` (a
 * performance.now() value). Fails when the process exits or after `timeoutMs`.
 */
export async function waitFor200(url, { handle, since, timeoutMs = 60000, intervalMs = 10 }) {
  const deadline = performance.now() + timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    if (handle.exit) {
      throw new Error(
        `${handle.label} ${describeExit(handle.exit)} before ${url} answered 200.\n${handle.output}`,
      );
    }
    try {
      const res = await request('GET', url, { timeoutMs: 2000 });
      if (res.status === 200) return performance.now() - since;
      last = `status ${res.status}: ${res.text.slice(0, 300)}`;
    } catch (error) {
      last = error.message;
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `${handle.label}: ${url} did not answer 200 within ${timeoutMs} ms (last: ${last}).\n${handle.output}`,
  );
}

/** Refuses to start a server on a port something already listens on (it would answer for it). */
export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: HOST, port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      reject(new Error(`Port ${port} on ${HOST} is already in use; stop what listens there.`));
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`Port ${port} on ${HOST} does not refuse connections; is it in use?`));
    });
    socket.once('error', () => resolve());
  });
}

/** Resident and peak resident memory of a process, in KiB (Linux /proc, else ps). */
export function readMemoryKb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    const rss = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }));
    return { rss, peak: Number.NaN };
  }
}

export function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A plain-text table; columns whose header starts with a space are right-aligned. */
export function table(headers, rows) {
  const cells = [headers.map((header) => header.trim()), ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const right = headers.map((header) => header.startsWith(' '));
  const line = (row) =>
    row
      .map((cell, column) =>
        right[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd();
  return [
    line(cells[0]),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.slice(1).map(line),
  ]
    .map((row) => `  ${row}`)
    .join('\n');
}

export const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
/** /proc reports KiB; the targets speak of MB (10^6 bytes). */
export const mb = (kib) => (Number.isFinite(kib) ? `${((kib * 1024) / 1e6).toFixed(0)} MB` : 'n/a');

/**
 * `node bench/<part>.mjs`: one part that needs PostgreSQL, on its own. It reads the settings
 * bench/run.mjs reads (BENCH_JSON included; `moreSettings()` adds the part's own), and creates a
 * throwaway database named as run.mjs names its (rakor_bench_<pid>_<databaseNumber>), so that
 * run.mjs drops it if this process is killed; Ctrl-C or SIGTERM drops it here. `run(settings,
 * database, tmpRoot)` measures and `report(settings, results)` prints the tables and returns the
 * targets; the results are written to BENCH_JSON under `key`, and `title` heads the report.
 */
export async function runStandalone({ key, title, databaseNumber, moreSettings, run, report }) {
  try {
    const seconds = integerSetting('BENCH_DURATION', 10, 1, 600);
    const settings = {
      seconds,
      warmupSeconds: integerSetting('BENCH_WARMUP', Math.min(2, seconds), 0, 60),
      rounds: integerSetting('BENCH_ROUNDS', 3, 1, 10),
      connections: integerSetting('BENCH_CONNECTIONS', 50, 1, 1000),
      pgUrl: process.env.BENCH_PG_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres',
      ...moreSettings?.(),
    };
    const name = `rakor_bench_${process.pid}_${databaseNumber}`;
    const url = new URL(settings.pgUrl);
    url.pathname = `/${name}`;
    const database = {
      name,
      url: url.toString(),
      authSecret: randomBytes(36).toString('base64url'),
    };
    const tmpRoot = mkdtempSync(join(os.tmpdir(), `rakor-bench-${key}-`));
    const admin = async (sql) => {
      const client = new pg.Client({ connectionString: settings.pgUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    let cleaning;
    const cleanup = () =>
      (cleaning ??= (async () => {
        await stopAll();
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        rmSync(tmpRoot, { recursive: true, force: true });
      })());
    process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
    process.once('SIGTERM', () => void cleanup().finally(() => process.exit(143)));
    try {
      await admin(`CREATE DATABASE "${name}"`);
      const results = await run(settings, database, tmpRoot);
      console.log(`\n${'='.repeat(100)}`);
      console.log(
        `${title} results, ${new Date().toISOString()}: ${os.availableParallelism()} CPUs, ` +
          `Node ${process.version}, load average ${os
            .loadavg()
            .map((load) => load.toFixed(2))
            .join(' ')}`,
      );
      results.targets = report(settings, results);
      const json = process.env.BENCH_JSON?.trim();
      if (json) {
        writeFileSync(json, `${JSON.stringify({ settings, [key]: results }, null, 2)}\n`);
        console.log(`\nResults written to ${json}`);
      }
    } finally {
      await cleanup();
    }
  } catch (error) {
    console.error(`\nThe benchmark failed: ${error.stack ?? error}`);
    process.exitCode = 1;
  }
}
