import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { adminQuery, serverUrl, TEMPLATE_DB, templateDir } from './test-database';

export default async function globalTeardown(): Promise<void> {
  if (serverUrl() === undefined) {
    rmSync(dirname(templateDir()), { recursive: true, force: true });
    return;
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
}
