import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsIsoTimestamp } from '../../../common/time/time-validators';
import { IsLocalDate } from '../../../common/validation/local-date';
import { trimmed } from '../../../common/validation/transforms';
import { IsOptionalNotNull } from '../../../common/validation/presence';
import { MAX_ROLE_HOLDERS } from '../domain/session-roles';
import { SESSION_TYPES, type SessionType } from '../domain/session-kinds';
import { MAX_SESSION_MINUTES } from '../domain/session-times';
import { SessionRoleInputDto } from './session-role-input.dto';

/**
 * A new agenda item. Scheduled: give startsAt and endsAt (durationMinutes and day, if given,
 * must agree with them). Unscheduled: leave both out and give durationMinutes, and a day if known.
 */
export class CreateSessionDto {
  /** @example "opening" */
  @ApiProperty({ enum: SESSION_TYPES, enumName: 'SessionType' })
  @IsIn(SESSION_TYPES)
  type!: SessionType;

  /** @example "Pembukaan oleh Sekretaris Jenderal Kementerian Dalam Negeri" */
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

  /** The event's local day the item belongs to; derived from startsAt when scheduled. @example "2022-06-28" */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsLocalDate()
  @IsString()
  day?: string | null;

  /** ISO 8601, with an offset or as a local time in the event's zone. @example "2022-06-28T19:00" */
  @IsOptional()
  @IsIsoTimestamp('optional')
  @IsString()
  startsAt?: string | null;

  /** ISO 8601, with an offset or as a local time in the event's zone. @example "2022-06-28T21:00" */
  @IsOptional()
  @IsIsoTimestamp('optional')
  @IsString()
  endsAt?: string | null;

  /** The planned length, 1–1440; required while the item has no times. @example 120 */
  @IsOptionalNotNull()
  @Min(1)
  @Max(MAX_SESSION_MINUTES)
  @IsInt()
  durationMinutes?: number;

  /** One of the event's rooms. */
  @IsOptional()
  @IsUUID()
  roomId?: string | null;

  /** For parallel sessions: the track the item belongs to. @example "Media Sosial" */
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  track?: string | null;

  /** Seats for delegates choosing among parallel sessions. @example 60 */
  @IsOptional()
  @Min(1)
  @Max(100000)
  @IsInt()
  capacity?: number | null;

  /** Speakers, moderators, officials and other role holders, in the order to list them. */
  @IsOptional()
  @ArrayMaxSize(MAX_ROLE_HOLDERS)
  @ValidateNested({ each: true })
  @Type(() => SessionRoleInputDto)
  @IsArray()
  roles?: SessionRoleInputDto[] | null;
}
