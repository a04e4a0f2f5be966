import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { trimmed } from '../../../common/validation/transforms';
import { IsOptionalNotNull } from '../../../common/validation/presence';
import { MAX_ROLE_HOLDERS } from '../domain/session-roles';
import { SESSION_TYPES, type SessionType } from '../domain/session-kinds';
import { MAX_SESSION_MINUTES } from '../domain/session-times';
import { CreateSessionDto } from './create-session.dto';
import { SessionRoleInputDto } from './session-role-input.dto';

/**
 * The fields to change; absent fields stay as they are and null clears the optional ones.
 * startsAt and endsAt change together: both null takes the item off the clock, keeping its
 * duration and day.
 */
export class UpdateSessionDto extends PartialType(
  OmitType(CreateSessionDto, ['type', 'title', 'durationMinutes', 'roles'] as const),
) {
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

  @IsOptionalNotNull()
  @Min(1)
  @Max(MAX_SESSION_MINUTES)
  @IsInt()
  durationMinutes?: number;

  /** Replaces the whole list of role holders; an empty list removes them all. */
  @IsOptionalNotNull()
  @ArrayMaxSize(MAX_ROLE_HOLDERS)
  @ValidateNested({ each: true })
  @Type(() => SessionRoleInputDto)
  @IsArray()
  roles?: SessionRoleInputDto[];
}
