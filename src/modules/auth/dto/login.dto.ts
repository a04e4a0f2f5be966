import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../../common/validation/transforms';
import { UserDto } from '../../users/dto/user.dto';

export class LoginDto {
  /** @example "admin@rakor.local" */
  @Transform(trimmed)
  @MaxLength(254)
  @IsEmail()
  email!: string;

  /** @example "correct horse battery staple" */
  @MinLength(1)
  @MaxLength(256)
  @IsString()
  password!: string;
}

/** A bearer token for the Authorization header, and who it belongs to. */
export class AccessTokenDto {
  /** Send as `Authorization: Bearer <accessToken>`. */
  accessToken!: string;
  /** @example "Bearer" */
  tokenType!: 'Bearer';
  /** Seconds until the token expires. @example 28800 */
  expiresIn!: number;
  /** When the token expires (ISO 8601). @example "2022-06-28T20:00:00.000Z" */
  expiresAt!: string;
  user!: UserDto;
}
