import { DomainError, type ErrorCatalog, type FieldError } from '../../common/problem/domain-error';

const EVENTS_ERRORS = {
  EVENT_NOT_FOUND: { status: 404, title: 'Event not found' },
  ROOM_NOT_FOUND: { status: 404, title: 'Room not found' },
  EVENT_SLUG_TAKEN: { status: 409, title: 'Slug already used' },
  EVENT_STATUS_TRANSITION: { status: 409, title: 'Status change not allowed' },
  EVENT_READ_ONLY: { status: 409, title: 'Event is read-only' },
  EVENT_NOT_DELETABLE: { status: 409, title: 'Event cannot be deleted' },
  EVENT_SESSIONS_OUTSIDE_DATES: { status: 409, title: 'Sessions would fall outside the event' },
  ROOM_NAME_TAKEN: { status: 409, title: 'Room name already used' },
  ROOM_IN_USE: { status: 409, title: 'Room in use' },
  INVALID_EVENT_DATES: { status: 400, title: 'Invalid event dates' },
  INVALID_REGISTRATION_WINDOW: { status: 400, title: 'Invalid registration window' },
  INVALID_DATE_RANGE: { status: 400, title: 'Invalid date range' },
  EVENT_SLUG_REQUIRED: { status: 400, title: 'Slug required' },
  UNKNOWN_ORGANIZER: { status: 400, title: 'Unknown organizer' },
  DUPLICATE_ROOM_NAME: { status: 400, title: 'Duplicate room name' },
} satisfies ErrorCatalog<string>;

export type EventsErrorCode = keyof typeof EVENTS_ERRORS;

export class EventsError extends DomainError<EventsErrorCode> {
  /** `fields` names the request fields at fault: one with the detail as its message, or several. */
  constructor(code: EventsErrorCode, detail: string, fields?: string | FieldError[]) {
    super(
      code,
      EVENTS_ERRORS[code],
      detail,
      typeof fields === 'string' ? [{ field: fields, message: detail }] : (fields ?? []),
    );
  }
}

export function eventNotFound(id: string): EventsError {
  return new EventsError('EVENT_NOT_FOUND', `No event has the id ${id}.`);
}

export function eventReadOnly(title: string, status: string): EventsError {
  return new EventsError(
    'EVENT_READ_ONLY',
    `"${title}" is ${status}: its details, rooms and sessions no longer change.`,
  );
}
