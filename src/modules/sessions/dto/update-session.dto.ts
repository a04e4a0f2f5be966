import { ApiPropertyOptional } from '@nestjs/swagger';
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
 * The fields to change; absent fields stay as they are and null clears the optional ones.
 * startsAt and endsAt change together: both null takes the item off the clock, keeping its
 * duration and day.
 */
export class UpdateSessionDto {
  @ApiPropertyOptional({ enum: SESSION_TYPES, enumName: 'SessionType' })
  @IsOptionalNotNull()
  @IsIn(SESSION_TYPES)
  type?: SessionType;

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

  /** @example "2022-06-29" */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsLocalDate()
  @IsString()
  day?: string | null;

  /** @example "2022-06-29T08:00" */
  @IsOptional()
  @IsIsoTimestamp('optional')
  @IsString()
  startsAt?: string | null;

  /** @example "2022-06-29T11:00" */
  @IsOptional()
  @IsIsoTimestamp('optional')
  @IsString()
  endsAt?: string | null;

  /** @example 180 */
  @IsOptionalNotNull()
  @Min(1)
  @Max(MAX_SESSION_MINUTES)
  @IsInt()
  durationMinutes?: number;

  @IsOptional()
  @IsUUID()
  roomId?: string | null;

  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  track?: string | null;

  @IsOptional()
  @Min(1)
  @Max(100000)
  @IsInt()
  capacity?: number | null;

  /** Replaces the whole list of role holders; an empty list removes them all. */
  @IsOptionalNotNull()
  @ArrayMaxSize(MAX_ROLE_HOLDERS)
  @ValidateNested({ each: true })
  @Type(() => SessionRoleInputDto)
  @IsArray()
  roles?: SessionRoleInputDto[];
}
