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
import { escapeLike, statementParameters } from '../../database/sql-text';
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
  /** Only these organizations. */
  ids?: readonly string[];
}

export type OrganizationFields = Omit<
  OrganizationEntity,
  'id' | 'parent' | 'createdAt' | 'updatedAt'
>;

export type SaveOutcome =
  { saved: OrganizationEntity } | { refused: 'CODE_TAKEN' | 'PARENT_CYCLE' | 'NOT_FOUND' };

/** What a list shows of an organization: its columns and its parent's name. */
export type OrganizationView = Omit<OrganizationEntity, 'parent' | 'searchText'> & {
  parent: Pick<OrganizationEntity, 'id' | 'name' | 'acronym'> | null;
};

interface OrganizationRow extends Omit<OrganizationView, 'parent'> {
  parentName: string | null;
  parentAcronym: string | null;
}

/**
 * The SQL of one page sorted by (sort_key, id), limit + 1 rows, with each row's parent: one
 * statement, written out so that lists skip the ORM's query building and hydration (the bench
 * runs the same text through pgbench).
 */
export function buildOrganizationPageQuery(
  filter: OrganizationFilter,
  after: KeyCursor | undefined,
  limit: number,
): { text: string; values: unknown[] } {
  const { values, bind } = statementParameters();
  const conditions: string[] = [];
  if (filter.kind !== undefined) conditions.push(`o.kind = ${bind(filter.kind)}`);
  if (filter.group !== undefined) conditions.push(`o.reporting_group = ${bind(filter.group)}`);
  if (filter.parentId !== undefined)
    conditions.push(`o.parent_id = ${bind(filter.parentId)}::uuid`);
  if (filter.source !== undefined) conditions.push(`o.source = ${bind(filter.source)}`);
  if (filter.ids !== undefined) conditions.push(`o.id = ANY(${bind(filter.ids)}::uuid[])`);
  if (filter.codePrefix !== undefined) {
    conditions.push(
      `(o.region_code = ${bind(filter.codePrefix)} OR o.region_code LIKE ${bind(`${escapeLike(filter.codePrefix)}.%`)})`,
    );
  }
  if (filter.validOn !== undefined) {
    const day = bind(filter.validOn);
    conditions.push(
      `(o.valid_from IS NULL OR o.valid_from <= ${day}::date) AND (o.valid_to IS NULL OR o.valid_to >= ${day}::date)`,
    );
  }
  for (const word of searchWords(filter.search ?? '')) {
    conditions.push(`o.search_text LIKE ${bind(`%${escapeLike(word)}%`)}`);
  }
  if (after !== undefined) {
    conditions.push(
      `(o.sort_key, o.id) > (${bind(after.key)} COLLATE "C", ${bind(after.id)}::uuid)`,
    );
  }
  const text = `
    SELECT o.id, o.kind, o.reporting_group AS "reportingGroup", o.name, o.acronym,
           o.region_code AS "regionCode", o.time_zone AS "timeZone", o.parent_id AS "parentId",
           to_char(o.valid_from, 'YYYY-MM-DD') AS "validFrom",
           to_char(o.valid_to, 'YYYY-MM-DD') AS "validTo",
           o.source, o.sort_key AS "sortKey", o.created_at AS "createdAt", o.updated_at AS "updatedAt",
           p.name AS "parentName", p.acronym AS "parentAcronym"
      FROM organizations o
      LEFT JOIN organizations p ON p.id = o.parent_id
     ${conditions.length > 0 ? `WHERE ${conditions.join('\n       AND ')}` : ''}
     ORDER BY o.sort_key, o.id
     LIMIT ${bind(limit + 1)}`;
  return { text, values };
}

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
  async findPage(
    filter: OrganizationFilter,
    after: KeyCursor | undefined,
    limit: number,
  ): Promise<OrganizationView[]> {
    const { text, values } = buildOrganizationPageQuery(filter, after, limit);
    const rows = await this.dataSource.query<OrganizationRow[]>(text, values);
    return rows.map(({ parentName, parentAcronym, ...row }) => ({
      ...row,
      parent:
        row.parentId !== null && parentName !== null
          ? { id: row.parentId, name: parentName, acronym: parentAcronym }
          : null,
    }));
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
