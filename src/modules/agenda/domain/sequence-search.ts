/**
 * The best order for a handful of items that share one track (a room on one day), everything else
 * fixed: dynamic programming over the sets of items placed, each item at its earliest start after
 * the one before it, with a bound. Pure and deterministic; the caller (improve-schedule.ts) says
 * where an item may start and what a placement costs.
 *
 * Why orders and earliest starts are enough: items of one track never overlap, so a schedule of
 * them is an order, and starting each item as early as its order allows costs no more waiting,
 * and leaves every item after it all its options (a program pair with a fixed item of the track
 * might rather have an item start later; the search does not try that). Two partial
 * orders that have placed the same items and end at the same time have the same futures (what
 * an item costs depends only on what is placed before it and where it starts), so only the
 * cheaper needs going on: the search visits at most one state per set of items placed and end
 * of the last, a few thousand for ten items instead of the 3.6 million orders. Partial orders
 * that already cost the bound (what the present order costs) are dropped.
 */
export interface SequenceProblem {
  /** Items to order, numbered 0 to `count - 1`; at most 30 (sets are bit masks). */
  count: number;
  /** Where the track's time starts counting (the day's first opening). */
  opening: number;
  /** For each item, the items (bit mask) that must be placed before it. */
  mustFollow: readonly number[];
  /** Each item's length. */
  length: (item: number) => number;
  /** The item's earliest start at or after `cursor`, or null when it fits nowhere after it. */
  earliestStart: (item: number, cursor: number) => number | null;
  /** What the track's waiting from `from` to `to` costs (nothing of the track's own covers it). */
  waitCost: (from: number, to: number) => number;
  /** What the item costs at `start` beyond waiting, given the items placed before it (a mask). */
  placeCost: (item: number, before: number, start: number) => number;
  /** What the track costs after its last item ends at `cursor`. */
  endCost: (cursor: number) => number;
  /** Only orders costing strictly less than this are of interest. */
  bound: number;
  /** States the search may visit; past them it gives up and finds nothing. */
  maxStates: number;
}

export interface SequenceSolution {
  /** The items in order, each with its start. */
  order: { item: number; start: number }[];
  cost: number;
}

export interface SequenceSearch {
  /** The cheapest order under the bound, or null when none is (or the states ran out). */
  best: SequenceSolution | null;
  /** States visited: the search's work, for the caller's budget. */
  states: number;
}

/** A partial order: the items placed (a mask), where the last ends, and how it got there. */
interface State {
  placed: number;
  cursor: number;
  cost: number;
  previous: State | null;
  item: number;
  start: number;
}

/**
 * The order of lowest cost below `problem.bound`, each item at its earliest start after the
 * previous one's end; null when there is none, or when the states would exceed
 * `problem.maxStates`. Ties go to the order first reached, trying items by number.
 */
export function bestSequence(problem: SequenceProblem): SequenceSearch {
  const { count, mustFollow, length, earliestStart, waitCost, placeCost, endCost, bound } = problem;
  if (count > 30) throw new RangeError('bestSequence orders at most 30 items');
  let states = 0;
  let layer: State[] = [
    { placed: 0, cursor: problem.opening, cost: 0, previous: null, item: -1, start: 0 },
  ];
  // Layer by layer (one item more each time), so that each state is reached at its lowest cost
  // before it is extended, and extended once.
  for (let size = 0; size < count; size++) {
    const reached = new Map<number, Map<number, State>>();
    const next: State[] = [];
    for (const state of layer) {
      for (let item = 0; item < count; item++) {
        const bit = 1 << item;
        if (state.placed & bit || (mustFollow[item] ?? 0) & ~state.placed) continue;
        const start = earliestStart(item, state.cursor);
        if (start === null) continue;
        // Every cost is non-negative: a partial order at the bound already cannot get under it.
        const cost =
          state.cost + waitCost(state.cursor, start) + placeCost(item, state.placed, start);
        if (cost >= bound) continue;
        const placed = state.placed | bit;
        const cursor = start + length(item);
        let byCursor = reached.get(placed);
        if (!byCursor) {
          byCursor = new Map();
          reached.set(placed, byCursor);
        }
        const known = byCursor.get(cursor);
        if (known) {
          if (cost < known.cost) Object.assign(known, { cost, previous: state, item, start });
          continue;
        }
        if (states >= problem.maxStates) return { best: null, states };
        states += 1;
        const reachedState = { placed, cursor, cost, previous: state, item, start };
        byCursor.set(cursor, reachedState);
        next.push(reachedState);
      }
    }
    layer = next;
  }
  let last: State | null = null;
  let lowest = bound;
  for (const state of layer) {
    const total = state.cost + endCost(state.cursor);
    if (total < lowest) {
      lowest = total;
      last = state;
    }
  }
  if (!last) return { best: null, states };
  const order: { item: number; start: number }[] = [];
  for (let state: State | null = last; state?.previous; state = state.previous) {
    order.unshift({ item: state.item, start: state.start });
  }
  return { best: { order, cost: lowest }, states };
}
