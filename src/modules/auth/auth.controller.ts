import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Actor, AnyStaff, CurrentActor, Public } from '../../common/access/access.decorator';
import { RATE_LIMITS, RateLimited } from '../../common/access/rate-limits';
import { ApiTag } from '../../common/openapi/api-tags';
import { ApiProblems } from '../../common/problem/api-problems.decorator';
import type { UserDto } from '../users/dto/user.dto';
import { AuthService } from './auth.service';
import { type AccessTokenDto, LoginDto } from './dto/login.dto';

@ApiTags(ApiTag.Auth)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Log in with email and password; returns a bearer token. Rate limited per client address. */
  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimited(RATE_LIMITS.login)
  @ApiProblems(400, 401, 429)
  login(@Body() body: LoginDto): Promise<AccessTokenDto> {
    return this.auth.login(body);
  }

  /** The signed-in staff member's account. */
  @Get('me')
  @AnyStaff()
  me(@CurrentActor() actor: Actor): UserDto {
    return this.auth.me(actor);
  }
}
