import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoTimestamp, IsTimeZone } from '../../../common/time/time-validators';
import { IsLocalDate } from '../../../common/validation/local-date';
import { trimmed } from '../../../common/validation/transforms';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../domain/event-rules';
import { canonicalZone, SLUG_MESSAGE } from './create-event.dto';
import { EventSettingsInputDto, VenueInputDto } from './event-input.dto';
import { IsOptionalNotNull } from '../../../common/validation/presence';

/**
 * The fields to change; absent fields stay as they are and null clears the optional ones. Rooms
 * change through /events/{eventId}/rooms, and the status through /events/{eventId}/status.
 */
export class UpdateEventDto {
  /** @example "workshop-kehumasan-2022" */
  @IsOptionalNotNull()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX_LENGTH)
  @IsString()
  slug?: string;

  @IsOptionalNotNull()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(300)
  @IsString()
  title?: string;

  @IsOptional()
  @Transform(trimmed)
  @MaxLength(10000)
  @IsString()
  description?: string | null;

  @IsOptional()
  @IsUUID()
  organizerId?: string | null;

  /** Replaces the whole venue; null removes it. */
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueInputDto)
  @IsObject()
  venue?: VenueInputDto | null;

  /**
   * A new zone keeps every session at its instant (its local time changes), so every scheduled
   * session must still fall inside the event's days. @example "Asia/Makassar"
   */
  @IsOptionalNotNull()
  @Transform(canonicalZone)
  @IsTimeZone()
  @IsString()
  timeZone?: string;

  /** @example "2022-06-28" */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsLocalDate()
  @IsString()
  startDate?: string;

  /** @example "2022-06-30" */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptionalNotNull()
  @IsLocalDate()
  @IsString()
  endDate?: string;

  @IsOptional()
  @Min(1)
  @Max(1000000)
  @IsInt()
  capacity?: number | null;

  /** @example "2022-06-01T08:00:00+07:00" */
  @IsOptional()
  @IsIsoTimestamp('required')
  @IsString()
  registrationOpensAt?: string | null;

  /** @example "2022-06-27T17:00:00+07:00" */
  @IsOptional()
  @IsIsoTimestamp('required')
  @IsString()
  registrationClosesAt?: string | null;

  /** Merged over the current settings. */
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EventSettingsInputDto)
  @IsObject()
  settings?: EventSettingsInputDto;
}
