import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DomainError, type FieldError } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The RFC 9457 body every error response carries. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** Thrown by the validation pipe: the request's fields that failed, with their paths. */
export class RequestValidationError extends DomainError<'VALIDATION_FAILED'> {
  constructor(errors: FieldError[]) {
    super(
      'VALIDATION_FAILED',
      { status: 400, title: 'Invalid request' },
      invalidFieldsSummary(errors),
      errors,
    );
  }
}

function invalidFieldsSummary(errors: FieldError[]): string {
  const fields = [...new Set(errors.map((error) => error.field))];
  return `${fields.length === 1 ? 'One field is' : `${fields.length} fields are`} invalid: ${fields.join(', ')}`;
}

/** The request body declared JSON but is not. */
export class MalformedJsonError extends DomainError<'MALFORMED_JSON'> {
  constructor(reason: string) {
    super(
      'MALFORMED_JSON',
      { status: 400, title: 'Malformed JSON' },
      `The request body is not valid JSON: ${reason}`,
    );
  }
}

/** Clearer words than the framework's for errors raised before a handler runs. */
const DETAILS_BY_STATUS: Partial<Record<number, string>> = {
  413: 'The request body is larger than this service accepts.',
  415: 'Send the request body as application/json.',
};

const CODES_BY_STATUS: Partial<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

export function problemType(code: string): string {
  return `urn:rakor:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

/**
 * Turns anything thrown while serving a request into a problem body. Unknown errors become a
 * bare 500 whose detail leaks nothing; the caller logs them.
 */
export function toProblem(error: unknown, instance: string, requestId: string): ProblemBody {
  const base = { instance, requestId };
  if (error instanceof DomainError) {
    const domain = error as DomainError;
    return {
      type: problemType(domain.code),
      title: domain.title,
      status: domain.status,
      detail: domain.detail,
      code: domain.code,
      ...base,
      ...(domain.errors.length > 0 ? { errors: domain.errors } : {}),
      ...domain.extensions,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const code =
      (isRecord(response) && typeof response.code === 'string' ? response.code : undefined) ??
      CODES_BY_STATUS[status] ??
      (status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR');
    const extensions =
      isRecord(response) && isRecord(response.extensions) ? response.extensions : {};
    return {
      type: problemType(code),
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail:
        status >= 500 && status !== 503
          ? 'The service could not complete the request.'
          : (DETAILS_BY_STATUS[status] ?? describe(error, response)),
      code,
      ...base,
      ...extensions,
    };
  }
  return {
    type: problemType('INTERNAL_ERROR'),
    title: STATUS_CODES[HttpStatus.INTERNAL_SERVER_ERROR] ?? 'Internal Server Error',
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'The service could not complete the request. Quote the request id when reporting it.',
    code: 'INTERNAL_ERROR',
    ...base,
  };
}

function describe(error: HttpException, response: unknown): string {
  if (isRecord(response)) {
    if (typeof response.detail === 'string') return response.detail;
    if (typeof response.message === 'string') return response.message;
  }
  return typeof response === 'string' ? response : error.message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
