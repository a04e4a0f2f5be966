import type { SessionRole } from './session-kinds';

/** A role in an agenda item, held by a person or by an organization (exactly one). */
export interface RoleHolderInput {
  role: SessionRole;
  personId?: string | null;
  organizationId?: string | null;
}

export type RoleHoldersProblemCode =
  'INVALID_ROLE_HOLDER' | 'DUPLICATE_ROLE_HOLDER' | 'UNKNOWN_ROLE_HOLDER';

export interface RoleHoldersProblem {
  code: RoleHoldersProblemCode;
  /** The request field at fault, such as `roles[2]` or `roles[2].personId`. */
  field: string;
  message: string;
}

/** The most role holders one item has. */
export const MAX_ROLE_HOLDERS = 50;

/**
 * Why a list of role holders cannot be, or undefined when it can: each names a person or an
 * organization but not both, and no one holds the same role twice.
 */
export function roleHoldersProblem(
  roles: readonly RoleHolderInput[],
): RoleHoldersProblem | undefined {
  const seen = new Map<string, number>();
  for (const [index, holder] of roles.entries()) {
    const field = `roles[${index}]`;
    const person = holder.personId ?? null;
    const organization = holder.organizationId ?? null;
    if ((person === null) === (organization === null)) {
      return {
        code: 'INVALID_ROLE_HOLDER',
        field,
        message:
          person === null
            ? `${field} must name a personId or an organizationId.`
            : `${field} must name a personId or an organizationId, not both.`,
      };
    }
    const key = `${holder.role}|${person ?? ''}|${organization ?? ''}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return {
        code: 'DUPLICATE_ROLE_HOLDER',
        field,
        message: `${field} repeats roles[${earlier}]: the same ${person !== null ? 'person' : 'organization'} as ${holder.role} twice.`,
      };
    }
    seen.set(key, index);
  }
  return undefined;
}

/** The first holder naming an id that is not among the known ones, or undefined. */
export function unknownHolderProblem(
  roles: readonly RoleHolderInput[],
  knownPeople: ReadonlySet<string>,
  knownOrganizations: ReadonlySet<string>,
): RoleHoldersProblem | undefined {
  for (const [index, holder] of roles.entries()) {
    if (holder.personId && !knownPeople.has(holder.personId)) {
      return {
        code: 'UNKNOWN_ROLE_HOLDER',
        field: `roles[${index}].personId`,
        message: `No person has the id ${holder.personId}.`,
      };
    }
    if (holder.organizationId && !knownOrganizations.has(holder.organizationId)) {
      return {
        code: 'UNKNOWN_ROLE_HOLDER',
        field: `roles[${index}].organizationId`,
        message: `No organization has the id ${holder.organizationId}.`,
      };
    }
  }
  return undefined;
}
