import fc from 'fast-check';
import { diffVersions, type VersionItem } from './version-diff';

const hour = (h: number) => Date.UTC(2022, 5, 29, h - 7); // 29 June 2022, hours in WIB

function item(id: string, overrides: Partial<VersionItem> = {}): VersionItem {
  return {
    id,
    title: `Sesi ${id}`,
    type: 'workshop',
    description: null,
    start: hour(8),
    end: hour(11),
    roomId: 'ballroom',
    track: null,
    holders: [{ role: 'speaker', personId: `p-${id}`, organizationId: null }],
    ...overrides,
  };
}

describe(diffVersions.name, () => {
  it('should find nothing when the versions hold the same items', () => {
    expect(diffVersions([item('a'), item('b')], [item('a'), item('b')])).toEqual([]);
  });

  it.each([
    ['an earlier start', { start: hour(7) }, 'moved', ['start']],
    ['another room', { roomId: 'ruang-2' }, 'moved', ['roomId']],
    [
      'a later end and a new title',
      { end: hour(12), title: 'Sesi baru' },
      'moved',
      ['end', 'title'],
    ],
    ['a new title only', { title: 'Sesi baru' }, 'changed', ['title']],
    [
      'another moderator',
      { holders: [{ role: 'moderator', personId: 'p-a', organizationId: null }] },
      'changed',
      ['holders'],
    ],
    ['a new description', { description: 'Materi' }, 'changed', ['description']],
    ['being taken off the clock', { start: null, end: null }, 'moved', ['start', 'end']],
  ] as const)('should report %s as %s', (_case, overrides, kind, fields) => {
    const [change] = diffVersions([item('a')], [item('a', overrides)]);
    expect(change).toMatchObject({ kind, itemId: 'a', fields });
  });

  it('should report added and cancelled items with the people they concern', () => {
    const changes = diffVersions(
      [item('a'), item('b', { start: hour(13), end: hour(15) })],
      [item('a'), item('c', { start: hour(9), end: hour(10), holders: [] })],
    );
    expect(changes.map((change) => [change.kind, change.itemId, change.concerns])).toEqual([
      ['added', 'c', { personIds: [], organizationIds: [] }],
      ['cancelled', 'b', { personIds: ['p-b'], organizationIds: [] }],
    ]);
  });

  it('should tell both the old and the new holders of a changed item, once each', () => {
    const [change] = diffVersions(
      [item('a', { holders: [{ role: 'speaker', personId: 'p-1', organizationId: 'grid' }] })],
      [
        item('a', {
          holders: [
            { role: 'moderator', personId: 'p-1', organizationId: null },
            { role: 'speaker', personId: 'p-2', organizationId: 'grid' },
          ],
        }),
      ],
    );
    expect(change?.concerns).toEqual({ personIds: ['p-1', 'p-2'], organizationIds: ['grid'] });
  });

  it('should order changes by start, unscheduled last, then by id', () => {
    const changes = diffVersions(
      [],
      [
        item('z', { start: null, end: null }),
        item('b', { start: hour(9) }),
        item('a', { start: hour(9) }),
        item('c', { start: hour(8) }),
      ],
    );
    expect(changes.map((change) => change.itemId)).toEqual(['c', 'a', 'b', 'z']);
  });

  it('should account for every item of either version exactly once', () => {
    const versionItem = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      title: fc.constantFrom('Sesi 1', 'Sesi 2'),
      start: fc.option(
        fc.integer({ min: 0, max: 20 }).map((h) => hour(h)),
        { nil: null },
      ),
      roomId: fc.constantFrom('ballroom', 'ruang-2'),
    });
    const version = fc
      .uniqueArray(versionItem, { selector: (candidate) => candidate.id, maxLength: 6 })
      .map((items) =>
        items.map(({ id, title, start, roomId }) =>
          item(id, { title, start, end: start === null ? null : start + 3_600_000, roomId }),
        ),
      );
    fc.assert(
      fc.property(version, version, (from, to) => {
        const changes = diffVersions(from, to);
        const fromIds = new Set(from.map((candidate) => candidate.id));
        const toIds = new Set(to.map((candidate) => candidate.id));
        const unchanged = to.filter(
          (candidate) =>
            fromIds.has(candidate.id) &&
            JSON.stringify(from.find((old) => old.id === candidate.id)) ===
              JSON.stringify(candidate),
        );
        expect(changes.length + unchanged.length).toBe(new Set([...fromIds, ...toIds]).size);
        expect(new Set(changes.map((change) => change.itemId)).size).toBe(changes.length);
        expect(diffVersions(from, to)).toEqual(changes);
      }),
    );
  });
});
