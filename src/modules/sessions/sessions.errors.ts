import { DomainError, type ErrorCatalog } from '../../common/problem/domain-error';
import type { RoleHoldersProblemCode } from './domain/session-roles';
import type { SessionTimesProblemCode } from './domain/session-times';

type SessionsErrorCode =
  'SESSION_NOT_FOUND' | 'UNKNOWN_ROOM' | SessionTimesProblemCode | RoleHoldersProblemCode;

const SESSIONS_ERRORS = {
  SESSION_NOT_FOUND: { status: 404, title: 'Session not found' },
  UNKNOWN_ROOM: { status: 400, title: 'Unknown room' },
  SESSION_TIMES_INCOMPLETE: { status: 400, title: 'Incomplete session times' },
  INVALID_SESSION_TIME: { status: 400, title: 'Invalid session time' },
  SESSION_ENDS_BEFORE_START: { status: 400, title: 'Session ends before it starts' },
  SESSION_TOO_LONG: { status: 400, title: 'Session too long' },
  SESSION_DURATION_MISMATCH: { status: 400, title: 'Duration does not match the times' },
  SESSION_DURATION_REQUIRED: { status: 400, title: 'Duration required' },
  SESSION_OUTSIDE_EVENT_DAYS: { status: 400, title: "Session outside the event's days" },
  SESSION_DAY_MISMATCH: { status: 400, title: 'Day does not match the start' },
  INVALID_ROLE_HOLDER: { status: 400, title: 'Invalid role holder' },
  DUPLICATE_ROLE_HOLDER: { status: 400, title: 'Duplicate role holder' },
  UNKNOWN_ROLE_HOLDER: { status: 400, title: 'Unknown role holder' },
} satisfies ErrorCatalog<SessionsErrorCode>;

export class SessionsError extends DomainError<SessionsErrorCode> {
  constructor(code: SessionsErrorCode, detail: string, field?: string) {
    super(code, SESSIONS_ERRORS[code], detail, field ? [{ field, message: detail }] : []);
  }
}

export function sessionNotFound(eventId: string, sessionId: string): SessionsError {
  return new SessionsError(
    'SESSION_NOT_FOUND',
    `The event ${eventId} has no session with the id ${sessionId}.`,
  );
}
