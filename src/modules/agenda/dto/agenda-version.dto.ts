import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { trimmed } from '../../../common/validation/transforms';
import { COMPARED_FIELDS, type ComparedField } from '../domain/version-diff';
import { AgendaConflictDto } from './agenda-conflicts.dto';
import { AgendaItemDto } from './agenda.dto';

/** A request to publish the working agenda as the next version. */
export class PublishAgendaDto {
  /** Publish although hard conflicts remain; they are recorded with the version. @default false */
  @IsOptional()
  @IsBoolean()
  acknowledgeConflicts?: boolean;

  /** What changed, for the people reading the versions. @example "Sesi 2 dimajukan ke 08.00" */
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(500)
  @IsString()
  note?: string;
}

/** A published version of the agenda. */
export class AgendaVersionDto {
  /** 1, 2, 3… per event. */
  number!: number;

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;

  /** The user who published it; null once that account is gone. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  publishedBy!: string | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  /** Items in the version, timed or not. */
  itemCount!: number;

  /** Hard conflicts the publisher acknowledged. */
  acknowledgedConflicts!: AgendaConflictDto[];

  /** Changes against the version before: zero counts for version 1 beyond `added`. */
  changes!: AgendaChangeCountsDto;
}

export class AgendaChangeCountsDto {
  added!: number;
  moved!: number;
  changed!: number;
  cancelled!: number;
}

/** Every published version, newest first. */
export class AgendaVersionListDto {
  versions!: AgendaVersionDto[];
}

/** One change between two versions. */
export class AgendaChangeDto {
  @ApiProperty({ enum: ['added', 'moved', 'changed', 'cancelled'], enumName: 'AgendaChangeKind' })
  kind!: 'added' | 'moved' | 'changed' | 'cancelled';

  @ApiProperty({ format: 'uuid' })
  itemId!: string;

  /** The item's title in the later version (the earlier one for a cancelled item). */
  title!: string;

  /** The fields that differ, for moved and changed items. */
  @ApiProperty({ enum: COMPARED_FIELDS, enumName: 'AgendaComparedField', isArray: true })
  fields!: ComparedField[];

  /** The item in the earlier version; null when added. */
  @ApiProperty({ type: () => AgendaItemDto, nullable: true })
  before!: AgendaItemDto | null;

  /** The item in the later version; null when cancelled. */
  @ApiProperty({ type: () => AgendaItemDto, nullable: true })
  after!: AgendaItemDto | null;

  /** People holding roles in the item before or after: they should hear of it. */
  @ApiProperty({ type: [String], format: 'uuid' })
  personIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  organizationIds!: string[];
}

/** What changed from one version to another. */
export class AgendaDiffDto {
  from!: number;
  to!: number;
  changes!: AgendaChangeDto[];
}

/** Which version to compare with. */
export class AgendaDiffQueryDto {
  /**
   * The earlier version; default the one just before. 0 compares with an empty agenda, so every
   * item is added. @example 1
   */
  @ApiPropertyOptional()
  @IsOptional()
  @Min(0)
  @IsInt()
  @Type(() => Number)
  from?: number;
}
