// Writes migrations/data/regions.ts from the idn-area-data package's CSV files and the curated
// migrations/data/region-history.json.
//
//   node scripts/generate-region-seed.mjs           write the file
//   node scripts/generate-region-seed.mjs --check   exit 1 if the committed file differs
//   node scripts/generate-region-seed.mjs --print   print to stdout instead of writing
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRegionSeed, renderRegionsTs } from './region-seed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(root, 'node_modules', 'idn-area-data');
const target = join(root, 'migrations', 'data', 'regions.ts');

const read = (...parts) => readFileSync(join(...parts), 'utf8');

function main(args) {
  const { version } = JSON.parse(read(packageDir, 'package.json'));
  const rows = buildRegionSeed(
    read(packageDir, 'data', 'provinces.csv'),
    read(packageDir, 'data', 'regencies.csv'),
    JSON.parse(read(root, 'migrations', 'data', 'region-history.json')),
  );
  const output = renderRegionsTs(rows, version);

  if (args.includes('--print')) {
    process.stdout.write(output);
    return 0;
  }
  if (args.includes('--check')) {
    let committed;
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      console.error(`${target} is missing; run node scripts/generate-region-seed.mjs`);
      return 1;
    }
    if (committed === output) {
      console.log(`regions.ts is up to date (${rows.length} rows from idn-area-data ${version})`);
      return 0;
    }
    const want = output.split('\n');
    const have = committed.split('\n');
    const line = want.findIndex((text, index) => text !== have[index]);
    console.error(
      `regions.ts differs from what idn-area-data ${version} gives, first at line ${line + 1}:\n` +
        `  committed: ${have[line] ?? '(end of file)'}\n` +
        `  generated: ${want[line] ?? '(end of file)'}\n` +
        'run node scripts/generate-region-seed.mjs',
    );
    return 1;
  }
  writeFileSync(target, output);
  console.log(`wrote ${target}: ${rows.length} rows from idn-area-data ${version}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
