import { ApiProperty } from '@nestjs/swagger';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_SOURCES,
  type OrganizationKind,
  type OrganizationSource,
  REPORTING_GROUPS,
  type ReportingGroup,
} from '../domain/organization-kind';

/** Enough of an organization to name it where another record points at it. */
export class OrganizationSummaryDto {
  /** @example "5b1f8f1e-4a8e-4f55-9d55-4f0a4c3c7a10" */
  id!: string;
  /** @example "Kementerian Dalam Negeri" */
  name!: string;
  /** @example "Kemendagri" */
  acronym!: string | null;
}

/** A ministry, agency, regional government, unit or outside organization. */
export class OrganizationDto {
  /** @example "5b1f8f1e-4a8e-4f55-9d55-4f0a4c3c7a10" */
  id!: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind', example: 'province' })
  kind!: OrganizationKind;
  /** The group it counts under in attendance reports. */
  @ApiProperty({ enum: REPORTING_GROUPS, enumName: 'ReportingGroup', example: 'Pemda' })
  reportingGroup!: ReportingGroup;
  /** @example "Aceh" */
  name!: string;
  /** @example null */
  acronym!: string | null;
  /** Kemendagri's region code, for regional governments. @example "11" */
  regionCode!: string | null;
  /** The province's IANA zone (WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura). @example "Asia/Jakarta" */
  timeZone!: string | null;
  /** The organization this one sits under: a province for a regency, a ministry for its centre. */
  parent!: OrganizationSummaryDto | null;
  /** First day it exists under this name and code; null when as far back as known. @example null */
  validFrom!: string | null;
  /** Last day it exists under this name and code; null while it still does. @example null */
  validTo!: string | null;
  /** `catalog` for official seed data (read-only but for administrators), `organizer` for added ones. */
  @ApiProperty({ enum: ORGANIZATION_SOURCES, enumName: 'OrganizationSource' })
  source!: OrganizationSource;
  createdAt!: string;
  updatedAt!: string;
}

/** One page of organizations. */
export class OrganizationPageDto {
  items!: OrganizationDto[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor!: string | null;
}
