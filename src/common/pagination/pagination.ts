import { DomainError } from '../problem/domain-error';

/** A position in a list sorted by (created_at, id), opaque to clients. */
export interface Cursor {
  createdAt: Date;
  id: string;
}

export class InvalidCursorError extends DomainError<'INVALID_CURSOR'> {
  constructor() {
    super(
      'INVALID_CURSOR',
      { status: 400, title: 'Invalid cursor' },
      'The cursor is not one this list returned; start again without it.',
      [{ field: 'cursor', message: 'cursor must be a nextCursor value returned by this list' }],
    );
  }
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString(
    'base64url',
  );
}

export function decodeCursor(value: string): Cursor {
  const [instant, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(instant ?? '');
  if (
    rest.length > 0 ||
    id === undefined ||
    Number.isNaN(createdAt.getTime()) ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)
  ) {
    throw new InvalidCursorError();
  }
  return { createdAt, id };
}

/** Cuts one page from rows fetched with limit + 1, and points at the next. */
export function toPage<Row extends { createdAt: Date; id: string }, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
