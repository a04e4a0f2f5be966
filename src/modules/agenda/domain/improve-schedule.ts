import type { AgendaItem, TimeRange } from './agenda-types';
import { holderKeys, isBreak, listOf, pushTo } from './item-keys';
import { compareTimed } from './conflicts';
import type { Infeasibility, PlacedItem, ScheduleInput, ScheduleResult } from './generate-schedule';
import { scheduleDays, type ScheduleDay } from './schedule-days';
import {
  fillsEveryRoom,
  ORDER_PENALTY_MINUTES,
  orderPairs,
  trackIdle,
  trackRooms,
  UNPLACED_WEIGHT,
  usableRanges,
} from './schedule-objective';
import { bestSequence } from './sequence-search';
import { mergeRanges, rangesOverlap } from './time-ranges';

/**
 * The improvement phase after the greedy placement: a deterministic local search over the
 * schedule objective (`scoreSchedule` in schedule-objective.ts; the same code, `trackIdle` and the
 * program pairs, evaluated here per room-day and pair a move touches). Only items the greedy
 * placed in this run move: kept and pinned items, ISHOMA, coffee breaks and break items stay where
 * they are, and no item changes room or leaves its planned day (one without a day may change
 * day).
 *
 * An item is weighed at every start where it may go: the window openings and closings, ISHOMA's
 * edges, the edges of what blocks it, its people's available ranges and its ordering bounds, as
 * starts and as ends, so that it can close a gap from either side. The moves, cheapest first; a
 * dearer kind is tried only when the cheaper ones find nothing, and each round starts again from
 * the cheapest:
 *
 * 1. **Insert** an item left out for lack of time or of its people (and that no other item was
 *    left out for following) at its cheapest free start, whatever that costs: what stays out
 *    still fits nowhere. Failing that, when it pays: in by an ejection chain (5), or once an item
 *    it must follow moves to another free start (then at a free start or by a chain).
 * 2. **Relocate** each item, in program order, to the start that lowers the objective most.
 * 3. **Resequence** a room-day (at most `RESEQUENCE_MAX_ITEMS` movable items): pack its items
 *    again in the program's order, or in the present order with one item taken elsewhere, each
 *    at its first free start (after the previous one, or anywhere in the day).
 * 4. **Reorder** a room-day exactly (at most `REORDER_MAX_ITEMS` movable items): the best of all
 *    orders of its items, each at its first free start after the previous one, by a search over
 *    the sets of items placed (sequence-search.ts). It reaches what the moves above cannot when
 *    every item of a room must move at once: a new order of a whole morning, say, that frees a
 *    speaker's only hours for the session that needs them.
 * 5. **Eject**: move an item onto a start where exactly one movable item is in its way, that one
 *    onto a start of its own, and so on for up to `CHAIN_DEPTH` items (one on crowded days); a
 *    swap of two items is such a chain.
 * 6. **Kick** a room-day: one of the packings of (3) that alone may cost a little, with the items
 *    of other rooms that share a holder placed again at their best, then up to `KICK_PASSES`
 *    relocation passes over the day.
 *
 * Every move but an insertion at a free start is taken only when the objective, over everything
 * it changes, goes down strictly. Every move keeps the hard rules the greedy keeps: day windows,
 * ISHOMA, rooms (an item without a room, or a break, has the venue to itself), people and teams,
 * availability, ordering constraints. With coffee breaks, a move other than an insertion may not
 * leave a day with more generated breaks that no item precedes or follows, nor with more items
 * that start right after `coffeeBreakAfterMinutes` of items without a break, than before (the
 * greedy's own rule, `coffeeNeeded`); an insertion may add the latter, as the greedy does when no
 * break fits. Rounds repeat until nothing pays, up to `MAX_ROUNDS`, and the placements weighed
 * are counted and capped at `MAX_EVALUATIONS`: no clock, no randomness, ties to the earlier day
 * and start, so the same input gives the same output.
 */

/** Rounds of moves; a round that changes nothing ends the search. */
const MAX_ROUNDS = 40;
/**
 * Candidate placements weighed in all before the search stops (the final insertions still run).
 * Eight of the ten small instances of the gap spec finish within 57,000; seeds 4 and 10 and the
 * 600-item event reach the cap (the small ones with nothing more to gain).
 */
export const MAX_EVALUATIONS = 80_000;
/** Room-days with more movable items than this are not packed again (the orders grow squared). */
const RESEQUENCE_MAX_ITEMS = 10;
/** Room-days with more movable items than this are not reordered exactly (2^n sets of items). */
const REORDER_MAX_ITEMS = 10;
/**
 * States an exact reordering may visit before it gives up on the room-day (the ten small
 * instances need at most 2,300 for a room-day of ten items; the worst case is 2^10 sets of items
 * times the ends they may have).
 */
const REORDER_MAX_STATES = 20_000;
/** Relocation passes after a kick's packing. */
const KICK_PASSES = 3;
/** Items an ejection chain may move besides the first. */
const CHAIN_DEPTH = 2;
/** Days with more movable items than this get chains of one item after the first (cubic cost). */
const CHAIN_DAY_ITEMS = 40;
const MINUTE = 60_000;
const ORDER_COST = ORDER_PENALTY_MINUTES * MINUTE;
const UNPLACED_COST = UNPLACED_WEIGHT * MINUTE;
/** What a kick's packing may cost before the moves after it: two broken pairs. */
const KICK_SLACK = 2 * ORDER_COST;
/** Left-out reasons an insertion may mend; the others do not depend on the schedule. */
const INSERTABLE: ReadonlySet<string> = new Set(['day_too_short', 'people_unavailable']);

interface Entry {
  placed: PlacedItem;
  /** Program index; generated breaks come last. */
  index: number;
  movable: boolean;
  blocksAll: boolean;
  keys: Set<string>;
  /** Whether it is in the schedule (a left-out item being weighed is not, until taken). */
  on: boolean;
}

interface Position {
  day: string;
  start: number;
}

interface Change {
  entry: Entry;
  to: Position | null;
}

export interface ImproveOptions {
  /** Cap on candidate placements weighed; default `MAX_EVALUATIONS`. */
  maxEvaluations?: number;
}

/** Improves the greedy's `result` for `input` (see the file comment). */
export function improveSchedule(
  input: ScheduleInput,
  result: ScheduleResult,
  options: ImproveOptions = {},
): ScheduleResult {
  const { context, items } = input;
  const days = scheduleDays(context);
  const dayByDate = new Map(days.map((day) => [day.date, day]));
  const dayRank = new Map(days.map((day, index) => [day.date, index]));
  const rules = context.breakRules ?? {};
  const coffeeMinutes = rules.coffeeBreakMinutes ?? 0;
  const coffeeAfter = rules.coffeeBreakAfterMinutes ?? 0;
  const useCoffee = coffeeMinutes > 0 && coffeeAfter > 0;
  const ishomaForbids = rules.ishomaForbidsItems !== false;
  const inputIds = new Set(items.map((item) => item.id));
  const programIndex = new Map(items.map((item, index) => [item.id, index]));
  const programItem = new Map(items.map((item) => [item.id, item]));
  const availability = new Map<string, TimeRange[]>();
  for (const person of context.people) {
    if ((person.availability ?? []).length > 0) {
      availability.set(person.id, mergeRanges(person.availability ?? []));
    }
  }
  const beforesOf = new Map<string, string[]>();
  const aftersOf = new Map<string, string[]>();
  for (const o of input.ordering ?? []) {
    pushTo(beforesOf, o.after, o.before);
    pushTo(aftersOf, o.before, o.after);
  }
  // The objective's parts: tracks per day, and the program pairs of each item.
  const rooms = trackRooms(items);
  const usable = new Map(days.map((day) => [day.date, usableRanges(day, context)]));
  const pairs = orderPairs(items).map(([a, b]) => [a.id, b.id] as const);
  const pairsOf = new Map<string, number[]>();
  pairs.forEach(([a, b], k) => {
    pushTo(pairsOf, a, k);
    pushTo(pairsOf, b, k);
  });

  // The schedule, as mutable entries indexed by day: all of them, those that block every item,
  // and the others by room and by holder.
  const byId = new Map<string, Entry>();
  const byDay = new Map<string, Entry[]>();
  const wideByDay = new Map<string, Entry[]>();
  const byRoomDay = new Map<string, Entry[]>();
  const byHolderDay = new Map<string, Entry[]>();
  const listsOf = (e: Entry, date: string): Entry[][] => {
    const lists = [listOf(byDay, date)];
    if (e.blocksAll) lists.push(listOf(wideByDay, date));
    else {
      lists.push(listOf(byRoomDay, `${date}|${e.placed.roomId ?? ''}`));
      for (const key of e.keys) lists.push(listOf(byHolderDay, `${date}|${key}`));
    }
    return lists;
  };
  // The days whose hours meet each day's (only itself unless windows run past midnight).
  const span = (day: ScheduleDay) => ({
    start: day.windows[0]?.start ?? 0,
    end: day.windows[day.windows.length - 1]?.end ?? 0,
  });
  const near = new Map(
    days.map((day) => [
      day.date,
      days.filter((other) => other === day || rangesOverlap(span(other), span(day))),
    ]),
  );
  const entry = (placed: PlacedItem, on: boolean): Entry => ({
    placed,
    index: programIndex.get(placed.id) ?? Number.MAX_SAFE_INTEGER,
    movable: placed.placement === 'placed' && !isBreak(placed),
    blocksAll: placed.placement === 'break' || isBreak(placed) || placed.roomId === null,
    keys: holderKeys(placed),
    on,
  });
  for (const placed of result.placed) {
    const e = entry({ ...placed }, true);
    byId.set(placed.id, e);
    for (const list of listsOf(e, placed.day)) list.push(e);
  }
  // Left out for lack of room or people, and no item was left out for following it.
  const following = new Set(
    result.unplaced.filter((u) => u.constraint === 'ordering').flatMap((u) => u.itemIds.slice(1)),
  );
  const leftOut = result.unplaced
    .filter((u) => INSERTABLE.has(u.constraint) && !following.has(u.itemIds[0] ?? ''))
    .map((u) => programItem.get(u.itemIds[0] ?? ''))
    .filter((item): item is AgendaItem => !!item && item.durationMinutes > 0 && !isBreak(item));
  const inserted = new Set<string>();
  const movable = [...byId.values()].filter((e) => e.movable).sort((a, b) => a.index - b.index);

  let evaluations = 0;
  const cap = options.maxEvaluations ?? MAX_EVALUATIONS;
  const within = () => evaluations < cap;

  // The cheapest moves first; the dearer ones only once the cheaper find nothing.
  for (let round = 0; round < MAX_ROUNDS && within(); round++) {
    let changed = insertLeftOut(true);
    for (const e of movable) if (within() && relocate(e)) changed = true;
    if (changed) continue;
    for (const day of days) {
      for (const room of rooms) if (within() && resequence(day, room)) changed = true;
    }
    if (changed) continue;
    for (const day of days) {
      for (const room of rooms) if (within() && reorder(day, room)) changed = true;
    }
    if (changed) continue;
    for (const e of movable) if (within() && eject(e)) changed = true;
    if (changed) continue;
    for (const day of days) {
      for (const room of rooms) if (within() && !changed && kick(day, room)) changed = true;
    }
    if (!changed) break;
  }
  // Whatever the cap: an item left out that fits somewhere now goes in.
  while (insertLeftOut(false));

  const placed = [...byId.values()]
    .filter((e) => e.on)
    .map((e) => e.placed)
    .sort(compareTimed);
  const unplaced: Infeasibility[] = result.unplaced.filter(
    (u) => !inserted.has(u.itemIds[0] ?? ''),
  );
  return { placed, unplaced };

  // ---- moves --------------------------------------------------------------------------------

  /** Puts in every left-out item that fits; with `withEjection`, also by an ejection chain. */
  function insertLeftOut(withEjection: boolean): boolean {
    let changed = false;
    for (const item of leftOut) {
      if (inserted.has(item.id)) continue;
      if (!(beforesOf.get(item.id) ?? []).every((id) => !inputIds.has(id) || isOn(id))) continue;
      const e = byId.get(item.id) ?? leftEntry(item);
      const best = bestPlacement(e, [], -Infinity, false);
      let move: Change[] | null = best ? [{ entry: e, to: best.to }] : null;
      if (!move && withEjection && within()) move = bestChain(e, 0)?.changes ?? null;
      if (!move && withEjection && within()) move = afterMovingBefore(e);
      if (move) {
        apply(move);
        taken(e);
        changed = true;
      }
    }
    return changed;
  }

  /**
   * A left-out item in once an item it must follow moves: each such item that may move, at each
   * of its free starts, then the left-out item at its cheapest free start or by an ejection
   * chain; the pair that lowers the objective most, if any does.
   */
  function afterMovingBefore(e: Entry): Change[] | null {
    let best: { changes: Change[]; delta: number } | null = null;
    for (const id of beforesOf.get(e.placed.id) ?? []) {
      const before = byId.get(id);
      if (!before?.on || !before.movable) continue;
      for (const day of allowedDays(before)) {
        const relevant = blockersOn(before, day.date);
        for (const start of candidates(before, day, relevant)) {
          if (!within()) return best?.changes ?? null;
          if (before.placed.day === day.date && before.placed.start === start) continue;
          evaluations += 1;
          if (!fits(before, day, start, relevant)) continue;
          const first: Change = { entry: before, to: { day: day.date, start } };
          const saved = snapshot([first]);
          apply([first]);
          const free = bestPlacement(e, [], -Infinity, false);
          const rest = free
            ? [{ entry: e, to: free.to }]
            : (bestChain(e, Infinity)?.changes ?? null);
          restore(saved);
          if (!rest) continue;
          const changes = [first, ...rest];
          const delta = costOf(changes);
          if (delta < (best?.delta ?? 0) && keepsCoffee(changes)) best = { changes, delta };
        }
      }
    }
    return best?.changes ?? null;
  }

  /** The entry of a left-out item, not in the schedule. */
  function leftEntry(item: AgendaItem): Entry {
    const e = entry(
      { ...item, start: 0, end: 0, day: item.day ?? days[0]?.date ?? '', placement: 'placed' },
      false,
    );
    byId.set(item.id, e);
    return e;
  }

  /** A left-out item now in: it moves like the others from now on. */
  function taken(e: Entry): void {
    inserted.add(e.placed.id);
    if (!movable.includes(e)) {
      movable.push(e);
      movable.sort((a, b) => a.index - b.index);
    }
  }

  /** Moves the item to the start that lowers the objective most, if any does. */
  function relocate(e: Entry): boolean {
    const best = bestPlacement(e, [], 0, true);
    if (!best) return false;
    apply([{ entry: e, to: best.to }]);
    return true;
  }

  /**
   * Packs the movable items of a room-day again, each at its first free start, in another order:
   * the program's, or the present one with one item taken to another place; each order packed
   * twice, every item after the one before it, and every item at the first free start of the day.
   * Takes the packing that lowers the objective most, if any does.
   */
  function resequence(day: ScheduleDay, room: string | null): boolean {
    if (room === null) return false;
    const members = (byRoomDay.get(`${day.date}|${room}`) ?? [])
      .filter((e) => e.movable)
      .sort((a, b) => a.placed.start - b.placed.start || a.index - b.index);
    if (members.length < 2 || members.length > RESEQUENCE_MAX_ITEMS) return false;
    const orders = ordersOf(members);
    let best: { changes: Change[]; delta: number } | null = null;
    for (const order of orders) {
      for (const after of [true, false]) {
        if (!within()) break;
        const changes = pack(order, day, after);
        if (!changes) continue;
        const delta = costOf(changes);
        if (delta < (best?.delta ?? 0) && keepsCoffee(changes)) best = { changes, delta };
      }
    }
    if (!best) return false;
    apply(best.changes);
    return true;
  }

  /**
   * The room-day's movable items (at most `REORDER_MAX_ITEMS`) in the best of all their orders,
   * each at its earliest free start after the one before it (`bestSequence`), every other item
   * where it is: the exact version of `resequence`'s packing after the previous item, which
   * tries only the orders one item away from the present one. Taken when it lowers the
   * objective.
   */
  function reorder(day: ScheduleDay, room: string | null): boolean {
    if (room === null) return false;
    const members = (byRoomDay.get(`${day.date}|${room}`) ?? [])
      .filter((e) => e.movable)
      .sort((a, b) => a.index - b.index);
    const opening = day.windows[0]?.start;
    if (members.length < 2 || members.length > REORDER_MAX_ITEMS || opening === undefined) {
      return false;
    }
    const number = new Map(members.map((e, n) => [e, n]));
    const track = new Map([[`${day.date}\u0000${room}`, [day.date, room] as [string, string]]]);
    const pairIndexes = new Set(members.flatMap((e) => pairsOf.get(e.placed.id) ?? []));
    const bound = partCost(track, pairIndexes);
    const saved = snapshot(members.map((e) => ({ entry: e, to: null })));
    apply(members.map((e) => ({ entry: e, to: null })));

    // What the track's own fixed items (plenaries, breaks, kept items of the room) cover, and
    // where its last fixed item ends: the members' waiting is measured against them.
    const fixed = [
      ...(wideByDay.get(day.date) ?? []),
      ...(byRoomDay.get(`${day.date}|${room}`) ?? []),
    ];
    const covered = mergeRanges(fixed.map((e) => e.placed));
    const fixedEnd = Math.max(
      -Infinity,
      ...fixed.filter((e) => inputIds.has(e.placed.id)).map((e) => e.placed.end),
    );
    const dayUsable = usable.get(day.date) ?? [];
    // The usable minutes between two instants that no fixed item covers: what the track waits
    // there (the members cover only their own time, always usable and never under a fixed item).
    const idleBetween = (from: number, to: number): number => {
      let idle = 0;
      for (const range of dayUsable) {
        const start = Math.max(range.start, from);
        const end = Math.min(range.end, to);
        if (end <= start) continue;
        idle += end - start;
        for (const c of covered) {
          idle -= Math.max(0, Math.min(c.end, end) - Math.max(c.start, start));
        }
      }
      return idle;
    };
    // Each member's possible starts, with the other members out of the room-day: the earliest
    // free start at or after a cursor is the cursor itself or one of them.
    const relevant = members.map((e) => blockersOn(e, day.date));
    const starts = members.map((e, n) => candidates(e, day, relevant[n] ?? []));
    const earliest = members.map(() => new Map<number, number | null>());
    const mustFollow = members.map((e) =>
      (beforesOf.get(e.placed.id) ?? []).reduce((mask, id) => {
        const before = byId.get(id);
        const n = before ? number.get(before) : undefined;
        return n === undefined ? mask : mask | (1 << n);
      }, 0),
    );
    const search = bestSequence({
      count: members.length,
      opening,
      mustFollow,
      length: (n) => (members[n]?.placed.durationMinutes ?? 0) * MINUTE,
      earliestStart: (n, cursor) => {
        const known = earliest[n]?.get(cursor);
        if (known !== undefined) return known;
        const e = members[n] as Entry;
        const found =
          [cursor, ...(starts[n] ?? []).filter((at) => at > cursor)].find((at) => {
            evaluations += 1;
            return fits(e, day, at, relevant[n] ?? []);
          }) ?? null;
        earliest[n]?.set(cursor, found);
        return found;
      },
      waitCost: idleBetween,
      placeCost: (n, before, start) => {
        const e = members[n] as Entry;
        let cost = 0;
        for (const k of pairsOf.get(e.placed.id) ?? []) {
          const [first, second] = pairs[k] ?? ['', ''];
          const other = byId.get(first === e.placed.id ? second : first);
          const m = other ? number.get(other) : undefined;
          // A member placed before starts earlier; one placed later counts when it is placed.
          let otherStart: number | null = null;
          if (m !== undefined) otherStart = before & (1 << m) ? -Infinity : null;
          else if (other?.on) otherStart = other.placed.start;
          if (otherStart === null) continue;
          const broken = first === e.placed.id ? otherStart < start : start < otherStart;
          if (broken) cost += ORDER_COST;
        }
        return cost;
      },
      endCost: (cursor) => (fixedEnd > cursor ? idleBetween(cursor, fixedEnd) : 0),
      bound,
      maxStates: REORDER_MAX_STATES,
    });
    restore(saved);
    // Each state is one item weighed at one start: it counts against the cap like the others.
    evaluations += search.states;
    if (!search.best) return false;
    const changes = search.best.order
      .map(({ item, start }) => ({ entry: members[item] as Entry, to: { day: day.date, start } }))
      .filter(({ entry: e, to }) => e.placed.start !== to.start);
    if (changes.length === 0 || costOf(changes) >= 0 || !keepsCoffee(changes)) return false;
    apply(changes);
    return true;
  }

  /**
   * A kick: a packing of the room-day, with the day's items of other rooms that share a holder
   * with it placed again at their best, that alone costs a little (at most `KICK_SLACK`), then
   * relocations of the day's movable items until none pays (up to `KICK_PASSES` passes); the
   * whole taken, as one move, only when it lowers the objective. The first such, in the order of
   * `resequence`.
   */
  function kick(day: ScheduleDay, room: string | null): boolean {
    if (room === null) return false;
    const members = (byRoomDay.get(`${day.date}|${room}`) ?? [])
      .filter((e) => e.movable)
      .sort((a, b) => a.placed.start - b.placed.start || a.index - b.index);
    if (members.length < 2 || members.length > RESEQUENCE_MAX_ITEMS) return false;
    const ofDay = (byDay.get(day.date) ?? [])
      .filter((e) => e.movable)
      .sort((a, b) => a.index - b.index);
    const keys = new Set(members.flatMap((e) => [...e.keys]));
    const neighbours = ofDay.filter(
      (e) => !members.includes(e) && [...e.keys].some((key) => keys.has(key)),
    );
    const saved = snapshot(ofDay.map((e) => ({ entry: e, to: null })));
    const differs = (changes: Change[]) =>
      changes.filter(({ entry: e, to }) => {
        const was = saved.find((c) => c.entry === e)?.to;
        return was?.day !== to?.day || was?.start !== to?.start;
      });
    for (const order of ordersOf(members)) {
      for (const after of [true, false]) {
        if (!within()) return false;
        apply(neighbours.map((e) => ({ entry: e, to: null })));
        const packed = pack(order, day, after);
        let placedAll = packed !== null;
        if (packed) apply(packed);
        for (const e of placedAll ? neighbours : []) {
          const best = bestPlacement(e, [], -Infinity, false);
          if (!best) {
            placedAll = false;
            break;
          }
          apply([{ entry: e, to: best.to }]);
        }
        const kicked = placedAll
          ? differs(snapshot(ofDay.map((e) => ({ entry: e, to: null }))))
          : [];
        restore(saved);
        if (kicked.length === 0 || costOf(kicked) > KICK_SLACK) continue;
        apply(kicked);
        for (let pass = 0; pass < KICK_PASSES && within(); pass++) {
          let moved = false;
          for (const e of ofDay) {
            const best = within() ? bestPlacement(e, [], 0, true) : null;
            if (!best) continue;
            apply([{ entry: e, to: best.to }]);
            moved = true;
          }
          if (!moved) break;
        }
        const changes = differs(snapshot(ofDay.map((e) => ({ entry: e, to: null }))));
        restore(saved);
        if (changes.length > 0 && costOf(changes) < 0 && keepsCoffee(changes)) {
          apply(changes);
          return true;
        }
      }
    }
    return false;
  }

  /** The program's order of the items, then each with one item taken to another place. */
  function ordersOf(members: Entry[]): Entry[][] {
    const orders = [[...members].sort((a, b) => a.index - b.index)];
    members.forEach((moved, from) => {
      const rest = members.filter((_, n) => n !== from);
      for (let to = 0; to < members.length; to++) {
        if (to !== from) orders.push([...rest.slice(0, to), moved, ...rest.slice(to)]);
      }
    });
    return orders;
  }

  /** The items placed one by one at their first free start (after the previous one's end). */
  function pack(order: Entry[], day: ScheduleDay, after: boolean): Change[] | null {
    const saved = snapshot(order.map((e) => ({ entry: e, to: null })));
    apply(order.map((e) => ({ entry: e, to: null })));
    const changes: Change[] = [];
    let cursor = -Infinity;
    for (const e of order) {
      const relevant = blockersOn(e, day.date);
      const start = candidates(e, day, relevant).find((at) => {
        if (after && at < cursor) return false;
        evaluations += 1;
        return fits(e, day, at, relevant);
      });
      if (start === undefined) return unpack(changes, saved);
      const change = { entry: e, to: { day: day.date, start } };
      apply([change]);
      changes.push(change);
      cursor = start + e.placed.durationMinutes * MINUTE;
    }
    unpack(changes, saved);
    return changes;
  }

  function unpack(changes: Change[], saved: Change[]): null {
    for (const change of [...changes].reverse()) apply([{ entry: change.entry, to: null }]);
    restore(saved);
    return null;
  }

  /** Moves the item onto another's start and that one elsewhere, when the pair pays. */
  function eject(e: Entry): boolean {
    const best = bestChain(e, 0);
    if (!best) return false;
    apply(best.changes);
    return true;
  }

  /**
   * The start of `e` (taken out first when on) with the lowest cost below `bound`, other changes
   * `with` applied; with `coffee`, only starts that keep the coffee breaks as they were.
   */
  function bestPlacement(
    e: Entry,
    others: Change[],
    bound: number,
    coffee: boolean,
  ): { to: Position; delta: number } | null {
    const from = e.on ? { day: e.placed.day, start: e.placed.start } : null;
    let best: { to: Position; delta: number } | null = null;
    const options: { to: Position; delta: number }[] = [];
    for (const day of allowedDays(e)) {
      const relevant = blockersOn(e, day.date);
      for (const start of candidates(e, day, relevant)) {
        if (from && from.day === day.date && from.start === start) continue;
        evaluations += 1;
        if (!fits(e, day, start, relevant)) continue;
        const to = { day: day.date, start };
        const delta = costOf([...others, { entry: e, to }]);
        if (delta < (best?.delta ?? Infinity) && (bound === -Infinity || delta < bound)) {
          best = { to, delta };
        }
        if (coffee && useCoffee && (bound === -Infinity || delta < bound)) {
          options.push({ to, delta });
        }
      }
    }
    if (!coffee || !useCoffee || !best) return best;
    options.sort(
      (a, b) =>
        a.delta - b.delta ||
        (dayRank.get(a.to.day) ?? 0) - (dayRank.get(b.to.day) ?? 0) ||
        a.to.start - b.to.start,
    );
    return options.find((o) => keepsCoffee([...others, { entry: e, to: o.to }])) ?? null;
  }

  /**
   * An ejection chain: `e` (on or left out) onto a start where exactly one movable item is in its
   * way, that item onto a start of its own (free, or again with one item in the way, up to
   * `CHAIN_DEPTH` items moved after `e`): the chain with the lowest cost below `bound` (plus what
   * putting a left-out `e` in saves), whose last item lands on a free start.
   */
  function bestChain(e: Entry, bound: number): { changes: Change[]; delta: number } | null {
    let best: { changes: Change[]; delta: number } | null = null;
    const originals = new Map<Entry, Change>();
    const path: Change[] = [];
    const remember = (x: Entry) => {
      if (!originals.has(x)) originals.set(x, snapshot([{ entry: x, to: null }])[0] as Change);
    };
    remember(e);
    const from = e.on ? { day: e.placed.day, start: e.placed.start } : null;
    const lifted = snapshot([{ entry: e, to: null }]);
    apply([{ entry: e, to: null }]);
    const crowded = allowedDays(e).some(
      (day) => (byDay.get(day.date) ?? []).filter((x) => x.movable).length > CHAIN_DAY_ITEMS,
    );
    search(e, crowded ? 1 : CHAIN_DEPTH);
    restore(lifted);
    return best;

    function search(x: Entry, depth: number): void {
      for (const day of allowedDays(x)) {
        const relevant = blockersOn(x, day.date);
        for (const start of candidates(x, day, relevant)) {
          if (!within()) return;
          if (x === e && from && from.day === day.date && from.start === start) continue;
          const to = { day: day.date, start };
          const range = { start, end: start + x.placed.durationMinutes * MINUTE };
          const inWay = relevant.filter((r) => r.on && rangesOverlap(r.placed, range));
          evaluations += 1;
          if (inWay.length === 0) {
            if (x !== e && fits(x, day, start, relevant)) weigh([...path, { entry: x, to }]);
            continue;
          }
          const rival = inWay[0];
          if (depth === 0 || inWay.length !== 1 || !rival?.movable || originals.has(rival)) {
            continue;
          }
          remember(rival);
          const out = snapshot([{ entry: rival, to: null }]);
          apply([{ entry: rival, to: null }]);
          if (fits(x, day, start, relevant)) {
            apply([{ entry: x, to }]);
            path.push({ entry: x, to });
            search(rival, depth - 1);
            path.pop();
            apply([{ entry: x, to: null }]);
          }
          restore(out);
          originals.delete(rival);
        }
      }
    }

    /** The chain's cost from the schedule as it was, and whether it keeps the coffee breaks. */
    function weigh(changes: Change[]): void {
      const now = snapshot([...originals.keys()].map((entry) => ({ entry, to: null })));
      restore([...originals.values()].reverse());
      const delta = costOf(changes);
      if (delta < bound && delta < (best?.delta ?? Infinity) && keepsCoffee(changes)) {
        best = { changes, delta };
      }
      restore(now);
    }
  }

  // ---- the objective, per change ------------------------------------------------------------

  /** What the changes cost (negative: they lower the objective), in milliseconds. */
  function costOf(changes: Change[]): number {
    const tracks = new Map<string, [string, string | null]>();
    const pairIndexes = new Set<number>();
    let unplaced = 0;
    for (const { entry: e, to } of changes) {
      const roomsOf = fillsEveryRoom(e.placed) ? rooms : [e.placed.roomId];
      for (const day of [e.on ? e.placed.day : null, to?.day ?? null]) {
        if (day === null) continue;
        for (const room of roomsOf) tracks.set(`${day}\u0000${room ?? ''}`, [day, room]);
      }
      for (const k of pairsOf.get(e.placed.id) ?? []) pairIndexes.add(k);
      if (!e.on && to && !isBreak(e.placed)) unplaced -= e.placed.durationMinutes * UNPLACED_COST;
      if (e.on && !to && !isBreak(e.placed)) unplaced += e.placed.durationMinutes * UNPLACED_COST;
    }
    const before = partCost(tracks, pairIndexes);
    const saved = snapshot(changes);
    apply(changes);
    const after = partCost(tracks, pairIndexes);
    restore(saved);
    return after - before + unplaced;
  }

  function partCost(
    tracks: Map<string, [string, string | null]>,
    pairIndexes: Set<number>,
  ): number {
    let cost = 0;
    for (const [date, room] of tracks.values()) {
      const day = dayByDate.get(date);
      const opening = day?.windows[0]?.start;
      if (!day || opening === undefined) continue;
      const members: TimeRange[] = [];
      const breaks: TimeRange[] = [];
      for (const e of wideByDay.get(date) ?? []) {
        if (inputIds.has(e.placed.id)) members.push(e.placed);
        else breaks.push(e.placed);
      }
      if (room !== null) {
        for (const e of byRoomDay.get(`${date}|${room}`) ?? []) members.push(e.placed);
      }
      cost += trackIdle(opening, usable.get(date) ?? [], members, breaks);
    }
    for (const k of pairIndexes) {
      const [a, b] = pairs[k] ?? ['', ''];
      const first = byId.get(a);
      const second = byId.get(b);
      if (first?.on && second?.on && second.placed.start < first.placed.start) cost += ORDER_COST;
    }
    return cost;
  }

  // ---- changing the schedule ----------------------------------------------------------------

  function apply(changes: Change[]): void {
    for (const { entry: e, to } of changes) {
      if (e.on) {
        for (const list of listsOf(e, e.placed.day)) list.splice(list.indexOf(e), 1);
      }
      if (to) {
        e.placed.day = to.day;
        e.placed.start = to.start;
        e.placed.end = to.start + e.placed.durationMinutes * MINUTE;
        for (const list of listsOf(e, to.day)) list.push(e);
        e.on = true;
      } else {
        e.on = false;
      }
    }
  }

  function snapshot(changes: Change[]): Change[] {
    // In reverse, so that restoring undoes the changes in the opposite order.
    return changes
      .map(({ entry: e }) => ({
        entry: e,
        to: e.on ? { day: e.placed.day, start: e.placed.start } : null,
      }))
      .reverse();
  }

  function restore(saved: Change[]): void {
    for (const change of saved) apply([change]);
  }

  // ---- what may go where --------------------------------------------------------------------

  function allowedDays(e: Entry): ScheduleDay[] {
    const planned = programItem.get(e.placed.id)?.day ?? null;
    if (planned === null) return days;
    const day = dayByDate.get(planned);
    return day ? [day] : [];
  }

  /** The entries on the day (and the days beside it) that `e` may not overlap. */
  function blockersOn(e: Entry, date: string): Entry[] {
    const found = new Set<Entry>();
    for (const day of near.get(date) ?? []) {
      if (e.blocksAll) {
        for (const other of byDay.get(day.date) ?? []) found.add(other);
        continue;
      }
      for (const other of wideByDay.get(day.date) ?? []) found.add(other);
      for (const other of byRoomDay.get(`${day.date}|${e.placed.roomId ?? ''}`) ?? []) {
        found.add(other);
      }
      for (const key of e.keys) {
        for (const other of byHolderDay.get(`${day.date}|${key}`) ?? []) found.add(other);
      }
    }
    found.delete(e);
    return [...found];
  }

  /** Where `e` might start on the day: every start from which it meets an edge, either side. */
  function candidates(e: Entry, day: ScheduleDay, relevant: Entry[]): number[] {
    const length = e.placed.durationMinutes * MINUTE;
    const points: number[] = [];
    const edges = (range: TimeRange) => {
      points.push(range.start, range.end, range.start - length, range.end - length);
    };
    for (const w of day.windows) edges(w);
    if (day.ishoma) edges(day.ishoma);
    for (const r of relevant) edges(r.placed);
    for (const ranges of peopleRanges(e)) for (const r of ranges) edges(r);
    const { lower, upper } = bounds(e);
    if (lower > -Infinity) points.push(lower);
    if (upper < Infinity) points.push(upper - length);
    const first = day.windows[0]?.start ?? 0;
    const last = day.windows[day.windows.length - 1]?.end ?? 0;
    return [...new Set(points)]
      .filter((p) => p >= first && p + length <= last)
      .sort((a, b) => a - b);
  }

  function fits(e: Entry, day: ScheduleDay, start: number, relevant: Entry[]): boolean {
    const range = { start, end: start + e.placed.durationMinutes * MINUTE };
    if (!day.windows.some((w) => w.start <= range.start && range.end <= w.end)) return false;
    if (day.ishoma && ishomaForbids && !isBreak(e.placed) && rangesOverlap(day.ishoma, range)) {
      return false;
    }
    const { lower, upper } = bounds(e);
    if (range.start < lower || range.end > upper) return false;
    for (const ranges of peopleRanges(e)) {
      if (!ranges.some((r) => r.start <= range.start && range.end <= r.end)) return false;
    }
    for (const other of relevant) {
      if (other !== e && other.on && rangesOverlap(other.placed, range)) return false;
    }
    return true;
  }

  /** Its ordering bounds from the items placed now. */
  function bounds(e: Entry): { lower: number; upper: number } {
    let lower = -Infinity;
    let upper = Infinity;
    for (const id of beforesOf.get(e.placed.id) ?? []) {
      const other = byId.get(id);
      if (other?.on) lower = Math.max(lower, other.placed.end);
    }
    for (const id of aftersOf.get(e.placed.id) ?? []) {
      const other = byId.get(id);
      if (other?.on) upper = Math.min(upper, other.placed.start);
    }
    return { lower, upper };
  }

  function peopleRanges(e: Entry): TimeRange[][] {
    const result: TimeRange[][] = [];
    for (const holder of e.placed.holders) {
      const ranges = holder.personId ? availability.get(holder.personId) : undefined;
      if (ranges) result.push(ranges);
    }
    return result;
  }

  function isOn(id: string): boolean {
    return byId.get(id)?.on ?? false;
  }

  // ---- coffee breaks ------------------------------------------------------------------------

  /** Whether the changes leave every day they touch with no more coffee faults than before. */
  function keepsCoffee(changes: Change[]): boolean {
    if (!useCoffee) return true;
    const touched = new Set<string>();
    for (const { entry: e, to } of changes) {
      if (e.on) touched.add(e.placed.day);
      if (to) touched.add(to.day);
    }
    const before = [...touched].map(coffeeFaults);
    const saved = snapshot(changes);
    apply(changes);
    const after = [...touched].map(coffeeFaults);
    restore(saved);
    return after.every(
      (fault, n) =>
        fault.unbroken <= (before[n]?.unbroken ?? 0) &&
        fault.stranded <= (before[n]?.stranded ?? 0),
    );
  }

  /**
   * What the greedy's coffee rule would object to on a day: items that start less than a break's
   * length after a run of `coffeeBreakAfterMinutes` with no break between (`unbroken`), and
   * generated coffee breaks without an item of the day before and after them (`stranded`).
   */
  function coffeeFaults(date: string): { unbroken: number; stranded: number } {
    const day = dayByDate.get(date);
    const list = (byDay.get(date) ?? []).filter((e) => e.on).map((e) => e.placed);
    list.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    const gap = coffeeMinutes * MINUTE;
    let run: TimeRange | null = null;
    let unbroken = 0;
    for (let n = 0; n < list.length;) {
      const start = list[n]?.start ?? 0;
      let end = n;
      while (end < list.length && list[end]?.start === start) end += 1;
      const group = list.slice(n, end);
      n = end;
      if (run && day?.ishoma && day.ishoma.start < start && day.ishoma.end > run.start) {
        if (day.ishoma.end >= run.end) run = null;
      }
      const breakAt = group.some((p) => p.placement === 'break' || isBreak(p));
      const due =
        run !== null && start - run.end < gap && run.end - run.start >= coffeeAfter * MINUTE;
      if (due && !breakAt) unbroken += group.length;
      for (const p of group) {
        if (p.placement === 'break' || isBreak(p)) {
          run = null;
          continue;
        }
        if (run && p.start - run.end < gap) run.end = Math.max(run.end, p.end);
        else run = { start: p.start, end: p.end };
      }
    }
    let stranded = 0;
    for (const b of list) {
      if (inputIds.has(b.id) || b.type !== 'break') continue;
      const content = list.filter((p) => p.placement !== 'break' && !isBreak(p));
      const before = content.some((p) => p.start < b.start);
      const after = content.some((p) => p.start >= b.end);
      if (!before || !after) stranded += 1;
    }
    return { unbroken, stranded };
  }
}
