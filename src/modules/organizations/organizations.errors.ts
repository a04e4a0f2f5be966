import { DomainError, type ErrorCatalog } from '../../common/problem/domain-error';

const ORGANIZATIONS_ERRORS = {
  ORGANIZATION_NOT_FOUND: { status: 404, title: 'Organization not found' },
  INVALID_ORGANIZATION: { status: 400, title: 'The organization does not hold together' },
  ORGANIZATION_PARENT_CYCLE: { status: 400, title: 'An organization cannot sit under itself' },
  ORGANIZATION_CODE_TAKEN: { status: 409, title: 'Region code already used' },
  ORGANIZATION_FROM_CATALOG: { status: 409, title: 'Catalog organizations are not deleted' },
  ORGANIZATION_CATALOG_ADMIN_ONLY: {
    status: 403,
    title: 'Only administrators change catalog organizations',
  },
  ORGANIZATION_IN_USE: { status: 409, title: 'Organization still in use' },
} satisfies ErrorCatalog<string>;

export type OrganizationsErrorCode = keyof typeof ORGANIZATIONS_ERRORS;

export class OrganizationsError extends DomainError<OrganizationsErrorCode> {
  constructor(
    code: OrganizationsErrorCode,
    detail: string,
    errors: { field: string; message: string }[] = [],
  ) {
    super(code, ORGANIZATIONS_ERRORS[code], detail, errors);
  }
}
