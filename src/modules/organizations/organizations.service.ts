import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/access.decorator';
import { decodeKeyCursor, toKeyPage } from '../../common/pagination/pagination';
import { foldForSearch, searchTextOf } from '../../common/text/search-text';
import { defaultReportingGroup } from './domain/organization-kind';
import { organizationProblems, organizationSortKey } from './domain/organization-rules';
import type { CreateOrganizationDto, UpdateOrganizationDto } from './dto/create-organization.dto';
import type { ListOrganizationsQueryDto } from './dto/list-organizations-query.dto';
import type { OrganizationDto, OrganizationPageDto } from './dto/organization.dto';
import type { OrganizationEntity } from './organization.entity';
import { toOrganizationDto } from './organization.mapper';
import { OrganizationsError } from './organizations.errors';
import {
  type OrganizationFields,
  OrganizationsRepository,
  type SaveOutcome,
} from './organizations.repository';

type Draft = Omit<OrganizationFields, 'source' | 'searchText' | 'sortKey' | 'reportingGroup'> & {
  reportingGroup: OrganizationFields['reportingGroup'] | undefined;
};

@Injectable()
export class OrganizationsService {
  constructor(private readonly organizations: OrganizationsRepository) {}

  async listOrganizations(query: ListOrganizationsQueryDto): Promise<OrganizationPageDto> {
    const after = query.cursor !== undefined ? decodeKeyCursor(query.cursor) : undefined;
    const rows = await this.organizations.findPage(
      {
        kind: query.kind,
        group: query.group,
        parentId: query.parentId,
        codePrefix: query.codePrefix,
        validOn: query.validOn,
        source: query.source,
        search: query.q,
      },
      after,
      query.limit,
    );
    return toKeyPage(rows, query.limit, (row) => row.sortKey, toOrganizationDto);
  }

  async getOrganization(id: string): Promise<OrganizationDto> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw notFound(id);
    return toOrganizationDto(organization);
  }

  async createOrganization(input: CreateOrganizationDto): Promise<OrganizationDto> {
    const regionCode = input.regionCode ?? null;
    let parent = input.parentId ? await this.organizations.findById(input.parentId) : null;
    if (input.parentId && !parent) throw unknownParent(input.parentId);
    // A regency or city given only its code sits under the province the code starts with.
    if (!parent && regionCode && (input.kind === 'regency' || input.kind === 'city')) {
      parent = await this.organizations.findCurrentByRegionCode(regionCode.slice(0, 2));
    }
    const fields = complete(
      {
        kind: input.kind,
        name: input.name,
        acronym: input.acronym ?? null,
        reportingGroup: input.reportingGroup,
        regionCode,
        timeZone: input.timeZone ?? null,
        parentId: parent?.id ?? null,
        validFrom: input.validFrom ?? null,
        validTo: input.validTo ?? null,
      },
      parent,
    );
    return toOrganizationDto(
      settle(await this.organizations.insert({ ...fields, source: 'organizer' }), regionCode),
    );
  }

  async updateOrganization(
    actor: Actor,
    id: string,
    input: UpdateOrganizationDto,
  ): Promise<OrganizationDto> {
    const outcome = await this.organizations.update(id, async (current, manager) => {
      if (current.source === 'catalog' && actor.role !== 'admin') {
        throw new OrganizationsError(
          'ORGANIZATION_CATALOG_ADMIN_ONLY',
          `${current.name} comes from the official catalog; ask an administrator to change it, or add your own organization.`,
        );
      }
      const parentId = input.parentId === undefined ? current.parentId : input.parentId;
      const parent = parentId ? await this.parentFor(parentId, manager) : null;
      const regroup = input.kind !== undefined || input.parentId !== undefined;
      return complete(
        {
          kind: input.kind ?? current.kind,
          name: input.name ?? current.name,
          acronym: input.acronym === undefined ? current.acronym : input.acronym,
          reportingGroup: input.reportingGroup ?? (regroup ? undefined : current.reportingGroup),
          regionCode: input.regionCode === undefined ? current.regionCode : input.regionCode,
          timeZone: input.timeZone === undefined ? current.timeZone : input.timeZone,
          parentId,
          validFrom: input.validFrom === undefined ? current.validFrom : input.validFrom,
          validTo: input.validTo === undefined ? current.validTo : input.validTo,
        },
        parent,
      );
    });
    if ('refused' in outcome && outcome.refused === 'NOT_FOUND') throw notFound(id);
    return toOrganizationDto(settle(outcome, input.regionCode ?? null));
  }

  async deleteOrganization(id: string): Promise<void> {
    const organization = await this.organizations.findById(id);
    if (!organization) throw notFound(id);
    if (organization.source === 'catalog') {
      throw new OrganizationsError(
        'ORGANIZATION_FROM_CATALOG',
        `${organization.name} comes from the official catalog and stays; set validTo when it ceases to exist.`,
      );
    }
    const outcome = await this.organizations.delete(id);
    if (outcome === 'NOT_FOUND') throw notFound(id);
    if (outcome === 'IN_USE') {
      throw new OrganizationsError(
        'ORGANIZATION_IN_USE',
        `${organization.name} is still used by units, people, events or agenda items; change those first.`,
      );
    }
  }

  private async parentFor(parentId: string, manager: EntityManager): Promise<OrganizationEntity> {
    const parent = await this.organizations.findById(parentId, manager);
    if (!parent) throw unknownParent(parentId);
    return parent;
  }
}

/** Checks a draft against the catalog's rules and derives what is stored beside it. */
function complete(
  draft: Draft,
  parent: OrganizationEntity | null,
): Omit<OrganizationFields, 'source'> {
  const problems = organizationProblems({
    kind: draft.kind,
    regionCode: draft.regionCode,
    validFrom: draft.validFrom,
    validTo: draft.validTo,
    parent: parent ? { kind: parent.kind, regionCode: parent.regionCode } : null,
  });
  if (problems.length > 0) {
    throw new OrganizationsError(
      'INVALID_ORGANIZATION',
      problems.map((problem) => problem.message).join('; '),
      problems,
    );
  }
  return {
    ...draft,
    reportingGroup:
      draft.reportingGroup ?? defaultReportingGroup(draft.kind, parent?.reportingGroup),
    timeZone: draft.timeZone ?? parent?.timeZone ?? null,
    searchText: searchTextOf(draft.name, draft.acronym, draft.regionCode),
    sortKey: organizationSortKey(draft.regionCode, foldForSearch(draft.name)),
  };
}

function settle(outcome: SaveOutcome, regionCode: string | null): OrganizationEntity {
  if ('saved' in outcome) return outcome.saved;
  switch (outcome.refused) {
    case 'CODE_TAKEN':
      throw new OrganizationsError(
        'ORGANIZATION_CODE_TAKEN',
        `Another current organization already holds region code ${regionCode ?? ''}; end its validity first.`,
        [{ field: 'regionCode', message: 'regionCode is already held by a current organization' }],
      );
    case 'PARENT_CYCLE':
      throw new OrganizationsError(
        'ORGANIZATION_PARENT_CYCLE',
        'The chosen parent sits under this organization already.',
        [{ field: 'parentId', message: 'parentId must not be this organization or one under it' }],
      );
    case 'NOT_FOUND':
      throw new OrganizationsError('ORGANIZATION_NOT_FOUND', 'The organization is gone.');
  }
}

function notFound(id: string): OrganizationsError {
  return new OrganizationsError('ORGANIZATION_NOT_FOUND', `No organization has the id ${id}.`);
}

function unknownParent(parentId: string): OrganizationsError {
  return new OrganizationsError('INVALID_ORGANIZATION', `No organization has the id ${parentId}.`, [
    { field: 'parentId', message: 'parentId must be an existing organization' },
  ]);
}
