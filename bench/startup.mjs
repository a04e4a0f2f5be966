// Starting the built service (node dist/src/main.js) and timing how long it takes to be ready.
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import {
  HOST,
  assertPortFree,
  describeExit,
  request,
  spawnNode,
  stopProcess,
  waitFor200,
} from './lib.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MAIN = join(ROOT, 'dist', 'src', 'main.js');

export const ADMIN = { email: 'bench-admin@rakor.test', password: 'bench-password-not-secret' };

/** Every variable src/config/config.ts reads: the caller's values must not leak into a run. */
const CONFIG_VARIABLES = [
  'HOST',
  'PORT',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'DATA_DIR',
  'MIGRATE_ON_START',
  'AUTH_SECRET',
  'AUTH_TOKEN_TTL',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'CORS_ORIGINS',
  'LOG_LEVEL',
  'LOGIN_RATE_LIMIT',
  'LOGIN_RATE_WINDOW',
  'PUBLIC_RATE_LIMIT',
  'PUBLIC_RATE_WINDOW',
  'DEMO_DATA',
  'BODY_LIMIT',
  'SHUTDOWN_TIMEOUT_MS',
  'TRUST_PROXY',
  'WORKERS',
];

/**
 * The environment for one app process: `database` is { dataDir } or { url, authSecret }; `extra`
 * sets more variables (a part's own rate limits, say).
 */
export function appEnv(port, database, extra = {}) {
  const env = { ...process.env };
  for (const name of CONFIG_VARIABLES) delete env[name];
  Object.assign(env, {
    HOST,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '100000',
    MIGRATE_ON_START: 'true',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  });
  if (database.url !== undefined) {
    env.DATABASE_URL = database.url;
    env.AUTH_SECRET = database.authSecret;
    // BENCH_WORKERS: processes serving the app's port on the server (WORKERS), 1 by default.
    env.WORKERS = process.env.BENCH_WORKERS ?? '1';
  } else {
    env.DATA_DIR = database.dataDir;
  }
  return Object.assign(env, extra);
}

/** Spawns the app and waits for GET /health/ready = 200; `ms` counts from just before spawn. */
export async function startApp(label, port, database, extraEnv = {}) {
  await assertPortFree(port);
  const since = performance.now();
  const handle = spawnNode(label, MAIN, { env: appEnv(port, database, extraEnv), cwd: ROOT });
  try {
    const ms = await waitFor200(`http://${HOST}:${port}/health/ready`, { handle, since });
    return { handle, ms };
  } catch (error) {
    await stopProcess(handle);
    throw error;
  }
}

/** Stops the app with SIGTERM and insists that it shut down cleanly (PGlite must close). */
export async function stopApp(handle) {
  const exit = await stopProcess(handle);
  if (exit.code !== 0) {
    throw new Error(
      `${handle.label} did not stop cleanly: ${describeExit(exit)}.\n${handle.output}`,
    );
  }
}

/** One timed start: spawn, ready, stop. */
export async function timeStart(label, port, database) {
  const { handle, ms } = await startApp(label, port, database);
  await stopApp(handle);
  return ms;
}

/** Logs in as the bench administrator and returns the bearer token. */
export async function logIn(port) {
  const res = await request('POST', `http://${HOST}:${port}/api/v1/auth/login`, {
    body: ADMIN,
    timeoutMs: 10000,
  });
  if (res.status !== 200) throw new Error(`Login answered ${res.status}: ${res.text}`);
  return JSON.parse(res.text).accessToken;
}
