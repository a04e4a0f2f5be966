import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { type AppConfig, loadConfig } from '../../src/config/config';
import type { UserRole } from '../../src/modules/users/domain/user-role';
import { provisionDatabase, type TestDatabase } from './test-database';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const ADMIN = { email: 'admin@rakor.test', password: 'admin-password-for-tests' };

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  /** A bearer token for a (new, unless admin) staff member with this role. */
  tokenFor(role: UserRole): Promise<string>;
  /** Runs `work` and returns the SQL statements the application sent meanwhile. */
  queriesDuring(work: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The real application over HTTP on a fresh database of its own, configured as an operator
 * would through the environment (plus `env` overrides).
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await provisionDatabase();
  const config = loadConfig({
    AUTH_SECRET: TEST_SECRET,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '1000',
    PUBLIC_RATE_LIMIT: '1000000',
    ...database.env,
    ...env,
  });
  const app = await createApp(config);
  const http = request(app.getHttpServer());
  const tokens = new Map<UserRole, string>();
  let users = 0;

  const login = async (email: string, password: string): Promise<string> => {
    const response = await http.post('/api/v1/auth/login').send({ email, password }).expect(200);
    return (response.body as { accessToken: string }).accessToken;
  };

  const dataSource = app.get<DataSource>(getDataSourceToken());
  return {
    app,
    http,
    config,
    database,
    dataSource,
    async queriesDuring(work) {
      const logger = dataSource.logger;
      const queries: string[] = [];
      const logQuery = logger.logQuery.bind(logger);
      logger.logQuery = (query, parameters, queryRunner) => {
        queries.push(query);
        logQuery(query, parameters, queryRunner);
      };
      try {
        await work();
      } finally {
        logger.logQuery = logQuery;
      }
      return queries;
    },
    async tokenFor(role) {
      const known = tokens.get(role);
      if (known) return known;
      const adminToken = tokens.get('admin') ?? (await login(ADMIN.email, ADMIN.password));
      tokens.set('admin', adminToken);
      if (role === 'admin') return adminToken;
      const user = buildUser({ role, email: `${role}-${++users}@rakor.test` });
      await http.post('/api/v1/users').auth(adminToken, { type: 'bearer' }).send(user).expect(201);
      const token = await login(user.email, user.password);
      tokens.set(role, token);
      return token;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export interface UserInput {
  email: string;
  displayName: string;
  role: UserRole;
  password: string;
}

let built = 0;

/** A valid new-user body; override what the test is about. */
export function buildUser(overrides: Partial<UserInput> = {}): UserInput {
  built += 1;
  return {
    email: `user-${process.pid}-${built}@rakor.test`,
    displayName: `Petugas ${built}`,
    role: 'staff',
    password: 'a-password-long-enough',
    ...overrides,
  };
}

/** Creates a user through the API as the admin; returns the response body. */
export async function createUser(
  t: TestApp,
  overrides: Partial<UserInput> = {},
): Promise<{ id: string } & Omit<UserInput, 'password'>> {
  const response = await t.http
    .post('/api/v1/users')
    .auth(await t.tokenFor('admin'), { type: 'bearer' })
    .send(buildUser(overrides))
    .expect(201);
  return response.body as { id: string } & Omit<UserInput, 'password'>;
}

/** Asserts an RFC 9457 problem response and returns its body. */
export function expectProblem(
  response: request.Response,
  status: number,
  code: string,
): Record<string, unknown> & { errors?: { field: string; message: string }[] } {
  expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
    status,
    type: 'application/problem+json; charset=utf-8',
  });
  const body = response.body as Record<string, unknown> & {
    errors?: { field: string; message: string }[];
  };
  expect(body).toMatchObject({ status, code, type: expect.stringMatching(/^urn:rakor:problem:/) });
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
}

/**
 * Shorthands for requests under /api/v1 with a bearer token: the default one unless another is
 * given. Both are read at call time, since test files assign them in `beforeAll`.
 */
export function apiRequests(app: () => TestApp, defaultToken: () => string) {
  const bearer = { type: 'bearer' } as const;
  return {
    post: (path: string, body: object, token = defaultToken()) =>
      app().http.post(`/api/v1${path}`).auth(token, bearer).send(body),
    put: (path: string, body: object, token = defaultToken()) =>
      app().http.put(`/api/v1${path}`).auth(token, bearer).send(body),
    patch: (path: string, body: object, token = defaultToken()) =>
      app().http.patch(`/api/v1${path}`).auth(token, bearer).send(body),
    get: (path: string, query: Record<string, string> = {}, token = defaultToken()) =>
      app().http.get(`/api/v1${path}`).query(query).auth(token, bearer),
    del: (path: string, token = defaultToken()) =>
      app().http.delete(`/api/v1${path}`).auth(token, bearer),
  };
}

/**
 * Collects a binary body (CSV with its byte-order mark, XLSX, PDF, PNG) as a Buffer: pass it to
 * supertest's `.buffer(true).parse(binary)`.
 */
export function binary(
  response: request.Response,
  done: (error: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
