import { applyDecorators, type ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';

/** The named rate limits, per client address; configured by LOGIN_RATE_* and PUBLIC_RATE_*. */
export const RATE_LIMITS = { login: 'login', public: 'public' } as const;
type RateLimit = (typeof RATE_LIMITS)[keyof typeof RATE_LIMITS];

/**
 * The throttler guard, answering a spent limit with a plain `Retry-After` header: the library
 * names it after the limit (`Retry-After-public`), which clients do not read.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    void context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('Retry-After', detail.timeToBlockExpire);
    return super.throwThrottlingException(context, detail);
  }
}

/** Counts a route's requests against one named limit only; 429 once it is spent. */
export function RateLimited(limit: RateLimit): MethodDecorator & ClassDecorator {
  const others = Object.fromEntries(
    Object.values(RATE_LIMITS)
      .filter((name) => name !== limit)
      .map((name) => [name, true]),
  );
  return applyDecorators(UseGuards(RateLimitGuard), SkipThrottle(others));
}
