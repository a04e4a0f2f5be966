import { DomainError, type ErrorCatalog, type FieldError } from '../../common/problem/domain-error';

const PEOPLE_ERRORS = {
  PERSON_NOT_FOUND: { status: 404, title: 'Person not found' },
  PERSON_ORGANIZATION_UNKNOWN: { status: 400, title: 'Unknown organization' },
  PERSON_NIP_TAKEN: { status: 409, title: 'NIP already used' },
  PERSON_IN_USE: { status: 409, title: 'Person still holds roles' },
} satisfies ErrorCatalog<string>;

export type PeopleErrorCode = keyof typeof PEOPLE_ERRORS;

export class PeopleError extends DomainError<PeopleErrorCode> {
  constructor(code: PeopleErrorCode, detail: string, errors: FieldError[] = []) {
    super(code, PEOPLE_ERRORS[code], detail, errors);
  }
}
