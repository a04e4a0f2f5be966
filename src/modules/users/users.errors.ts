import { DomainError, type ErrorCatalog } from '../../common/problem/domain-error';

const USERS_ERRORS = {
  USER_NOT_FOUND: { status: 404, title: 'User not found' },
  USER_EMAIL_TAKEN: { status: 409, title: 'Email already used' },
  LAST_ADMIN: { status: 409, title: 'The last administrator must stay' },
} satisfies ErrorCatalog<string>;

export type UsersErrorCode = keyof typeof USERS_ERRORS;

export class UsersError extends DomainError<UsersErrorCode> {
  constructor(code: UsersErrorCode, detail: string, field?: string) {
    super(code, USERS_ERRORS[code], detail, field ? [{ field, message: detail }] : []);
  }
}
