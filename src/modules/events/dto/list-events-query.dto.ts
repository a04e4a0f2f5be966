import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { IsLocalDate } from '../../../common/validation/local-date';
import { trimmed } from '../../../common/validation/transforms';
import { EVENT_STATUSES, type EventStatus } from '../domain/event-status';

export class ListEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_STATUSES, enumName: 'EventStatus' })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  /** Words that must all appear in the title, slug or venue, ignoring case and accents. */
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  q?: string;

  /** Events with a day on or after this local date. @example "2022-06-01" */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsLocalDate()
  @IsString()
  from?: string;

  /** Events with a day on or before this local date. @example "2022-06-30" */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsLocalDate()
  @IsString()
  to?: string;

  /** Events held by this organization. */
  @IsOptional()
  @IsUUID()
  organizerId?: string;
}
