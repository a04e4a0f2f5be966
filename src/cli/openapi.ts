import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../app';
import { loadConfig } from '../config/config';
import { buildOpenApiDocument } from '../common/openapi/openapi';

export const OPENAPI_FILE = join(__dirname, '..', '..', '..', 'openapi.json');

/** Writes openapi.json from the code, using a throwaway in-memory database. */
async function main(): Promise<void> {
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'warn' });
  const app = await createApp(config);
  try {
    writeFileSync(OPENAPI_FILE, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
    console.log(`Wrote ${OPENAPI_FILE}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
