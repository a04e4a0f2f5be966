import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsTimeZone } from '../../../common/time/time-validators';
import { IsLocalDate } from '../../../common/validation/local-date';
import { trimmed } from '../../../common/validation/transforms';
import {
  ORGANIZATION_KINDS,
  type OrganizationKind,
  REPORTING_GROUPS,
  type ReportingGroup,
} from '../domain/organization-kind';

/** An organization an organizer adds: a unit of a ministry or region, or an outside team. */
export class CreateOrganizationDto {
  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind', example: 'unit' })
  @IsIn(ORGANIZATION_KINDS)
  kind!: OrganizationKind;

  /** @example "Pusat Penerangan" */
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(300)
  @IsString()
  name!: string;

  /** @example "Puspen Kemendagri" */
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(60)
  @IsString()
  acronym?: string | null;

  /** Defaults from the kind: K/L for central government, Pemda for regions, a unit's parent's group. */
  @ApiPropertyOptional({ enum: REPORTING_GROUPS, enumName: 'ReportingGroup' })
  @IsOptional()
  @IsIn(REPORTING_GROUPS)
  reportingGroup?: ReportingGroup;

  /** Kemendagri's code, for a province (`11`), regency or city (`11.71`) only. */
  @IsOptional()
  @IsString()
  regionCode?: string | null;

  /** IANA zone; defaults to the parent's. @example "Asia/Jakarta" */
  @IsOptional()
  @IsTimeZone()
  @IsString()
  timeZone?: string | null;

  /** The organization it sits under; required for a unit. */
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ example: '2022-07-25' })
  @IsOptional()
  @IsLocalDate()
  validFrom?: string | null;

  @ApiPropertyOptional({ example: null })
  @IsOptional()
  @IsLocalDate()
  validTo?: string | null;
}

/** The fields to change; absent fields stay, null clears an optional one. */
export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) {}
