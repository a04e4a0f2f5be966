import { DomainError, type ErrorCatalog } from '../../common/problem/domain-error';

type AttendanceErrorCode =
  | 'REGISTRATION_NOT_FOUND'
  | 'REGISTRATION_NOT_CONFIRMED'
  | 'CODE_INVALID'
  | 'DAY_OUTSIDE_EVENT'
  | 'SESSION_NOT_FOUND'
  | 'SESSION_NOT_ON_DAY'
  | 'NOT_CHECKED_IN'
  | 'CLIENT_SCAN_ID_REUSED'
  | 'SCAN_IN_FUTURE'
  | 'ATTENDANCE_BUSY'
  | 'ORGANIZATION_NOT_FOUND';

const ATTENDANCE_ERRORS = {
  REGISTRATION_NOT_FOUND: { status: 404, title: 'Registration not found' },
  REGISTRATION_NOT_CONFIRMED: { status: 409, title: 'Registration not confirmed' },
  CODE_INVALID: { status: 400, title: 'Invalid registration code' },
  DAY_OUTSIDE_EVENT: { status: 422, title: 'Day outside the event' },
  SESSION_NOT_FOUND: { status: 404, title: 'Session not found' },
  SESSION_NOT_ON_DAY: { status: 422, title: 'Session not on that day' },
  NOT_CHECKED_IN: { status: 409, title: 'Not checked in' },
  CLIENT_SCAN_ID_REUSED: { status: 409, title: 'Client scan id used for another scan' },
  SCAN_IN_FUTURE: { status: 422, title: 'Scan time in the future' },
  ATTENDANCE_BUSY: { status: 503, title: 'Attendance busy' },
  ORGANIZATION_NOT_FOUND: { status: 404, title: 'Organization not found' },
} satisfies ErrorCatalog<AttendanceErrorCode>;

export type { AttendanceErrorCode };

export class AttendanceError extends DomainError<AttendanceErrorCode> {
  constructor(
    code: AttendanceErrorCode,
    detail: string,
    errors: { field: string; message: string }[] = [],
    extensions: Record<string, unknown> = {},
  ) {
    super(code, ATTENDANCE_ERRORS[code], detail, errors, extensions);
  }
}
