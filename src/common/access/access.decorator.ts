import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems } from '../problem/api-problems.decorator';
import { USER_ROLES, type UserRole } from '../../modules/users/domain/user-role';
import type { UserDto } from '../../modules/users/dto/user.dto';

export const ACCESS_RULE = 'rakor:access-rule';

/** Who may call a route. Every route declares one; a route without one is refused. */
export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly UserRole[] };

/** The staff member a request acts for, as loaded when the token was checked. */
export interface Actor {
  id: string;
  email: string;
  role: UserRole;
  profile: UserDto;
}

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** Anyone may call this route, without a token. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata<string, AccessRule>(ACCESS_RULE, { kind: 'public' });

/** Only staff with one of these roles may call this route (a bearer token is required). */
export const Roles = (...roles: [UserRole, ...UserRole[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata<string, AccessRule>(ACCESS_RULE, { kind: 'roles', roles }),
    ApiBearerAuth(),
    ApiProblems(401, 403),
  );

/** Any signed-in staff member may call this route. */
export const AnyStaff = (): MethodDecorator & ClassDecorator => Roles(...USER_ROLES);

/** Organizers and administrators: those who build events and the catalog. */
export const Organizers = (): MethodDecorator & ClassDecorator => Roles('admin', 'organizer');

/** The signed-in staff member; only on routes with a role rule. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without an authenticated rule');
  return actor;
});
