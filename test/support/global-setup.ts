import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, runMigrations } from '../../src/database/data-source';
import { adminQuery, serverUrl, setTemplateDir, TEMPLATE_DB, withDatabase } from './test-database';

/** Migrates one template database for the whole run; test files copy it. */
export default async function globalSetup(): Promise<void> {
  const url = serverUrl();
  if (url === undefined) {
    const dir = join(mkdtempSync(join(tmpdir(), 'rakor-template-')), 'data');
    const dataSource = await createDataSource({ kind: 'embedded', dataDir: dir });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
    setTemplateDir(dir);
    return;
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DB}`);
  const dataSource = await createDataSource({
    kind: 'server',
    url: withDatabase(url, TEMPLATE_DB),
    poolSize: 2,
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
}
