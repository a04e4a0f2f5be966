import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config/config';
import { createDataSource, runMigrations } from '../database/data-source';
import { pendingSchemaChanges, renderMigration } from '../database/schema-drift';

const USAGE = `Usage: npm run migration:run | migration:revert | migration:show
       npm run migration:generate -- <Name>   (diffs the entities against a fresh migrated database)`;

async function main(command: string | undefined, name: string | undefined): Promise<void> {
  if (command === 'generate') return generate(name);
  if (command !== 'run' && command !== 'revert' && command !== 'show') {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const dataSource = await createDataSource(config.database);
  await dataSource.initialize();
  try {
    switch (command) {
      case 'run': {
        const applied = await runMigrations(dataSource);
        console.log(
          applied.length === 0 ? 'No pending migrations.' : `Applied: ${applied.join(', ')}`,
        );
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration.');
        break;
      case 'show': {
        const pending = await dataSource.showMigrations();
        console.log(pending ? 'There are pending migrations.' : 'The database is up to date.');
        process.exitCode = pending ? 3 : 0;
        break;
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

async function generate(name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    console.error(`${USAGE}\nThe name must be PascalCase, such as AddEvents.`);
    process.exitCode = 2;
    return;
  }
  const dataSource = await createDataSource({ kind: 'embedded', dataDir: 'memory://' });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const changes = await pendingSchemaChanges(dataSource);
    if (changes.up.length === 0) {
      console.log('The entities and the migrations agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const file = join(process.cwd(), 'migrations', `${timestamp}-${name}.ts`);
    writeFileSync(file, renderMigration(`${name}${timestamp}`, changes));
    console.log(`Wrote ${file}; add it to migrations/index.ts.`);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
