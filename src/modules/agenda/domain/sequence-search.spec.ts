import { bestSequence, type SequenceProblem } from './sequence-search';

/** Items of length 1, free at any time from 0, nothing to pay unless a test says so. */
const problem = (overrides: Partial<SequenceProblem> & { count: number }): SequenceProblem => ({
  opening: 0,
  mustFollow: Array.from({ length: overrides.count }, () => 0),
  length: () => 1,
  earliestStart: (_item, cursor) => cursor,
  waitCost: (from, to) => to - from,
  placeCost: () => 0,
  endCost: () => 0,
  bound: Infinity,
  maxStates: 100_000,
  ...overrides,
});

/** Program pairs (0, 1), (1, 2), …: 10 for each item placed after the one after it. */
const brokenPairs = (item: number, before: number) => (before & (1 << (item + 1)) ? 10 : 0);

describe(bestSequence.name, () => {
  it('should keep the program order when nothing else is cheaper', () => {
    const { best } = bestSequence(problem({ count: 3, placeCost: brokenPairs }));
    expect(best).toEqual({
      order: [
        { item: 0, start: 0 },
        { item: 1, start: 1 },
        { item: 2, start: 2 },
      ],
      cost: 0,
    });
  });

  it('should break as few pairs as the constraints allow when an item must follow a later one', () => {
    // Item 1 must follow item 2: 0, 2, 1 breaks one pair (1–2), as 2, 0, 1 does (ties to the
    // first found); 2, 1, 0 breaks two.
    const { best } = bestSequence(
      problem({ count: 3, mustFollow: [0, 1 << 2, 0], placeCost: brokenPairs }),
    );
    expect(best?.order.map((o) => o.item)).toEqual([0, 2, 1]);
    expect(best?.cost).toBe(10);
  });

  it('should count the waiting before an item that may start only later', () => {
    // Item 0 may start only at 5, and waiting costs 10 a unit: 1, 2, then 0 waits 3 units and
    // breaks one pair (0–1), 40 in all; 0, 1, 2 waits 5 units, 50.
    const { best } = bestSequence(
      problem({
        count: 3,
        earliestStart: (item, cursor) => (item === 0 ? Math.max(cursor, 5) : cursor),
        waitCost: (from, to) => 10 * (to - from),
        placeCost: brokenPairs,
      }),
    );
    expect(best?.order).toEqual([
      { item: 1, start: 0 },
      { item: 2, start: 1 },
      { item: 0, start: 5 },
    ]);
    expect(best?.cost).toBe(40);
  });

  it('should find nothing when no order is cheaper than the bound, or no state may be visited', () => {
    const mustFollow = [0, 1 << 2, 0];
    expect(
      bestSequence(problem({ count: 3, mustFollow, placeCost: brokenPairs, bound: 10 })).best,
    ).toBeNull();
    expect(bestSequence(problem({ count: 3, maxStates: 0 }))).toEqual({ best: null, states: 0 });
  });

  it('should visit each set of items placed once when their orders end at the same time', () => {
    // Each item costs 1 for every lower-numbered item before it: the best order is the reverse
    // one, the last the search tries; 10! orders, but at most 2^10 sets placed.
    const count = 10;
    const { best, states } = bestSequence(
      problem({
        count,
        waitCost: () => 0,
        placeCost: (item, before) => {
          let cost = 0;
          for (let lower = 0; lower < item; lower++) if (before & (1 << lower)) cost += 1;
          return cost;
        },
      }),
    );
    expect(best?.order.map((o) => o.item)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(best?.cost).toBe(0);
    expect(states).toBeLessThanOrEqual(2 ** count);
  });
});
