import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequestValidationError } from '../problem/problem-details';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * The request's `Idempotency-Key`, or undefined when it has none: 1–200 visible ASCII characters
 * (a UUID does), else a 400 naming the header.
 */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    const value = context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key'];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !KEY.test(value)) {
      throw new RequestValidationError([
        {
          field: IDEMPOTENCY_HEADER,
          message: `${IDEMPOTENCY_HEADER} must be 1–200 visible ASCII characters, such as a UUID`,
        },
      ]);
    }
    return value;
  },
);

/** Documents the header on a POST that honours it. */
export const ApiIdempotencyKey = (): MethodDecorator =>
  ApiHeader({
    name: IDEMPOTENCY_HEADER,
    required: false,
    description:
      'A key unique to this request (a UUID). A retry with the same key and body gets the first answer and creates nothing more; the same key with another body is a 422.',
  });
