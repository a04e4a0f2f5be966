import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KeyCursor } from '../../common/pagination/pagination';
import { searchWords } from '../../common/text/search-text';
import { isUniqueViolation } from '../../database/database-errors';
import {
  type DeleteOutcome,
  deleteUnlessReferenced,
  existingIds,
} from '../../database/row-helpers';
import { escapeLike } from '../../database/sql-text';
import { PersonEntity } from './person.entity';

export interface PersonFilter {
  organizationId?: string;
  search?: string;
}

export type PersonFields = Omit<PersonEntity, 'id' | 'organization' | 'createdAt' | 'updatedAt'>;

export type PersonSaveOutcome = PersonEntity | 'NIP_TAKEN' | 'NOT_FOUND';

@Injectable()
export class PeopleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Which of these ids exist, in one query. */
  existingIds(ids: readonly string[]): Promise<Set<string>> {
    return existingIds(this.dataSource.getRepository(PersonEntity), ids);
  }

  findById(id: string): Promise<PersonEntity | null> {
    return this.dataSource
      .getRepository(PersonEntity)
      .findOne({ where: { id }, relations: { organization: true } });
  }

  /** One page sorted by (sort_key, id), with each person's organization, in a single query. */
  findPage(
    filter: PersonFilter,
    after: KeyCursor | undefined,
    limit: number,
  ): Promise<PersonEntity[]> {
    const query = this.dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('person')
      .leftJoinAndSelect('person.organization', 'organization')
      .orderBy('person.sortKey', 'ASC')
      .addOrderBy('person.id', 'ASC')
      .limit(limit + 1);
    if (filter.organizationId !== undefined) {
      query.andWhere('person.organizationId = :organizationId', {
        organizationId: filter.organizationId,
      });
    }
    searchWords(filter.search ?? '').forEach((word, index) => {
      query.andWhere(`person.searchText LIKE :word${index}`, {
        [`word${index}`]: `%${escapeLike(word)}%`,
      });
    });
    if (after) {
      query.andWhere('(person.sortKey, person.id) > (:key, :id)', { key: after.key, id: after.id });
    }
    return query.getMany();
  }

  async insert(fields: PersonFields): Promise<Exclude<PersonSaveOutcome, 'NOT_FOUND'>> {
    try {
      const repository = this.dataSource.getRepository(PersonEntity);
      const saved = await repository.save(repository.create(fields));
      return (await this.findById(saved.id)) ?? saved;
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_people_nip')) return 'NIP_TAKEN';
      throw error;
    }
  }

  async update(id: string, fields: PersonFields): Promise<PersonSaveOutcome> {
    try {
      const result = await this.dataSource.getRepository(PersonEntity).update({ id }, fields);
      if (!result.affected) return 'NOT_FOUND';
      return (await this.findById(id)) ?? 'NOT_FOUND';
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_people_nip')) return 'NIP_TAKEN';
      throw error;
    }
  }

  /** Deletes a person; 'IN_USE' while they hold a role in an agenda item. */
  delete(id: string): Promise<DeleteOutcome> {
    return deleteUnlessReferenced(this.dataSource.getRepository(PersonEntity), id);
  }
}
