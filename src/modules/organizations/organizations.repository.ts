import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { KeyCursor } from '../../common/pagination/pagination';
import { searchWords } from '../../common/text/search-text';
import { isUniqueViolation } from '../../database/database-errors';
import {
  type DeleteOutcome,
  deleteUnlessReferenced,
  existingIds,
} from '../../database/row-helpers';
import { escapeLike } from '../../database/sql-text';
import type {
  OrganizationKind,
  OrganizationSource,
  ReportingGroup,
} from './domain/organization-kind';
import { OrganizationEntity } from './organization.entity';

export interface OrganizationFilter {
  kind?: OrganizationKind;
  group?: ReportingGroup;
  parentId?: string;
  codePrefix?: string;
  validOn?: string;
  source?: OrganizationSource;
  search?: string;
}

export type OrganizationFields = Omit<
  OrganizationEntity,
  'id' | 'parent' | 'createdAt' | 'updatedAt'
>;

export type SaveOutcome =
  { saved: OrganizationEntity } | { refused: 'CODE_TAKEN' | 'PARENT_CYCLE' | 'NOT_FOUND' };

/** What a list shows of each organization and its parent; the search text stays behind. */
const LISTED_COLUMNS = [
  ...(
    [
      'id',
      'kind',
      'reportingGroup',
      'name',
      'acronym',
      'regionCode',
      'timeZone',
      'parentId',
      'validFrom',
      'validTo',
      'source',
      'sortKey',
      'createdAt',
      'updatedAt',
    ] satisfies (keyof OrganizationEntity)[]
  ).map((column) => `organization.${column}`),
  'parent.id',
  'parent.name',
  'parent.acronym',
];

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Which of these ids exist, in one query. */
  existingIds(ids: readonly string[]): Promise<Set<string>> {
    return existingIds(this.dataSource.getRepository(OrganizationEntity), ids);
  }

  /** One organization with its parent, or null. */
  findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OrganizationEntity | null> {
    return manager
      .getRepository(OrganizationEntity)
      .findOne({ where: { id }, relations: { parent: true } });
  }

  /** The province, regency or city holding this code today (its current holder). */
  findCurrentByRegionCode(regionCode: string): Promise<OrganizationEntity | null> {
    return this.dataSource
      .getRepository(OrganizationEntity)
      .createQueryBuilder('organization')
      .where('organization.regionCode = :regionCode AND organization.validTo IS NULL', {
        regionCode,
      })
      .getOne();
  }

  /** One page sorted by (sort_key, id), with each row's parent, in a single query. */
  findPage(
    filter: OrganizationFilter,
    after: KeyCursor | undefined,
    limit: number,
  ): Promise<OrganizationEntity[]> {
    const query = this.dataSource
      .getRepository(OrganizationEntity)
      .createQueryBuilder('organization')
      .leftJoin('organization.parent', 'parent')
      .select(LISTED_COLUMNS)
      .orderBy('organization.sortKey', 'ASC')
      .addOrderBy('organization.id', 'ASC')
      .limit(limit + 1);
    if (filter.kind !== undefined)
      query.andWhere('organization.kind = :kind', { kind: filter.kind });
    if (filter.group !== undefined)
      query.andWhere('organization.reportingGroup = :group', { group: filter.group });
    if (filter.parentId !== undefined)
      query.andWhere('organization.parentId = :parentId', { parentId: filter.parentId });
    if (filter.source !== undefined)
      query.andWhere('organization.source = :source', { source: filter.source });
    if (filter.codePrefix !== undefined) {
      query.andWhere(
        '(organization.regionCode = :code OR organization.regionCode LIKE :codeBelow)',
        { code: filter.codePrefix, codeBelow: `${escapeLike(filter.codePrefix)}.%` },
      );
    }
    if (filter.validOn !== undefined) {
      query.andWhere(
        '(organization.validFrom IS NULL OR organization.validFrom <= :day) AND (organization.validTo IS NULL OR organization.validTo >= :day)',
        { day: filter.validOn },
      );
    }
    searchWords(filter.search ?? '').forEach((word, index) => {
      query.andWhere(`organization.searchText LIKE :word${index}`, {
        [`word${index}`]: `%${escapeLike(word)}%`,
      });
    });
    if (after) {
      query.andWhere('(organization.sortKey, organization.id) > (:key, :id)', {
        key: after.key,
        id: after.id,
      });
    }
    return query.getMany();
  }

  async insert(fields: OrganizationFields): Promise<SaveOutcome> {
    try {
      const repository = this.dataSource.getRepository(OrganizationEntity);
      const saved = await repository.save(repository.create(fields));
      return { saved: (await this.findById(saved.id)) ?? saved };
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_organizations_current_region_code'))
        return { refused: 'CODE_TAKEN' };
      throw error;
    }
  }

  /**
   * Applies changes computed from the locked current row. `change` may throw to refuse. A new
   * parent is refused when the organization is among its ancestors.
   */
  async update(
    id: string,
    change: (
      current: OrganizationEntity,
      manager: EntityManager,
    ) => Promise<Partial<OrganizationFields>>,
  ): Promise<SaveOutcome> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(OrganizationEntity);
        const current = await repository
          .createQueryBuilder('organization')
          .setLock('pessimistic_write')
          .where('organization.id = :id', { id })
          .getOne();
        if (!current) return { refused: 'NOT_FOUND' as const };
        const fields = await change(current, manager);
        if (fields.parentId && (await this.isAncestorOrSelf(id, fields.parentId, manager)))
          return { refused: 'PARENT_CYCLE' as const };
        await repository.save(Object.assign(current, fields));
        const saved = await this.findById(id, manager);
        return { saved: saved ?? current };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_organizations_current_region_code'))
        return { refused: 'CODE_TAKEN' };
      throw error;
    }
  }

  /** Deletes an organization; 'IN_USE' when anything still points at it. */
  delete(id: string): Promise<DeleteOutcome> {
    return deleteUnlessReferenced(this.dataSource.getRepository(OrganizationEntity), id);
  }

  /** Whether `id` is `candidate` or one of its ancestors. */
  private async isAncestorOrSelf(
    id: string,
    candidate: string,
    manager: EntityManager,
  ): Promise<boolean> {
    const rows: { found: boolean }[] = await manager.query(
      `WITH RECURSIVE chain(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM organizations WHERE id = $1
         UNION ALL
         SELECT o.id, o.parent_id, chain.depth + 1
         FROM organizations o JOIN chain ON o.id = chain.parent_id
         WHERE chain.depth < 64
       )
       SELECT EXISTS (SELECT 1 FROM chain WHERE id = $2) AS found`,
      [candidate, id],
    );
    return rows[0]?.found === true;
  }
}
