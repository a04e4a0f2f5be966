import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { USER_ROLES, type UserRole } from '../domain/user-role';
import { trimmed } from '../../../common/validation/transforms';

/** The fields to change; absent fields stay as they are. */
export class UpdateUserDto {
  @IsOptional()
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(200)
  @IsString()
  displayName?: string;

  @ApiPropertyOptional({ enum: USER_ROLES, enumName: 'UserRole' })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  /** false deactivates the account and ends its sessions. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** A new password (at least 12 characters); ends the account's other sessions. */
  @IsOptional()
  @MinLength(12)
  @MaxLength(256)
  @IsString()
  password?: string;
}
