// Builds the region seed (migrations/data/regions.ts) from the idn-area-data CSV files and the
// curated history in migrations/data/region-history.json. Pure functions, no I/O, no
// dependencies: scripts/generate-region-seed.mjs does the reading and writing.

/** Kemendagri province codes by IANA time zone: WIB, WITA, WIT. */
const ZONE_CODES = {
  'Asia/Jakarta': '11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 61 62',
  'Asia/Makassar': '51 52 53 63 64 65 71 72 73 74 75 76',
  'Asia/Jayapura': '81 82 91 92 93 94 95 96',
};

const PROVINCE_ZONES = new Map(
  Object.entries(ZONE_CODES).flatMap(([zone, codes]) =>
    codes.split(' ').map((code) => [code, zone]),
  ),
);

const PROVINCE_CODE = /^\d{2}$/;
const REGENCY_CODE = /^(\d{2})\.(\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fail(message) {
  throw new Error(`region seed: ${message}`);
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into objects keyed by the
 * header row.
 */
export function parseCsv(text, label = 'csv') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  while (i < source.length) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
    i += 1;
  }
  if (quoted) fail(`${label}: unterminated quoted field`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...records] = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  if (header === undefined) fail(`${label}: empty file`);
  return records.map((record, index) => {
    if (record.length !== header.length) {
      fail(`${label} line ${index + 2}: ${record.length} fields, header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, column) => [name, record[column]]));
  });
}

function dayBefore(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function requireColumns(records, columns, label) {
  const first = records[0];
  if (first === undefined) fail(`${label}: no rows`);
  for (const column of columns) {
    if (!(column in first)) fail(`${label}: missing column "${column}"`);
  }
}

/**
 * The region rows: provinces by code, then regencies and cities by code (former codes
 * included), each with kind, time zone, acronym and validity dates (inclusive local dates).
 */
export function buildRegionSeed(provincesCsv, regenciesCsv, history) {
  const provinceRecords = parseCsv(provincesCsv, 'provinces.csv');
  const regencyRecords = parseCsv(regenciesCsv, 'regencies.csv');
  requireColumns(provinceRecords, ['code', 'name'], 'provinces.csv');
  requireColumns(regencyRecords, ['code', 'province_code', 'name'], 'regencies.csv');

  const established = new Map();
  for (const entry of history.establishedProvinces) {
    if (!DATE.test(entry.validFrom)) fail(`established province ${entry.code}: bad date`);
    if (typeof entry.law !== 'string' || entry.law === '') {
      fail(`established province ${entry.code}: no law recorded`);
    }
    if (established.has(entry.code)) fail(`established province ${entry.code} listed twice`);
    established.set(entry.code, entry);
  }

  const acronyms = history.provinceAcronyms;
  const provinces = new Map();
  for (const { code, name } of provinceRecords) {
    if (!PROVINCE_CODE.test(code)) fail(`province code "${code}" is not two digits`);
    if (provinces.has(code)) fail(`province code ${code} appears twice`);
    const timeZone = PROVINCE_ZONES.get(code);
    if (timeZone === undefined) fail(`province ${code} ${name} has no time zone`);
    if (!(code in acronyms)) fail(`province ${code} ${name} has no acronym entry (use null)`);
    const entry = established.get(code);
    if (entry !== undefined && entry.name !== name) {
      fail(`established province ${code} is "${entry.name}" in history, "${name}" in the package`);
    }
    provinces.set(code, {
      code,
      kind: 'province',
      name,
      acronym: acronyms[code],
      parentCode: null,
      timeZone,
      validFrom: entry === undefined ? null : entry.validFrom,
      validTo: null,
    });
  }
  for (const code of Object.keys(acronyms)) {
    if (!provinces.has(code)) fail(`acronym for unknown province ${code}`);
  }
  for (const [code, entry] of established) {
    if (!provinces.has(code)) fail(`established province ${code} is not in the package`);
    if (!provinces.has(entry.formedFrom)) fail(`province ${code} formed from unknown province`);
  }

  const regencies = [];
  const regencyCodes = new Set();
  for (const { code, province_code: provinceCode, name } of regencyRecords) {
    const match = REGENCY_CODE.exec(code);
    if (match === null) fail(`regency code "${code}" is not NN.NN`);
    if (match[1] !== provinceCode) fail(`regency ${code} is listed under ${provinceCode}`);
    if (regencyCodes.has(code)) fail(`regency code ${code} appears twice`);
    regencyCodes.add(code);
    const province = provinces.get(provinceCode);
    if (province === undefined) fail(`regency ${code} ${name}: unknown province ${provinceCode}`);
    const isCity = name.startsWith('Kota ');
    if (isCity !== match[2].startsWith('7')) {
      fail(`${code} ${name}: the "Kota " prefix and the .7x city code rule disagree`);
    }
    regencies.push({
      code,
      kind: isCity ? 'city' : 'regency',
      name,
      acronym: null,
      parentCode: provinceCode,
      timeZone: province.timeZone,
      validFrom: province.validFrom,
      validTo: null,
    });
  }

  const former = [];
  for (const { code, name } of history.formerCodes) {
    const match = REGENCY_CODE.exec(code);
    if (match === null) fail(`former code "${code}" is not NN.NN`);
    if (regencyCodes.has(code)) fail(`former code ${code} is still a current code`);
    const parent = provinces.get(match[1]);
    if (parent === undefined) fail(`former code ${code}: unknown province ${match[1]}`);
    const matches = regencies.filter((r) => r.name === name);
    if (matches.length !== 1) {
      fail(`former code ${code} "${name}" matches ${matches.length} current rows, expected 1`);
    }
    const current = matches[0];
    const entry = established.get(current.parentCode);
    if (entry === undefined || entry.formedFrom !== parent.code) {
      fail(
        `former code ${code} ${name}: now ${current.code}, not in a province formed from ${parent.code}`,
      );
    }
    if (current.kind !== (match[2].startsWith('7') ? 'city' : 'regency')) {
      fail(`former code ${code} ${name}: kind disagrees with the .7x city code rule`);
    }
    regencyCodes.add(code);
    former.push({
      ...current,
      code,
      parentCode: parent.code,
      timeZone: parent.timeZone,
      validFrom: null,
      validTo: dayBefore(entry.validFrom),
    });
  }
  for (const [code] of established) {
    const moved = regencies.filter((r) => r.parentCode === code);
    const missing = moved.filter((r) => !former.some((f) => f.name === r.name));
    if (missing.length > 0) {
      fail(`no former code for ${missing.map((r) => `${r.code} ${r.name}`).join(', ')}`);
    }
  }

  const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return [...[...provinces.values()].sort(byCode), ...[...regencies, ...former].sort(byCode)];
}

function literal(value) {
  if (value === null) return 'null';
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const FIELDS = [
  'code',
  'kind',
  'name',
  'acronym',
  'parentCode',
  'timeZone',
  'validFrom',
  'validTo',
];

/** The TypeScript module migrations/data/regions.ts for the given rows. */
export function renderRegionsTs(rows, packageVersion) {
  const source = `idn-area-data ${packageVersion}`;
  const lines = rows.map(
    (row) => `  { ${FIELDS.map((field) => `${field}: ${literal(row[field])}`).join(', ')} },`,
  );
  return `// Generated by scripts/generate-region-seed.mjs from ${source}
// (© fityannugroho, https://github.com/fityannugroho/idn-area-data; data under ODbL 1.0)
// and the curated migrations/data/region-history.json. Do not edit: change the script or the
// history file and run \`node scripts/generate-region-seed.mjs\`.

/** A province, regency or city as the Kemendagri code list has it. */
export interface RegionSeed {
  /** Kemendagri code: \`11\` for a province, \`11.71\` for a regency or city. */
  code: string;
  kind: 'province' | 'regency' | 'city';
  /** Name exactly as in ${source}. */
  name: string;
  /** Usual short name of a province (\`Sumut\`), null when none is usual. */
  acronym: string | null;
  /** The province of a regency or city; null for a province. */
  parentCode: string | null;
  /** The province's zone: WIB, WITA or WIT. */
  timeZone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  /** First day the code is valid (yyyy-mm-dd, inclusive); null: before any event we hold. */
  validFrom: string | null;
  /** Last day the code is valid (yyyy-mm-dd, inclusive); null: still valid. */
  validTo: string | null;
}

export const REGION_SEED_SOURCE = ${literal(source)};

// prettier-ignore
export const REGIONS: readonly RegionSeed[] = [
${lines.join('\n')}
];
`;
}
