import { type OrganizationKind, REGIONAL_KINDS } from './organization-kind';

/** What the rules need to know about an organization being created or changed. */
export interface OrganizationDraft {
  kind: OrganizationKind;
  regionCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  parent: { kind: OrganizationKind; regionCode: string | null } | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

const PROVINCE_CODE = /^\d{2}$/;
const REGENCY_CODE = /^\d{2}\.\d{2}$/;

/**
 * Why a draft organization is not a coherent one, field by field: region codes belong to
 * regional governments and have their shape, a regency sits under the province its code starts
 * with, a unit belongs to something, and the validity dates are in order.
 */
export function organizationProblems(draft: OrganizationDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { kind, regionCode, parent } = draft;
  if (regionCode !== null) {
    if (!REGIONAL_KINDS.includes(kind)) {
      problems.push({
        field: 'regionCode',
        message: 'regionCode is only for provinces, regencies and cities',
      });
    } else if (kind === 'province' && !PROVINCE_CODE.test(regionCode)) {
      problems.push({
        field: 'regionCode',
        message: 'a province regionCode has two digits, like 11',
      });
    } else if (kind !== 'province' && !REGENCY_CODE.test(regionCode)) {
      problems.push({
        field: 'regionCode',
        message: `a ${kind} regionCode is the province code, a dot and two digits, like 11.71`,
      });
    } else if (kind !== 'province' && parent !== null) {
      const provinceCode = regionCode.slice(0, 2);
      if (parent.kind !== 'province' || parent.regionCode !== provinceCode) {
        problems.push({
          field: 'parentId',
          message: `parentId must be the province with code ${provinceCode}, as regionCode ${regionCode} says`,
        });
      }
    }
  }
  if (kind === 'province' && parent !== null) {
    problems.push({ field: 'parentId', message: 'a province has no parent organization' });
  }
  if (kind === 'unit' && parent === null) {
    problems.push({
      field: 'parentId',
      message: 'parentId is required: a unit belongs to an organization',
    });
  }
  if (draft.validFrom !== null && draft.validTo !== null && draft.validTo < draft.validFrom) {
    problems.push({ field: 'validTo', message: 'validTo must not be before validFrom' });
  }
  return problems;
}

/** Regional governments first in code order, everyone else after them by folded name. */
export function organizationSortKey(regionCode: string | null, foldedName: string): string {
  return regionCode !== null ? `0 ${regionCode}` : `1 ${foldedName}`;
}

/** True when an organization exists on `day` (YYYY-MM-DD), given its validity dates. */
export function isValidOn(
  organization: { validFrom: string | null; validTo: string | null },
  day: string,
): boolean {
  return (
    (organization.validFrom === null || organization.validFrom <= day) &&
    (organization.validTo === null || organization.validTo >= day)
  );
}
