import {
  decodeCursor,
  decodeKeyCursor,
  encodeCursor,
  encodeKeyCursor,
  InvalidCursorError,
  toPage,
} from './pagination';

const row = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  createdAt: new Date(Date.UTC(2022, 5, 28, 12, 0, n)),
});

describe('pagination', () => {
  it('should round-trip a cursor', () => {
    const position = row(7);
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('should round-trip a key cursor whose key holds any text', () => {
    const position = { key: '0|2022-06-28|"quoted" | piped', id: row(3).id };
    expect(decodeKeyCursor(encodeKeyCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'not base64 at all',
    Buffer.from('["2022-06-28T00:00:00Z","not-a-uuid"]').toString('base64url'),
    Buffer.from(`["nonsense","${row(1).id}"]`).toString('base64url'),
    Buffer.from(`["2022-06-28T00:00:00Z","${row(1).id}","extra"]`).toString('base64url'),
    Buffer.from(`[7,"${row(1).id}"]`).toString('base64url'),
  ])('should refuse the cursor %j', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });

  it.each([
    [0, 2, [], null],
    [2, 2, [0, 1], null],
    [3, 2, [0, 1], 1],
  ])('should cut %i fetched rows with limit %i', (fetched, limit, items, cursorRow) => {
    const rows = Array.from({ length: fetched }, (_, i) => row(i));
    const page = toPage(rows, limit, (r) => r.createdAt.getUTCSeconds());
    expect(page.items).toEqual(items);
    expect(page.nextCursor).toEqual(cursorRow === null ? null : encodeCursor(row(cursorRow)));
  });
});
