import { type PublishedItem, withSequences } from './published-item';

function item(
  overrides: Partial<Omit<PublishedItem, 'sequence'>> & { id: string },
): Omit<PublishedItem, 'sequence'> {
  return {
    title: overrides.id,
    type: 'workshop' as const,
    description: null,
    start: Date.UTC(2022, 5, 29, 1),
    end: Date.UTC(2022, 5, 29, 4),
    roomId: null,
    track: null,
    holders: [],
    durationMinutes: 180,
    day: '2022-06-29',
    roomName: null,
    ...overrides,
  };
}

describe('withSequences', () => {
  it('should start every item at 0 when there is no earlier version', () => {
    const result = withSequences([], [item({ id: 'a' }), item({ id: 'b' })]);
    expect(result.map((i) => i.sequence)).toEqual([0, 0]);
  });

  it('should raise the sequence of moved and changed items only when compared with the last version', () => {
    const previous = withSequences([], [item({ id: 'a' }), item({ id: 'b' }), item({ id: 'c' })]);
    const next = withSequences(previous, [
      item({ id: 'a', start: Date.UTC(2022, 5, 29, 2), end: Date.UTC(2022, 5, 29, 5) }),
      item({ id: 'b', title: 'Sesi 2 (diperbarui)' }),
      item({ id: 'c' }),
      item({ id: 'd' }),
    ]);
    expect(next.map((i) => [i.id, i.sequence])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 0],
      ['d', 0],
    ]);
    const third = withSequences(next, [
      item({
        id: 'a',
        title: 'Sesi 1 (ruang baru)',
        start: Date.UTC(2022, 5, 29, 2),
        end: Date.UTC(2022, 5, 29, 5),
      }),
    ]);
    expect(third[0]?.sequence).toBe(2);
  });

  it('should keep the sequence when only a shown name changed', () => {
    const previous = withSequences([], [item({ id: 'a', roomName: 'Ballroom' })]);
    const next = withSequences(previous, [item({ id: 'a', roomName: 'Grand Ballroom' })]);
    expect(next[0]?.sequence).toBe(0);
  });
});
