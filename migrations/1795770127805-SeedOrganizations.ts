import type { MigrationInterface, QueryRunner } from 'typeorm';
import { foldForSearch, searchTextOf } from '../src/common/text/search-text';
import { organizationSortKey } from '../src/modules/organizations/domain/organization-rules';
import { CENTRAL_GOVERNMENT } from './data/central-government';
import { REGIONS } from './data/regions';

interface SeedRow {
  kind: string;
  reporting_group: string;
  name: string;
  acronym: string | null;
  code: string | null;
  parent_code: string | null;
  time_zone: string | null;
  valid_from: string | null;
  valid_to: string | null;
  search_text: string;
  sort_key: string;
}

/** Rows travel as one JSON parameter, so the insert is one statement whatever their number. */
const INSERT = `
  INSERT INTO organizations (kind, reporting_group, name, acronym, region_code, time_zone,
    parent_id, valid_from, valid_to, source, search_text, sort_key)
  SELECT r.kind::organization_kind, r.reporting_group::reporting_group, r.name, r.acronym, r.code,
    r.time_zone, parent.id, r.valid_from::date, r.valid_to::date, 'catalog', r.search_text,
    r.sort_key
  FROM jsonb_to_recordset($1::jsonb) AS r(kind text, reporting_group text, name text,
    acronym text, code text, parent_code text, time_zone text, valid_from text, valid_to text,
    search_text text, sort_key text)
  LEFT JOIN organizations parent ON parent.region_code = r.parent_code AND parent.kind = 'province'`;

function row(fields: Omit<SeedRow, 'search_text' | 'sort_key'>): SeedRow {
  return {
    ...fields,
    search_text: searchTextOf(fields.name, fields.acronym, fields.code),
    sort_key: organizationSortKey(fields.code, foldForSearch(fields.name)),
  };
}

/**
 * The catalog's official part: the 38 provinces and 514 regencies and cities of idn-area-data
 * (with the codes Papua's regencies carried before the 2022 provinces, and the validity dates
 * that let a June 2022 event see 34 provinces), and the central ministries and agencies.
 */
export class SeedOrganizations1795770127805 implements MigrationInterface {
  name = 'SeedOrganizations1795770127805';

  async up(queryRunner: QueryRunner): Promise<void> {
    const regions = REGIONS.map((region) =>
      row({
        kind: region.kind,
        reporting_group: 'Pemda',
        name: region.name,
        acronym: region.acronym,
        code: region.code,
        parent_code: region.parentCode,
        time_zone: region.timeZone,
        valid_from: region.validFrom,
        valid_to: region.validTo,
      }),
    );
    const central = CENTRAL_GOVERNMENT.map((organization) =>
      row({
        kind: organization.kind,
        reporting_group: 'K/L',
        name: organization.name,
        acronym: organization.acronym,
        code: null,
        parent_code: null,
        time_zone: null,
        valid_from: null,
        valid_to: null,
      }),
    );
    // Provinces first: regencies and cities find their parent among them.
    await queryRunner.query(INSERT, [JSON.stringify(regions.filter((r) => r.kind === 'province'))]);
    await queryRunner.query(INSERT, [JSON.stringify(regions.filter((r) => r.kind !== 'province'))]);
    await queryRunner.query(INSERT, [JSON.stringify(central)]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM organizations WHERE source = 'catalog' AND kind IN ('regency', 'city')`,
    );
    await queryRunner.query(`DELETE FROM organizations WHERE source = 'catalog'`);
  }
}
