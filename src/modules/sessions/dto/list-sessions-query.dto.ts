import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { IsLocalDate } from '../../../common/validation/local-date';
import { booleanFromQuery, trimmed } from '../../../common/validation/transforms';
import { SESSION_TYPES, type SessionType } from '../domain/session-kinds';

export class ListSessionsQueryDto extends PageQueryDto {
  /** Items on this local day. @example "2022-06-29" */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsLocalDate()
  @IsString()
  day?: string;

  /** Items in this room. */
  @IsOptional()
  @IsUUID()
  roomId?: string;

  /** Items of this track, exactly as written. */
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  track?: string;

  @ApiPropertyOptional({ enum: SESSION_TYPES, enumName: 'SessionType' })
  @IsOptional()
  @IsIn(SESSION_TYPES)
  type?: SessionType;

  /** Items in which this person holds any role. */
  @IsOptional()
  @IsUUID()
  personId?: string;

  /** Items in which this organization itself holds any role. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  /** true for items with times, false for those still without. */
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean()
  scheduled?: boolean;
}
