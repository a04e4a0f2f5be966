import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { trimmed } from '../../../common/validation/transforms';

/** Filters over people, sorted by name. */
export class ListPeopleQueryDto extends PageQueryDto {
  /** Only people of this organization. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  /** Words of the name, titles, position, NIP or email, in any case, with or without accents. */
  @ApiPropertyOptional({ example: 'suhajar' })
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  q?: string;
}
