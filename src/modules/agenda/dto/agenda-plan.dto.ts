import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIsoTimestamp } from '../../../common/time/time-validators';
import { IsLocalDate } from '../../../common/validation/local-date';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOCK_OR_MIDNIGHT = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const CLOCK_MESSAGE = '$property must be a local clock time HH:mm, such as 08:00';

/** A daily time span in the event's zone, `to` exclusive; `24:00` is midnight. */
export class DailyTimeDto {
  /** Local clock time it opens. @example "08:00" */
  @ApiProperty({ pattern: CLOCK.source })
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  @IsString()
  from!: string;

  /** Local clock time it closes. @example "17:00" */
  @ApiProperty({ pattern: CLOCK_OR_MIDNIGHT.source })
  @Matches(CLOCK_OR_MIDNIGHT, { message: `${CLOCK_MESSAGE} (or 24:00)` })
  @IsString()
  to!: string;
}

/**
 * The hours items may run on one local day; a `to` not after `from` is on the next day
 * (`19:00`–`01:00`).
 */
export class DayWindowDto extends DailyTimeDto {
  /** @example "2022-06-29" */
  @ApiProperty({ format: 'date' })
  @IsLocalDate()
  @IsString()
  date!: string;
}

/** How breaks are made and kept. Leave a rule out for none. */
export class BreakRulesDto {
  /** Length of a coffee break, in minutes. @example 15 */
  @IsOptional()
  @Min(5)
  @Max(120)
  @IsInt()
  coffeeBreakMinutes?: number;

  /** A coffee break after this many continuous minutes of items. @example 120 */
  @IsOptional()
  @Min(30)
  @Max(720)
  @IsInt()
  coffeeBreakAfterMinutes?: number;

  /** ISHOMA (istirahat, sholat, makan): the prayer and meal break, every event day. */
  @IsOptional()
  @ValidateNested()
  @Type(() => DailyTimeDto)
  ishoma?: DailyTimeDto;

  /** Whether items other than breaks may not run over ISHOMA; default true when ishoma is given. */
  @IsOptional()
  @IsBoolean()
  ishomaForbidsItems?: boolean;
}

/** `after` may start only once `before` has ended. */
export class OrderingConstraintDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  before!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  after!: string;
}

/** When a person can be at the event; several spans per person are allowed. */
export class AvailabilityDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  personId!: string;

  /** ISO 8601, with an offset or in the event's local time. @example "2022-06-29T08:00" */
  @IsIsoTimestamp('optional')
  @IsString()
  from!: string;

  /** Exclusive. @example "2022-06-29T12:00" */
  @IsIsoTimestamp('optional')
  @IsString()
  to!: string;
}

/**
 * What the generator works from, besides the items themselves: replaced as a whole by PUT.
 * Every list may be empty; no day windows means any time of the event's days.
 */
export class AgendaPlanInputDto {
  /** The hours of each day; a day without a window takes no items once any window is given. */
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DayWindowDto)
  dayWindows!: DayWindowDto[];

  @ValidateNested()
  @Type(() => BreakRulesDto)
  breakRules!: BreakRulesDto;

  /** Items that must follow others. */
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => OrderingConstraintDto)
  ordering!: OrderingConstraintDto[];

  /** Items that stay where they are whenever the agenda is generated again. */
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(20000)
  @IsUUID('all', { each: true })
  pinnedSessionIds!: string[];

  /** When role holders can be there; a person not listed is always available. */
  @IsArray()
  @ArrayMaxSize(20000)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityDto)
  availability!: AvailabilityDto[];
}

/** The event's agenda plan. */
export class AgendaPlanDto extends AgendaPlanInputDto {
  /** When the plan last changed; null while the event has none. */
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  updatedAt!: string | null;
}
