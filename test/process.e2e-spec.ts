import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE_NAME } from '../src/database/data-dir-lock';
import { provisionDatabase, serverUrl } from './support/test-database';
import { startService } from './support/service-process';
import { TEST_SECRET } from './support/test-app';

const json = (url: string, init?: RequestInit) =>
  fetch(url, init).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as Record<string, unknown> & { accessToken?: string },
  }));
const login = (base: string, email: string, password: string) =>
  json(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

describe('The service as a process', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'rakor-process-'));
    dirs.push(dir);
    return join(dir, 'data');
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it.each([
    [{ PORT: 'eighty' }, 'PORT: must be a whole number (got "eighty")'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    [
      { DATABASE_URL: 'mysql://localhost/rakor' },
      'DATABASE_URL: must be a postgres:// or postgresql:// URL',
    ],
    [
      { DATABASE_URL: 'postgres://localhost/rakor' },
      'AUTH_SECRET: is required when DATABASE_URL is set',
    ],
    [{ ADMIN_EMAIL: 'admin@rakor.test' }, 'ADMIN_PASSWORD: must be set together'],
    [{ AUTH_TOKEN_TTL: 'forever' }, 'AUTH_TOKEN_TTL: must be a duration'],
    [{ WORKERS: 'many' }, 'WORKERS: must be a whole number'],
    [{ WORKERS: '2' }, 'WORKERS: more than one worker needs DATABASE_URL'],
  ])('should refuse to start with %j, naming the variable', (env, message) => {
    const result = spawnSync(process.execPath, [join(__dirname, '..', 'dist', 'src', 'main.js')], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: freshDir(), ...env },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration:');
    expect(result.stderr).toContain(message);
  });

  it('should start on a new data directory, print a generated admin password once, and keep data across restarts', async () => {
    const dataDir = freshDir();
    const first = startService({ DATA_DIR: dataDir });
    const base = await first.listening();
    const ready = await fetch(`${base}/health/ready`, { headers: { 'x-request-id': 'probe-1' } });
    expect(ready.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const logLine = first
      .output()
      .split('\n')
      .find((line) => line.includes('"requestId":"probe-1"'));
    expect(JSON.parse(logLine ?? '{}')).toMatchObject({
      level: 30,
      requestId: 'probe-1',
      method: 'GET',
      url: '/health/ready',
      status: 200,
      msg: 'request completed',
    });
    const printed = /email:\s+(\S+)\n\s+password:\s+(\S+)/.exec(first.output());
    expect(printed).not.toBeNull();
    const [, email, password] = printed!;
    const session = await login(base, email!, password!);
    expect(session.status).toBe(200);
    const created = await json(`${base}/api/v1/users`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${session.body.accessToken}`,
      },
      body: JSON.stringify({
        email: 'petugas@rakor.test',
        displayName: 'Petugas',
        role: 'staff',
        password: 'petugas-password',
      }),
    });
    expect(created.status).toBe(201);
    expect(await first.stop()).toBe(0);

    const second = startService({ DATA_DIR: dataDir });
    const again = await second.listening();
    expect(second.output()).not.toMatch(/password:/);
    expect((await login(again, 'petugas@rakor.test', 'petugas-password')).status).toBe(200);
    const me = await json(`${again}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${session.body.accessToken}` },
    });
    expect(me).toMatchObject({ status: 200, body: { email } });
    expect(await second.stop()).toBe(0);
  });

  it('should refuse a second process on the same data directory at once, and take over a stale lock', async () => {
    const dataDir = freshDir();
    const owner = startService({ DATA_DIR: dataDir });
    await owner.listening();
    const started = Date.now();
    const intruder = spawnSync(
      process.execPath,
      [join(__dirname, '..', 'dist', 'src', 'main.js')],
      {
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: '0' },
        encoding: 'utf8',
        timeout: 20000,
      },
    );
    expect(intruder.status).toBe(1);
    expect(intruder.stderr).toContain(
      `is in use by another Rakor process (pid ${owner.child.pid})`,
    );
    expect(Date.now() - started).toBeLessThan(10000);
    expect(await owner.stop()).toBe(0);

    // A lock left by a process that died without cleaning up does not block the next start.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, LOCK_FILE_NAME), `${dead.stdout}\n`);
    const next = startService({ DATA_DIR: dataDir });
    await next.listening();
    expect(await next.stop()).toBe(0);
  });

  /** The service with WORKERS=2 on a new server database, once both workers listen. */
  const startTwoWorkers = async (env: Record<string, string> = {}) => {
    const database = await provisionDatabase();
    const service = startService({
      ...database.env,
      AUTH_SECRET: TEST_SECRET,
      MIGRATE_ON_START: 'true',
      WORKERS: '2',
      ...env,
    });
    const base = await service.listening().catch(async (error: unknown) => {
      await service.stop('SIGKILL');
      await database.drop();
      throw error;
    });
    const listeningLines = () => service.output().match(/Rakor is listening on/g)?.length ?? 0;
    for (let wait = 0; listeningLines() < 2 && wait < 200; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { database, service, base };
  };

  (serverUrl() === undefined ? it.skip : it)(
    'should serve one port from several workers on a PostgreSQL server, and stop them all cleanly',
    async () => {
      const { database, service, base } = await startTwoWorkers();
      try {
        const addresses = new Set(
          [...service.output().matchAll(/Rakor is listening on (\S+)/g)].map((match) => match[1]),
        );
        expect(addresses).toEqual(new Set([base]));
        const answers = await Promise.all(
          Array.from({ length: 20 }, () => fetch(`${base}/health/ready`).then((r) => r.status)),
        );
        expect(answers).toEqual(answers.map(() => 200));
        service.child.kill('SIGTERM');
        expect(await service.exited()).toBe(0);
        expect(service.output().match(/finishing requests in flight/g)).toHaveLength(2);
      } finally {
        await service.stop('SIGKILL');
        await database.drop();
      }
    },
    60_000,
  );

  (serverUrl() === undefined ? it.skip : it)(
    "should count a client's logins once across the workers, whichever worker serves them",
    async () => {
      const {
        database,
        service,
        base: address,
      } = await startTwoWorkers({
        LOGIN_RATE_LIMIT: '4',
        LOGIN_RATE_WINDOW: '10m',
      });
      try {
        const base = new URL(address);
        // One connection per attempt: node:cluster hands connections to the workers in turn.
        const attempt = (n: number) =>
          new Promise<number>((resolve, reject) => {
            const body = JSON.stringify({ email: 'nobody@rakor.test', password: `guess-${n}` });
            const req = httpRequest(
              {
                host: base.hostname,
                port: base.port,
                path: '/api/v1/auth/login',
                method: 'POST',
                agent: false,
                headers: {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(body),
                  'x-request-id': `guess-${n}`,
                },
              },
              (res) => {
                res.resume();
                res.on('end', () => resolve(res.statusCode ?? 0));
              },
            );
            req.on('error', reject);
            req.end(body);
          });
        const statuses: number[] = [];
        for (let n = 0; n < 10; n++) statuses.push(await attempt(n));
        expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const servedBy = new Set(
          service
            .output()
            .split('\n')
            .filter((line) => /"requestId":"guess-\d+"/.test(line) && line.includes('"status"'))
            .map((line) => (JSON.parse(line) as { pid: number }).pid),
        );
        expect(servedBy.size).toBe(2);
      } finally {
        await service.stop('SIGKILL');
        await database.drop();
      }
    },
    60_000,
  );

  it('should finish a request in flight when asked to stop, then exit cleanly', async () => {
    const database = await provisionDatabase();
    const service = startService({
      ...database.env,
      AUTH_SECRET: TEST_SECRET,
      MIGRATE_ON_START: 'true',
    });
    try {
      const base = new URL(await service.listening());
      const body = JSON.stringify({ email: 'nobody@rakor.test', password: 'not-a-password' });
      const socket = connect(Number(base.port), base.hostname);
      let response = '';
      socket.on('data', (chunk) => (response += chunk.toString()));
      const closed = new Promise((resolve) => socket.on('close', resolve));
      await new Promise((resolve) => socket.once('connect', resolve));
      // Send the headers and half of the body, then ask the service to stop.
      socket.write(
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: ${base.host}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      service.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(service.child.exitCode).toBeNull(); // still serving the request in flight
      socket.write(body.slice(10));
      await closed;
      expect(response).toMatch(/^HTTP\/1\.1 401 /);
      expect(response).toContain('"code":"INVALID_CREDENTIALS"');
      expect(await service.exited()).toBe(0);
      expect(service.output()).toContain('finishing requests in flight');
    } finally {
      await service.stop('SIGKILL');
      await database.drop();
    }
  });
});
