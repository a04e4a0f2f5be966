import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Cursor pagination: `limit` rows after `cursor` (the previous page's `nextCursor`). */
export class PageQueryDto {
  /** How many items to return, 1–200. */
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(200)
  @IsInt()
  limit: number = 50;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @MaxLength(200)
  @IsString()
  cursor?: string;
}
