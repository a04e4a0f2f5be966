import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import type { Actor } from '../../common/access/access.decorator';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import type { UserDto } from '../users/dto/user.dto';
import { PasswordHasher } from '../users/password-hasher';
import { toUserDto } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { AuthError } from './auth.errors';
import type { AccessTokenDto, LoginDto } from './dto/login.dto';

interface TokenClaims {
  sub: string;
  /** The user's token version when it was issued. */
  ver: number;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Wrong password, unknown email and deactivated account all get the same answer. */
  async login(input: LoginDto): Promise<AccessTokenDto> {
    const user = await this.users.findByEmail(input.email);
    const valid = await this.hasher.verify(user?.passwordHash, input.password);
    if (!user || !valid || !user.active) {
      throw new AuthError('INVALID_CREDENTIALS', 'The email or the password is wrong.');
    }
    await this.users.recordLogin(user.id);
    const ttl = this.config.authTokenTtlSeconds;
    const claims: TokenClaims = { sub: user.id, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: ttl });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: ttl,
      expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
      user: toUserDto({ ...user, lastLoginAt: new Date() }),
    };
  }

  /** Resolves a bearer token to its active user, or says precisely why it cannot. */
  async authenticate(token: string): Promise<Actor> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch (error) {
      throw error instanceof TokenExpiredError
        ? new AuthError('TOKEN_EXPIRED', 'The access token has expired; log in again.')
        : new AuthError('TOKEN_INVALID', 'The access token is not valid.');
    }
    const user = /^[0-9a-f-]{36}$/.test(claims.sub)
      ? await this.users.findProfileById(claims.sub)
      : null;
    if (!user || !user.active || user.tokenVersion !== claims.ver) {
      throw new AuthError('TOKEN_REVOKED', 'The access token is no longer valid; log in again.');
    }
    return { id: user.id, email: user.email, role: user.role, profile: toUserDto(user) };
  }

  /** The account as read when the request's token was checked: no second read. */
  me(actor: Actor): UserDto {
    return actor.profile;
  }
}
