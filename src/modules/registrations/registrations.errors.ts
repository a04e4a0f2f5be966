import { DomainError, type ErrorCatalog } from '../../common/problem/domain-error';

type RegistrationsErrorCode =
  | 'INVITATION_NOT_FOUND'
  | 'INVITATION_EXISTS'
  | 'INVITATION_QUOTA_BELOW_SEATS'
  | 'INVITATION_REVOKED'
  | 'INVITATION_TOKEN_INVALID'
  | 'INVITATION_REQUIRED'
  | 'NOTHING_TO_INVITE'
  | 'UNKNOWN_ORGANIZATION'
  | 'REGISTRATION_NOT_FOUND'
  | 'REGISTRATION_CLOSED'
  | 'REGISTRATION_DUPLICATE'
  | 'EVENT_FULL'
  | 'DELEGATION_FULL'
  | 'REGISTRATION_STATUS'
  | 'NO_SEAT_AVAILABLE'
  | 'REGISTRATION_BUSY'
  | 'INVALID_DELEGATE'
  | 'INVALID_SESSION_CHOICE'
  | 'SESSION_FULL';

const REGISTRATIONS_ERRORS = {
  INVITATION_NOT_FOUND: { status: 404, title: 'Invitation not found' },
  INVITATION_EXISTS: { status: 409, title: 'Organization already invited' },
  INVITATION_QUOTA_BELOW_SEATS: { status: 409, title: 'Quota below the seats taken' },
  INVITATION_REVOKED: { status: 403, title: 'Invitation revoked' },
  INVITATION_TOKEN_INVALID: { status: 401, title: 'Invalid invitation token' },
  INVITATION_REQUIRED: { status: 401, title: 'Invitation required' },
  NOTHING_TO_INVITE: { status: 400, title: 'Nothing to invite' },
  UNKNOWN_ORGANIZATION: { status: 400, title: 'Unknown organization' },
  REGISTRATION_NOT_FOUND: { status: 404, title: 'Registration not found' },
  REGISTRATION_CLOSED: { status: 409, title: 'Registration closed' },
  REGISTRATION_DUPLICATE: { status: 409, title: 'Already registered' },
  EVENT_FULL: { status: 409, title: 'Event full' },
  DELEGATION_FULL: { status: 409, title: 'Delegation full' },
  REGISTRATION_STATUS: { status: 409, title: 'Not possible in this status' },
  NO_SEAT_AVAILABLE: { status: 409, title: 'No seat available' },
  REGISTRATION_BUSY: { status: 503, title: 'Registration busy' },
  INVALID_DELEGATE: { status: 400, title: 'Invalid delegate details' },
  INVALID_SESSION_CHOICE: { status: 400, title: 'Invalid session choice' },
  SESSION_FULL: { status: 409, title: 'Session full' },
} satisfies ErrorCatalog<RegistrationsErrorCode>;

export class RegistrationsError extends DomainError<RegistrationsErrorCode> {
  constructor(
    code: RegistrationsErrorCode,
    detail: string,
    errors: { field: string; message: string }[] = [],
  ) {
    super(code, REGISTRATIONS_ERRORS[code], detail, errors);
  }
}

export function invitationNotFound(eventId: string, id: string): RegistrationsError {
  return new RegistrationsError(
    'INVITATION_NOT_FOUND',
    `The event ${eventId} has no invitation with the id ${id}.`,
  );
}

export function registrationNotFound(): RegistrationsError {
  return new RegistrationsError(
    'REGISTRATION_NOT_FOUND',
    'There is no registration with this code.',
  );
}
