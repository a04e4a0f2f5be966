import { DomainError, type ErrorCatalog } from '../../common/problem/domain-error';

type AgendaErrorCode =
  | 'AGENDA_NOT_PUBLISHED'
  | 'AGENDA_VERSION_NOT_FOUND'
  | 'AGENDA_HARD_CONFLICTS'
  | 'AGENDA_UNCHANGED'
  | 'AGENDA_INFEASIBLE'
  | 'AGENDA_FORMAT_NOT_ACCEPTABLE'
  | 'PLAN_OUTSIDE_EVENT_DAYS'
  | 'PLAN_UNKNOWN_SESSION'
  | 'PLAN_UNKNOWN_PERSON'
  | 'PLAN_INVALID_TIME'
  | 'PLAN_INCOMPLETE_BREAK_RULE'
  | 'PLAN_ORDERING_SELF'
  | 'PERSON_NOT_FOUND';

const AGENDA_ERRORS = {
  AGENDA_NOT_PUBLISHED: { status: 404, title: 'Agenda not published' },
  AGENDA_VERSION_NOT_FOUND: { status: 404, title: 'Agenda version not found' },
  AGENDA_HARD_CONFLICTS: { status: 409, title: 'Agenda has hard conflicts' },
  AGENDA_UNCHANGED: { status: 409, title: 'Agenda unchanged since the last version' },
  AGENDA_INFEASIBLE: { status: 422, title: 'Agenda cannot be generated' },
  AGENDA_FORMAT_NOT_ACCEPTABLE: { status: 406, title: 'No acceptable agenda format' },
  PLAN_OUTSIDE_EVENT_DAYS: { status: 400, title: "Day outside the event's days" },
  PLAN_UNKNOWN_SESSION: { status: 400, title: 'Unknown session' },
  PLAN_UNKNOWN_PERSON: { status: 400, title: 'Unknown person' },
  PLAN_INVALID_TIME: { status: 400, title: 'Invalid time' },
  PLAN_INCOMPLETE_BREAK_RULE: { status: 400, title: 'Incomplete break rule' },
  PLAN_ORDERING_SELF: { status: 400, title: 'Item ordered against itself' },
  PERSON_NOT_FOUND: { status: 404, title: 'Person not found' },
} satisfies ErrorCatalog<AgendaErrorCode>;

export class AgendaError extends DomainError<AgendaErrorCode> {
  constructor(
    code: AgendaErrorCode,
    detail: string,
    field?: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(code, AGENDA_ERRORS[code], detail, field ? [{ field, message: detail }] : [], extensions);
  }
}
