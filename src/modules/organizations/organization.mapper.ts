import type { OrganizationDto, OrganizationSummaryDto } from './dto/organization.dto';
import type { OrganizationEntity } from './organization.entity';
import type { OrganizationView } from './organizations.repository';

export function toOrganizationSummary(
  organization: Pick<OrganizationEntity, 'id' | 'name' | 'acronym'>,
): OrganizationSummaryDto {
  return { id: organization.id, name: organization.name, acronym: organization.acronym };
}

/** Expects `parent` to have been loaded with the row when it has one. */
export function toOrganizationDto(
  organization: Omit<OrganizationView, 'parent'> & { parent?: OrganizationView['parent'] },
): OrganizationDto {
  return {
    id: organization.id,
    kind: organization.kind,
    reportingGroup: organization.reportingGroup,
    name: organization.name,
    acronym: organization.acronym,
    regionCode: organization.regionCode,
    timeZone: organization.timeZone,
    parent: organization.parent ? toOrganizationSummary(organization.parent) : null,
    validFrom: organization.validFrom,
    validTo: organization.validTo,
    source: organization.source,
    createdAt: organization.createdAt.toISOString(),
    updatedAt: organization.updatedAt.toISOString(),
  };
}
