import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { USER_ROLES, type UserRole } from '../domain/user-role';
import { trimmed } from '../../../common/validation/transforms';

export class CreateUserDto {
  /** Used to log in; compared without regard to case. @example "petugas@kemendagri.go.id" */
  @Transform(trimmed)
  @MaxLength(254)
  @IsEmail()
  email!: string;

  /** @example "Petugas Registrasi" */
  @Transform(trimmed)
  @MinLength(1)
  @MaxLength(200)
  @IsString()
  displayName!: string;

  /** @example "staff" */
  @ApiProperty({ enum: USER_ROLES, enumName: 'UserRole' })
  @IsIn(USER_ROLES)
  role!: UserRole;

  /** At least 12 characters. @example "correct horse battery staple" */
  @MinLength(12)
  @MaxLength(256)
  @IsString()
  password!: string;
}
