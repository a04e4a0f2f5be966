import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import {
  canonicalTimeZone,
  DEFAULT_TIME_ZONE,
  isValidTimeZone,
} from '../../../common/time/zoned-time';
import { trimmed } from '../../../common/validation/transforms';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../domain/event-rules';
import { EventSettingsInputDto, VenueInputDto } from './event-input.dto';
import { IsOptionalNotNull } from '../../../common/validation/presence';
import { CreateRoomDto } from './room-input.dto';

/** Spells a valid zone the canonical way; anything else stays for the validators to refuse. */
export const canonicalZone = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && isValidTimeZone(value) ? canonicalTimeZone(value) : value;

export const SLUG_MESSAGE = 'slug must be lower-case letters and digits in words joined by hyphens';

/** A new event, in draft. */
export class CreateEventDto {
  /**
   * The event's name in links: lower-case words joined by hyphens, unique. Made from the title
   * when left out. @example "workshop-kehumasan-2022"
   */
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(SLUG_MAX_LENGTH)
  @IsString()
  slug?: string;

  /** @example "Rapat Koordinasi dan Workshop Pengelolaan Kehumasan" */
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(300)
  @IsString()
  title!: string;

  @IsOptional()
  @Transform(trimmed)
  @MaxLength(10000)
  @IsString()
  description?: string | null;

  /** The organization holding the event (an id from /organizations). */
  @IsOptional()
  @IsUUID()
  organizerId?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => VenueInputDto)
  @IsObject()
  venue?: VenueInputDto | null;

  /** The IANA zone in which the event's days and times are read. @example "Asia/Jakarta" */
  @ApiPropertyOptional({ default: DEFAULT_TIME_ZONE })
  @IsOptionalNotNull()
  @Transform(canonicalZone)
  @IsTimeZone()
  @IsString()
  timeZone: string = DEFAULT_TIME_ZONE;

  /** First day, local to the event. @example "2022-06-28" */
  @ApiProperty({ format: 'date' })
  @IsLocalDate()
  @IsString()
  startDate!: string;

  /** Last day, inclusive; the event lasts at most 31 days. @example "2022-06-30" */
  @ApiProperty({ format: 'date' })
  @IsLocalDate()
  @IsString()
  endDate!: string;

  /** Most delegates the event takes; left out: no limit beyond the delegations' quotas. @example 150 */
  @IsOptional()
  @Min(1)
  @Max(1000000)
  @IsInt()
  capacity?: number | null;

  /** When registration opens, ISO 8601 with an offset. @example "2022-06-01T08:00:00+07:00" */
  @IsOptional()
  @IsIsoTimestamp('required')
  @IsString()
  registrationOpensAt?: string | null;

  /** When registration closes, after it opens. @example "2022-06-27T17:00:00+07:00" */
  @IsOptional()
  @IsIsoTimestamp('required')
  @IsString()
  registrationClosesAt?: string | null;

  /** Registration settings; left-out fields take the defaults. */
  @IsOptional()
  @ValidateNested()
  @Type(() => EventSettingsInputDto)
  @IsObject()
  settings?: EventSettingsInputDto | null;

  /** Rooms created with the event; names must differ ignoring case and accents. */
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CreateRoomDto)
  @IsArray()
  rooms?: CreateRoomDto[] | null;
}
