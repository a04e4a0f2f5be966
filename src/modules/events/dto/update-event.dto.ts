import { ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsObject, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsTimeZone } from '../../../common/time/time-validators';
import { IsLocalDate } from '../../../common/validation/local-date';
import { trimmed } from '../../../common/validation/transforms';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../domain/event-rules';
import { canonicalZone, CreateEventDto, SLUG_MESSAGE } from './create-event.dto';
import { EventSettingsInputDto } from './event-input.dto';
import { IsOptionalNotNull } from '../../../common/validation/presence';

/**
 * The fields to change; absent fields stay as they are and null clears the optional ones (a new
 * venue replaces the whole venue). Rooms change through /events/{eventId}/rooms, and the status
 * through /events/{eventId}/status.
 */
export class UpdateEventDto extends PartialType(
  PickType(CreateEventDto, [
    'description',
    'organizerId',
    'venue',
    'capacity',
    'registrationOpensAt',
    'registrationClosesAt',
  ] as const),
) {
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

  /** Merged over the current settings. */
  @IsOptionalNotNull()
  @ValidateNested()
  @Type(() => EventSettingsInputDto)
  @IsObject()
  settings?: EventSettingsInputDto;
}
