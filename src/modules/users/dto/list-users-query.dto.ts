import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { USER_ROLES, type UserRole } from '../domain/user-role';
import { booleanFromQuery, trimmed } from '../../../common/validation/transforms';

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: USER_ROLES, enumName: 'UserRole' })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  /** true for active accounts only, false for deactivated ones. */
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean()
  active?: boolean;

  /** Part of an email or display name, any case. */
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(100)
  @IsString()
  q?: string;
}
