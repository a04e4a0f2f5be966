import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ACCESS_RULE,
  type AccessRule,
  type AuthenticatedRequest,
} from '../../common/access/access.decorator';
import { AuthError } from './auth.errors';
import { AuthService } from './auth.service';

/** Enforces each route's access rule; a route that declares none is refused to everyone. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule?.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = header !== undefined ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new AuthError(
        'TOKEN_MISSING',
        'Send an access token from POST /api/v1/auth/login as "Authorization: Bearer <token>".',
      );
    }
    const actor = await this.auth.authenticate(match[1]);
    if (!rule || !rule.roles.includes(actor.role)) {
      throw new AuthError(
        'ROLE_FORBIDDEN',
        rule
          ? `This needs the role ${rule.roles.join(' or ')}; you are ${actor.role}.`
          : 'This route declares no access rule.',
      );
    }
    request.actor = actor;
    return true;
  }
}
