import { In, type ObjectLiteral, type Repository } from 'typeorm';
import { isForeignKeyViolation } from './database-errors';

/** Which of these ids name a row of the repository's table, in one query. */
export async function existingIds<Row extends ObjectLiteral & { id: string }>(
  repository: Repository<Row>,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await repository
    .createQueryBuilder('row')
    .select('row.id', 'id')
    .where({ id: In([...new Set(ids)]) })
    .getRawMany<{ id: string }>();
  return new Set(rows.map((row) => row.id));
}

export type DeleteOutcome = 'DELETED' | 'NOT_FOUND' | 'IN_USE';

/** Deletes one row by id; 'IN_USE' when a foreign key still points at it, and nothing changes. */
export async function deleteUnlessReferenced<Row extends ObjectLiteral & { id: string }>(
  repository: Repository<Row>,
  id: string,
): Promise<DeleteOutcome> {
  try {
    const result = await repository.delete(id);
    return result.affected ? 'DELETED' : 'NOT_FOUND';
  } catch (error) {
    if (isForeignKeyViolation(error)) return 'IN_USE';
    throw error;
  }
}
