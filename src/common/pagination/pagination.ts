import { DomainError } from '../problem/domain-error';

/**
 * A position in a list sorted by (sort key, id), opaque to clients. The key is whatever the list
 * sorts by: a creation instant, a folded name, a day and time.
 */
export interface KeyCursor {
  key: string;
  id: string;
}

/** A position in a list sorted by (created_at, id). */
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeKeyCursor(cursor: KeyCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), 'utf8').toString('base64url');
}

export function decodeKeyCursor(value: string): KeyCursor {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (
    !Array.isArray(parts) ||
    parts.length !== 2 ||
    typeof parts[0] !== 'string' ||
    typeof parts[1] !== 'string' ||
    !UUID.test(parts[1])
  ) {
    throw new InvalidCursorError();
  }
  return { key: parts[0], id: parts[1] };
}

export function encodeCursor(cursor: Cursor): string {
  return encodeKeyCursor({ key: cursor.createdAt.toISOString(), id: cursor.id });
}

export function decodeCursor(value: string): Cursor {
  const { key, id } = decodeKeyCursor(value);
  const createdAt = new Date(key);
  if (Number.isNaN(createdAt.getTime())) throw new InvalidCursorError();
  return { createdAt, id };
}

/** Cuts one page from rows fetched with limit + 1, and points at the next. */
export function toPage<Row extends { createdAt: Date; id: string }, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  return toKeyPage(rows, limit, (row) => row.createdAt.toISOString(), map);
}

/** Cuts one page from rows fetched with limit + 1, sorted by (keyOf(row), id). */
export function toKeyPage<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => string,
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(map),
    nextCursor:
      rows.length > limit && last ? encodeKeyCursor({ key: keyOf(last), id: last.id }) : null,
  };
}
