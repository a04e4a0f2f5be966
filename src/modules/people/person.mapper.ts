import { toOrganizationSummary } from '../organizations/organization.mapper';
import { composeDisplayName } from './domain/display-name';
import { personWarnings } from './domain/person-warnings';
import type { PersonDto } from './dto/person.dto';
import type { PersonEntity } from './person.entity';

/** Expects `organization` to have been loaded with the row when it has one. */
export function toPersonDto(person: PersonEntity): PersonDto {
  return {
    id: person.id,
    titlesBefore: person.titlesBefore,
    name: person.name,
    titlesAfter: person.titlesAfter,
    displayName: composeDisplayName(person),
    position: person.position,
    organization: person.organization ? toOrganizationSummary(person.organization) : null,
    nip: person.nip,
    email: person.email,
    phone: person.phone,
    warnings: personWarnings(person),
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}
