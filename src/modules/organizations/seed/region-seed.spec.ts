import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CENTRAL_GOVERNMENT,
  type CentralGovernmentSeed,
} from '../../../../migrations/data/central-government';
import { REGION_SEED_SOURCE, REGIONS, type RegionSeed } from '../../../../migrations/data/regions';

const root = join(__dirname, '..', '..', '..', '..');

interface Fixture {
  delegations: {
    ministriesAndAgencies: { kind: CentralGovernmentSeed['kind']; name: string; acronym: string }[];
    regionalGovernments: { kind: string; regionCode: string }[];
  };
}

const fixture = JSON.parse(
  readFileSync(join(root, 'demo', 'workshop-kehumasan-2022.json'), 'utf8'),
) as Fixture;

/** Whether a row is valid on a local date (both bounds inclusive). */
const validOn = (row: RegionSeed, date: string): boolean =>
  (row.validFrom === null || row.validFrom <= date) &&
  (row.validTo === null || row.validTo >= date);

const provincesOn = (date: string) =>
  REGIONS.filter((row) => row.kind === 'province' && validOn(row, date));
const regenciesOn = (date: string) =>
  REGIONS.filter((row) => row.kind !== 'province' && validOn(row, date));

const byCode = (code: string) => REGIONS.find((row) => row.code === code);

const DATES = ['2022-06-28', '2022-07-24', '2022-07-25', '2022-12-07', '2022-12-08', '2026-01-01'];

describe('Region seed (migrations/data/regions.ts)', () => {
  it('should be exactly what the script generates from the installed idn-area-data', () => {
    const result = spawnSync(
      process.execPath,
      [join(root, 'scripts', 'generate-region-seed.mjs'), '--check'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { version } = JSON.parse(
      readFileSync(join(root, 'node_modules', 'idn-area-data', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(REGION_SEED_SOURCE).toBe(`idn-area-data ${version}`);
  });

  it('should hold 38 provinces, 514 current regencies and cities and 26 former codes', () => {
    expect(REGIONS.filter((row) => row.kind === 'province')).toHaveLength(38);
    const current = REGIONS.filter((row) => row.kind !== 'province' && row.validTo === null);
    expect(current).toHaveLength(514);
    expect(current.filter((row) => row.kind === 'city')).toHaveLength(98);
    expect(REGIONS.filter((row) => row.validTo !== null)).toHaveLength(26);
  });

  it('should list 34 provinces in June 2022, 37 from 25 July 2022 and 38 from 8 December 2022', () => {
    expect(provincesOn('2022-06-28')).toHaveLength(34);
    expect(provincesOn('2022-07-24')).toHaveLength(34);
    expect(provincesOn('2022-07-25')).toHaveLength(37);
    expect(provincesOn('2022-12-07')).toHaveLength(37);
    expect(provincesOn('2022-12-08')).toHaveLength(38);
    for (const date of DATES) expect(regenciesOn(date)).toHaveLength(514);
  });

  it("should list on the workshop's first day exactly the fixture's 34 provinces", () => {
    const fixtureCodes = fixture.delegations.regionalGovernments.map((r) => r.regionCode);
    expect(provincesOn('2022-06-28').map((row) => row.code)).toEqual([...fixtureCodes].sort());
  });

  it('should carry codes, kinds, zones and parents as Kemendagri has them', () => {
    expect(byCode('11')).toMatchObject({
      kind: 'province',
      name: 'Aceh',
      timeZone: 'Asia/Jakarta',
      parentCode: null,
    });
    expect(byCode('73')).toMatchObject({ name: 'Sulawesi Selatan', timeZone: 'Asia/Makassar' });
    expect(byCode('91')).toMatchObject({ name: 'Papua', timeZone: 'Asia/Jayapura' });
    expect(byCode('11.71')).toMatchObject({
      kind: 'city',
      name: 'Kota Banda Aceh',
      parentCode: '11',
      timeZone: 'Asia/Jakarta',
      validFrom: null,
      validTo: null,
    });
    expect(byCode('91.16')).toMatchObject({
      name: 'Kabupaten Boven Digoel',
      parentCode: '91',
      validFrom: null,
      validTo: '2022-07-24',
    });
    expect(byCode('93.02')).toMatchObject({
      name: 'Kabupaten Boven Digoel',
      parentCode: '93',
      validFrom: '2022-07-25',
      validTo: null,
    });
    expect(byCode('92.71')).toMatchObject({ kind: 'city', validTo: '2022-12-07' });
    expect(byCode('96.71')).toMatchObject({ kind: 'city', validFrom: '2022-12-08' });
  });

  it('should give every regency and city a province valid whenever it is, in the same zone', () => {
    for (const row of REGIONS) {
      const isCity = /^\d{2}\.7\d$/.test(row.code);
      expect({ code: row.code, city: row.kind === 'city' }).toEqual({
        code: row.code,
        city: isCity,
      });
      expect(row.name.startsWith('Kota ')).toBe(isCity);
      if (row.kind === 'province') {
        expect(row.parentCode).toBeNull();
        continue;
      }
      const parent = byCode(row.parentCode ?? '');
      expect(parent).toMatchObject({ kind: 'province', timeZone: row.timeZone });
      expect(row.code.slice(0, 2)).toBe(row.parentCode);
      for (const date of DATES) {
        if (validOn(row, date)) expect(validOn(parent as RegionSeed, date)).toBe(true);
      }
    }
  });

  it('should never have two rows with one code valid on the same day', () => {
    for (const date of DATES) {
      const codes = REGIONS.filter((row) => validOn(row, date)).map((row) => row.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
    expect(new Set(REGIONS.map((row) => row.code)).size).toBe(REGIONS.length);
  });

  it('should be ordered: provinces by code, then regencies and cities by code', () => {
    const provinces = REGIONS.filter((row) => row.kind === 'province');
    const others = REGIONS.filter((row) => row.kind !== 'province');
    const sorted = (rows: RegionSeed[]) =>
      [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    expect(REGIONS).toEqual([...sorted(provinces), ...sorted(others)]);
  });
});

describe('Central government seed (migrations/data/central-government.ts)', () => {
  const KIND_ORDER: CentralGovernmentSeed['kind'][] = [
    'coordinating_ministry',
    'ministry',
    'agency',
    'non_structural',
    'state_institution',
    'tni',
    'polri',
  ];

  it("should hold every ministry and agency of the fixture with the fixture's name and acronym", () => {
    for (const org of fixture.delegations.ministriesAndAgencies) {
      expect(CENTRAL_GOVERNMENT).toContainEqual({
        kind: org.kind,
        name: org.name,
        acronym: org.acronym,
      });
    }
  });

  it('should hold the 4 coordinating and 30 other ministries of 2022, TNI and Polri', () => {
    const count = (kind: CentralGovernmentSeed['kind']) =>
      CENTRAL_GOVERNMENT.filter((org) => org.kind === kind).length;
    expect(count('coordinating_ministry')).toBe(4);
    expect(count('ministry')).toBe(30);
    expect(CENTRAL_GOVERNMENT).toContainEqual({
      kind: 'tni',
      name: 'Tentara Nasional Indonesia',
      acronym: 'TNI',
    });
    expect(CENTRAL_GOVERNMENT).toContainEqual({
      kind: 'polri',
      name: 'Kepolisian Negara Republik Indonesia',
      acronym: 'Polri',
    });
  });

  it('should have unique names and acronyms, sorted by kind then name', () => {
    const acronyms = CENTRAL_GOVERNMENT.map((org) => org.acronym);
    expect(new Set(acronyms).size).toBe(acronyms.length);
    const names = CENTRAL_GOVERNMENT.map((org) => org.name);
    expect(new Set(names).size).toBe(names.length);
    const sorted = [...CENTRAL_GOVERNMENT].sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    expect(CENTRAL_GOVERNMENT).toEqual(sorted);
  });
});
