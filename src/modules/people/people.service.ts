import { Injectable } from '@nestjs/common';
import { blankToNull } from '../../common/text/blank-to-null';
import { decodeKeyCursor, toKeyPage } from '../../common/pagination/pagination';
import { foldForSearch, searchTextOf } from '../../common/text/search-text';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { parseNip } from './domain/nip';
import { normalizePhone } from './domain/phone';
import type { ListPeopleQueryDto } from './dto/list-people-query.dto';
import type { CreatePersonDto, UpdatePersonDto } from './dto/person-input.dto';
import type { PersonDto, PersonPageDto } from './dto/person.dto';
import { PeopleError } from './people.errors';
import { type PersonFields, PeopleRepository, type PersonSaveOutcome } from './people.repository';
import type { PersonEntity } from './person.entity';
import { toPersonDto } from './person.mapper';

type PersonInput = Pick<
  PersonFields,
  | 'titlesBefore'
  | 'name'
  | 'titlesAfter'
  | 'position'
  | 'organizationId'
  | 'nip'
  | 'email'
  | 'phone'
>;

@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  async listPeople(query: ListPeopleQueryDto): Promise<PersonPageDto> {
    const after = query.cursor !== undefined ? decodeKeyCursor(query.cursor) : undefined;
    const rows = await this.people.findPage(
      { organizationId: query.organizationId, search: query.q },
      after,
      query.limit,
    );
    return toKeyPage(rows, query.limit, (row) => row.sortKey, toPersonDto);
  }

  async getPerson(id: string): Promise<PersonDto> {
    return toPersonDto(await this.require(id));
  }

  async createPerson(input: CreatePersonDto): Promise<PersonDto> {
    const fields = await this.complete({
      titlesBefore: input.titlesBefore ?? null,
      name: input.name,
      titlesAfter: input.titlesAfter ?? null,
      position: input.position ?? null,
      organizationId: input.organizationId ?? null,
      nip: input.nip ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
    });
    return toPersonDto(settle(await this.people.insert(fields)));
  }

  async updatePerson(id: string, input: UpdatePersonDto): Promise<PersonDto> {
    const current = await this.require(id);
    const keep = <K extends keyof PersonInput>(key: K): PersonInput[K] =>
      input[key] === undefined ? current[key] : input[key];
    const fields = await this.complete(
      {
        titlesBefore: keep('titlesBefore'),
        name: input.name ?? current.name,
        titlesAfter: keep('titlesAfter'),
        position: keep('position'),
        organizationId: keep('organizationId'),
        nip: keep('nip'),
        email: keep('email'),
        phone: keep('phone'),
      },
      current.organizationId,
    );
    const updated = await this.people.update(id, fields);
    if (updated === 'NOT_FOUND') throw notFound(id);
    return toPersonDto(settle(updated));
  }

  async deletePerson(id: string): Promise<void> {
    const outcome = await this.people.delete(id);
    if (outcome === 'NOT_FOUND') throw notFound(id);
    if (outcome === 'IN_USE') {
      throw new PeopleError(
        'PERSON_IN_USE',
        'This person still holds roles in agenda items; remove them from those first.',
      );
    }
  }

  private async require(id: string): Promise<PersonEntity> {
    const person = await this.people.findById(id);
    if (!person) throw notFound(id);
    return person;
  }

  /**
   * Normalizes what the DTO validated and derives the search and sort columns; the organization
   * is looked up only when it is new to the person.
   */
  private async complete(
    input: PersonInput,
    currentOrganizationId: string | null = null,
  ): Promise<PersonFields> {
    if (input.organizationId !== null && input.organizationId !== currentOrganizationId) {
      const known = await this.organizations.existingIds([input.organizationId]);
      if (!known.has(input.organizationId)) {
        throw new PeopleError(
          'PERSON_ORGANIZATION_UNKNOWN',
          `No organization has the id ${input.organizationId}.`,
          [{ field: 'organizationId', message: 'organizationId must be an existing organization' }],
        );
      }
    }
    const nip = input.nip === null ? null : parseNip(input.nip);
    const phone = input.phone === null ? null : normalizePhone(input.phone);
    const fields = {
      ...input,
      titlesBefore: blankToNull(input.titlesBefore),
      titlesAfter: blankToNull(input.titlesAfter),
      position: blankToNull(input.position),
      nip: nip?.valid ? nip.value.nip : null,
      email: input.email?.toLowerCase() ?? null,
      phone: phone?.valid ? phone.value : null,
    };
    return {
      ...fields,
      searchText: searchTextOf(
        fields.titlesBefore,
        fields.name,
        fields.titlesAfter,
        fields.position,
        fields.nip,
        fields.email,
      ),
      sortKey: foldForSearch(fields.name),
    };
  }
}

function settle(outcome: Exclude<PersonSaveOutcome, 'NOT_FOUND'>): PersonEntity {
  if (outcome === 'NIP_TAKEN') {
    throw new PeopleError('PERSON_NIP_TAKEN', 'Another person already has this NIP.', [
      { field: 'nip', message: 'nip is already used by another person' },
    ]);
  }
  return outcome;
}

function notFound(id: string): PeopleError {
  return new PeopleError('PERSON_NOT_FOUND', `No person has the id ${id}.`);
}
