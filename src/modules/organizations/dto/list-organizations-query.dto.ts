import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { IsLocalDate } from '../../../common/validation/local-date';
import { trimmed } from '../../../common/validation/transforms';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_SOURCES,
  type OrganizationKind,
  type OrganizationSource,
  REPORTING_GROUPS,
  type ReportingGroup,
} from '../domain/organization-kind';

/**
 * Filters over the catalog; all of them at once narrow the list. Sorted with regional
 * governments first in code order (a province, then its regencies and cities), then the rest by
 * name.
 */
export class ListOrganizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  /** The reporting group: `K/L`, `Pemda` or `Lainnya`. */
  @ApiPropertyOptional({ enum: REPORTING_GROUPS, enumName: 'ReportingGroup' })
  @IsOptional()
  @IsIn(REPORTING_GROUPS)
  group?: ReportingGroup;

  /** Only organizations directly under this one (the regencies of a province, say). */
  @IsOptional()
  @IsUUID()
  parentId?: string;

  /** A region code and everything under it: `11` gives Aceh and its regencies and cities. */
  @ApiPropertyOptional({ example: '11' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}){0,3}$/, {
    message: 'codePrefix must be a region code such as 11 or 11.71',
  })
  @IsString()
  codePrefix?: string;

  /** Only organizations that existed on this day, such as an event's first day. */
  @ApiPropertyOptional({ example: '2022-06-28' })
  @IsOptional()
  @IsLocalDate()
  validOn?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_SOURCES, enumName: 'OrganizationSource' })
  @IsOptional()
  @IsIn(ORGANIZATION_SOURCES)
  source?: OrganizationSource;

  /** Words of the name, acronym or code, in any case, with or without accents. */
  @ApiPropertyOptional({ example: 'banda aceh' })
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  q?: string;
}
