import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DatabaseConfig } from '../../src/config/config';

/**
 * Each test file gets a fresh database copied from one migrated template: a copy of a PGlite
 * directory by default, or `CREATE DATABASE … TEMPLATE` on the server named by TEST_DATABASE_URL.
 */
export const TEMPLATE_DB = 'rakor_test_template';
const TEMPLATE_DIR_ENV = 'RAKOR_TEST_TEMPLATE_DIR';

export function serverUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function templateDir(): string {
  const dir = process.env[TEMPLATE_DIR_ENV];
  if (!dir)
    throw new Error(`${TEMPLATE_DIR_ENV} is not set: run the tests through Jest's global setup`);
  return dir;
}

export function setTemplateDir(dir: string): void {
  process.env[TEMPLATE_DIR_ENV] = dir;
}

export interface TestDatabase {
  config: DatabaseConfig;
  /** Environment variables that point a child process at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

let counter = 0;

export async function provisionDatabase(): Promise<TestDatabase> {
  const url = serverUrl();
  if (url === undefined) {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'rakor-test-')), 'data');
    cpSync(templateDir(), dataDir, { recursive: true });
    return {
      config: { kind: 'embedded', dataDir },
      env: { DATA_DIR: dataDir },
      drop: async () => rmSync(join(dataDir, '..'), { recursive: true, force: true }),
    };
  }
  const name = `rakor_test_${process.pid}_${Date.now()}_${counter++}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
      break;
    } catch (error) {
      // Two files may copy the template at the same instant; PostgreSQL then refuses one.
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  const databaseUrl = withDatabase(url, name);
  return {
    config: { kind: 'server', url: databaseUrl, poolSize: 10 },
    env: { DATABASE_URL: databaseUrl },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
