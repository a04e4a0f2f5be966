import { DomainError, type ErrorCatalog } from '../../common/problem/domain-error';

const AUTH_ERRORS = {
  INVALID_CREDENTIALS: { status: 401, title: 'Invalid credentials' },
  TOKEN_MISSING: { status: 401, title: 'Authentication required' },
  TOKEN_INVALID: { status: 401, title: 'Invalid token' },
  TOKEN_EXPIRED: { status: 401, title: 'Token expired' },
  TOKEN_REVOKED: { status: 401, title: 'Token revoked' },
  ROLE_FORBIDDEN: { status: 403, title: 'Not allowed' },
} satisfies ErrorCatalog<string>;

export type AuthErrorCode = keyof typeof AUTH_ERRORS;

export class AuthError extends DomainError<AuthErrorCode> {
  constructor(code: AuthErrorCode, detail: string) {
    super(code, AUTH_ERRORS[code], detail);
  }
}
