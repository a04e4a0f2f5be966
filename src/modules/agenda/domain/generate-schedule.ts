import type { AgendaContext, AgendaItem, TimeRange } from './agenda-types';
import { holderKeys, isBreak, listOf, pushTo } from './item-keys';
import { compareTimed } from './conflicts';
import { formatDateSpan, type Language, type LocalizedText } from './indonesian-format';
import { improveSchedule } from './improve-schedule';
import { scheduleDays, type ScheduleDay } from './schedule-days';
import { mergeRanges, rangesOverlap } from './time-ranges';

/**
 * Schedule generation: a pure, deterministic greedy placer. Items are taken day by day in program
 * order (the input order within a day, adjusted only by ordering constraints) and each goes to the
 * earliest start, not before the end of the previous item of its track, where it causes no hard
 * conflict with what is already placed: same room (an item without a room is plenary and blocks
 * every room), same person or organization, ISHOMA, coffee breaks, outside the day's windows, or
 * outside a person's stated availability. When nothing is free after its track's previous item,
 * the item takes the day's earliest such start instead: out of program order rather than out.
 * Coffee breaks go only between items, when the content run since the last break (or the day's
 * start) has reached `coffeeBreakAfterMinutes`, and only when an item follows on that day: never
 * at a day's start or end. Items still left out get two more chances (see `generateSchedule`
 * and `makeWay`); an item placed out of program order costs less than one left out. Then an
 * improvement phase (improve-schedule.ts) moves the items placed in this run while that lowers
 * the schedule objective (schedule-objective.ts: idle time, program order, minutes left out),
 * under the same rules. No clock, no randomness: ties go by id, and the same input gives the same
 * output.
 */

/** `after` may start only once `before` has ended. */
export interface OrderingConstraint {
  before: string;
  after: string;
}

export interface ScheduleInput {
  context: AgendaContext;
  items: readonly AgendaItem[];
  ordering?: readonly OrderingConstraint[];
  /** Default true: items that already have times stay. False: only `pinnedIds` stay. */
  keepScheduled?: boolean;
  /** Items that stay where they are whatever `keepScheduled` says. */
  pinnedIds?: readonly string[];
}

/** How an item got its time. */
export type Placement = 'kept' | 'placed' | 'break';

export type PlacedItem = AgendaItem & {
  start: number;
  end: number;
  day: string;
  placement: Placement;
};

export const INFEASIBILITY_KINDS = [
  'invalid_duration',
  'outside_event_days',
  'no_day_window',
  'day_too_short',
  'people_unavailable',
  'ordering',
] as const;
export type InfeasibilityKind = (typeof INFEASIBILITY_KINDS)[number];

/** Why an item could not be placed. */
export interface Infeasibility {
  constraint: InfeasibilityKind;
  /** The item that was not placed first, then the items at fault (ordering). */
  itemIds: string[];
  /** The day it was meant for, or null when any day would do. */
  day: string | null;
  /** Free minutes left after the item's earliest start on that day, for `day_too_short`. */
  minutesLeft?: number;
  message: LocalizedText;
}

export interface ScheduleResult {
  /** Every placed item, breaks and ISHOMA included, by start, end, then id. */
  placed: PlacedItem[];
  unplaced: Infeasibility[];
}

export { scheduleDays, type ScheduleDay } from './schedule-days';

const MINUTE = 60_000;
const COFFEE_TITLE = 'Rehat Kopi';
const ISHOMA_TITLE = 'ISHOMA';

/** Retries when items are left out; each retry is one more full placement. */
const RETRY_ROUNDS = 3;
/** What a retry with priority can mend; the other reasons do not depend on the order. */
const RETRYABLE: ReadonlySet<InfeasibilityKind> = new Set(['day_too_short', 'people_unavailable']);

/**
 * Places the items (see the file comment). When items are left out for lack of room or of their
 * people, it places again with those items first in their day's program (squeaky wheel), up to
 * `RETRY_ROUNDS` times, and keeps a retry only when it leaves fewer minutes of program out: an
 * item placed out of program order costs less than one left out. The placement kept then gets
 * its repair pass (`makeWay`), once, as it costs more than a placement. Last, the improvement
 * phase (`improveSchedule`) on the placement kept.
 */
export function generateSchedule(input: ScheduleInput): ScheduleResult {
  return improveSchedule(input, greedySchedule(input));
}

/** The greedy placement alone, retries and repair included: `generateSchedule` before improving. */
export function greedySchedule(input: ScheduleInput): ScheduleResult {
  const durations = new Map(input.items.map((item) => [item.id, item.durationMinutes]));
  const lostMinutes = (result: ScheduleResult) =>
    result.unplaced.reduce(
      (sum, u) => sum + Math.max(0, durations.get(u.itemIds[0] ?? '') || 0),
      0,
    );
  const mendable = (result: ScheduleResult) =>
    result.unplaced.filter((u) => RETRYABLE.has(u.constraint));
  let first = new Set<string>();
  let best = placeInOrder(input, first, false);
  for (let round = 0; round < RETRY_ROUNDS && mendable(best).length > 0; round++) {
    const next = new Set([...first, ...mendable(best).map((u) => u.itemIds[0] ?? '')]);
    const retry = placeInOrder(input, next, false);
    if (lostMinutes(retry) >= lostMinutes(best)) break;
    best = retry;
    first = next;
  }
  return mendable(best).length > 0 ? placeInOrder(input, first, true) : best;
}

/**
 * One greedy placement, taking the items in `first` before the rest of their day; with `repair`,
 * followed by the repair pass.
 */
function placeInOrder(
  input: ScheduleInput,
  first: ReadonlySet<string>,
  repair: boolean,
): ScheduleResult {
  const { context } = input;
  const keepScheduled = input.keepScheduled ?? true;
  const pinned = new Set(input.pinnedIds ?? []);
  const rules = context.breakRules ?? {};
  const coffeeMinutes = rules.coffeeBreakMinutes ?? 0;
  const coffeeAfter = rules.coffeeBreakAfterMinutes ?? 0;
  const useCoffee = coffeeMinutes > 0 && coffeeAfter > 0;

  const days = scheduleDays(context);
  const dayByDate = new Map(days.map((day) => [day.date, day]));
  const dayRank = new Map(days.map((day, index) => [day.date, index]));
  const availability = new Map<string, TimeRange[]>();
  for (const person of context.people) {
    if ((person.availability ?? []).length > 0) {
      availability.set(person.id, mergeRanges(person.availability ?? []));
    }
  }
  const personNames = new Map(context.people.map((person) => [person.id, person.name]));
  const programIndex = new Map(input.items.map((item, index) => [item.id, index]));
  const programItem = new Map(input.items.map((item) => [item.id, item]));
  const ordering = input.ordering ?? [];
  const beforesOf = groupBy(
    ordering,
    (o) => o.after,
    (o) => o.before,
  );
  const aftersOf = groupBy(
    ordering,
    (o) => o.before,
    (o) => o.after,
  );

  const placed: PlacedItem[] = [];
  const unplaced: Infeasibility[] = [];
  const placedById = new Map<string, PlacedItem>();
  // What each placed item blocks, indexed so that an item's blockers are found without a scan of
  // everything placed: a break or an item without a room blocks every item, a roomed item blocks
  // its room and its holders.
  const placedByDay = new Map<string, PlacedItem[]>();
  const everyItem: PlacedItem[] = [];
  const byRoom = new Map<string, PlacedItem[]>();
  const byHolder = new Map<string, PlacedItem[]>();
  /** The lists of the indexes that hold the item. */
  const listsOf = (item: PlacedItem): PlacedItem[][] => {
    const lists = [placed, listOf(placedByDay, item.day)];
    if (blocksEveryItem(item)) return [...lists, everyItem];
    lists.push(listOf(byRoom, item.roomId ?? ''));
    for (const key of holderKeys(item)) lists.push(listOf(byHolder, key));
    return lists;
  };
  const add = (item: PlacedItem) => {
    for (const list of listsOf(item)) list.push(item);
    placedById.set(item.id, item);
  };
  const remove = (item: PlacedItem) => {
    for (const list of listsOf(item)) list.splice(list.indexOf(item), 1);
    placedById.delete(item.id);
  };

  // 1. Kept items stay as they are.
  const pending: { item: AgendaItem; index: number; day: string | null }[] = [];
  input.items.forEach((item, index) => {
    const timed = item.start !== null && item.end !== null && item.end > item.start;
    if (timed && (keepScheduled || pinned.has(item.id))) {
      const start = item.start as number;
      add({
        ...item,
        start,
        end: item.end as number,
        day: dayOf(start, days) ?? item.day ?? '',
        placement: 'kept',
      });
    } else {
      pending.push({ item, index, day: item.day });
    }
  });

  // 2. ISHOMA on every day whose window holds it, unless an ISHOMA is already kept there.
  for (const day of days) {
    if (!day.ishoma) continue;
    const ishoma = day.ishoma;
    const covered = day.windows.some((w) => w.start <= ishoma.start && ishoma.end <= w.end);
    const kept = placed.some((p) => p.type === 'meal_prayer' && rangesOverlap(p, ishoma));
    if (covered && !kept) {
      add(generated(`ishoma:${day.date}`, ISHOMA_TITLE, 'meal_prayer', ishoma, day.date));
    }
  }

  // 3. The rest, day by day in program order, ordering constraints first.
  const order = programOrder(pending, ordering, dayRank, first);
  const failed = new Set<string>();
  for (const { item, day, cyclic } of order) {
    if (cyclic) {
      failed.add(item.id);
      const others = ordering
        .filter((o) => o.after === item.id || o.before === item.id)
        .map((o) => (o.after === item.id ? o.before : o.after));
      unplaced.push({
        constraint: 'ordering',
        itemIds: [item.id, ...uniqueSorted(others)],
        day,
        message: bilingual((lang) =>
          lang === 'id'
            ? `${item.title} tidak dapat dijadwalkan: urutan sebelum/sesudah membentuk lingkaran`
            : `${item.title} cannot be scheduled: its before/after constraints form a cycle`,
        ),
      });
      continue;
    }
    if (!(item.durationMinutes > 0)) {
      failed.add(item.id);
      unplaced.push({
        constraint: 'invalid_duration',
        itemIds: [item.id],
        day,
        message: bilingual((lang) =>
          lang === 'id'
            ? `${item.title} tidak memiliki durasi yang sah`
            : `${item.title} has no valid duration`,
        ),
      });
      continue;
    }
    const befores = beforesOf.get(item.id) ?? [];
    const blockedBy = befores.filter((id) => failed.has(id));
    if (blockedBy.length > 0) {
      failed.add(item.id);
      unplaced.push({
        constraint: 'ordering',
        itemIds: [item.id, ...uniqueSorted(blockedBy)],
        day,
        message: bilingual((lang) =>
          lang === 'id'
            ? `${item.title} harus sesudah acara yang tidak terjadwal (${uniqueSorted(blockedBy).join(', ')})`
            : `${item.title} must follow items that are not scheduled (${uniqueSorted(blockedBy).join(', ')})`,
        ),
      });
      continue;
    }
    if (day !== null && !dayByDate.has(day)) {
      failed.add(item.id);
      unplaced.push({
        constraint: 'outside_event_days',
        itemIds: [item.id],
        day,
        message: bilingual((lang) =>
          lang === 'id'
            ? `${item.title} ditujukan untuk ${shortDate(day, lang)}, di luar hari kegiatan`
            : `${item.title} is meant for ${shortDate(day, lang)}, outside the event's days`,
        ),
      });
      continue;
    }
    const outcome = place(item, day, true);
    if (outcome && !Array.isArray(outcome)) {
      failed.add(item.id);
      unplaced.push(outcome);
    }
  }

  // 4. Repair: an item left out for lack of room or of its people may go in when one placed item
  //    of its day that shares its room or a holder makes way and then finds another place.
  //    Not an item others were left out for following it: their reason must stay true.
  for (const failure of repair ? [...unplaced] : []) {
    const item = programItem.get(failure.itemIds[0] ?? '');
    if (!item || !RETRYABLE.has(failure.constraint)) continue;
    if ((aftersOf.get(item.id) ?? []).some((id) => failed.has(id))) continue;
    if (makeWay(item, failure.day)) unplaced.splice(unplaced.indexOf(failure), 1);
  }

  return { placed: numberBreaks(placed).sort(compareTimed), unplaced };

  // ---- helpers closing over the input -------------------------------------------------------

  /**
   * Places the item at its earliest start on its day (the first day it fits when it has none):
   * what was added (a coffee break, then the item), or why it does not fit (null when not asked).
   */
  function place(
    item: AgendaItem,
    day: string | null,
    explainFailure: boolean,
  ): PlacedItem[] | Infeasibility | null {
    let lower = -Infinity;
    for (const id of beforesOf.get(item.id) ?? []) {
      lower = Math.max(lower, placedById.get(id)?.end ?? -Infinity);
    }
    let upper = Infinity;
    for (const id of aftersOf.get(item.id) ?? []) {
      upper = Math.min(upper, placedById.get(id)?.start ?? Infinity);
    }
    const candidates = day !== null ? [dayByDate.get(day) as ScheduleDay] : days;
    const people = peopleRanges(item);
    const blocked = blockers(item);
    let firstFailure: Infeasibility | null = null;
    for (const candidate of candidates) {
      const from = Math.max(lower, trackCursor(item, candidate));
      // Nothing after its track's previous item: an earlier gap of the day, out of program order,
      // is better than leaving the item out.
      const slot =
        findSlot(item, candidate, from, upper, blocked, people) ??
        findSlot(item, candidate, lower, upper, blocked, people);
      if (slot) {
        const added: PlacedItem[] = [];
        if (slot.coffee) {
          added.push(
            generated('break:pending', COFFEE_TITLE, 'break', slot.coffee, candidate.date),
          );
        }
        added.push({
          ...item,
          start: slot.start,
          end: slot.start + item.durationMinutes * MINUTE,
          day: candidate.date,
          placement: 'placed',
        });
        added.forEach(add);
        return added;
      }
      if (explainFailure) firstFailure ??= explain(item, candidate, from, upper, blocked, people);
    }
    if (!explainFailure) return null;
    if (day === null && candidates.length !== 1) {
      return {
        constraint: candidates.length === 0 ? 'no_day_window' : 'day_too_short',
        itemIds: [item.id],
        day: null,
        message: bilingual((lang) =>
          lang === 'id'
            ? `${item.title} (${item.durationMinutes} menit) tidak muat pada hari mana pun`
            : `${item.title} (${item.durationMinutes} minutes) does not fit on any day`,
        ),
      };
    }
    return firstFailure;
  }

  /**
   * Tries each placed item of the day that shares the item's room or a holder, in program order:
   * takes it out, places the item, then places it again. Keeps the first that works; else puts
   * everything back as it was.
   */
  function makeWay(item: AgendaItem, day: string | null): boolean {
    const keys = holderKeys(item);
    const rivals = placed
      .filter(
        (p) =>
          p.placement === 'placed' &&
          (day === null || p.day === day) &&
          (p.roomId === item.roomId || [...holderKeys(p)].some((key) => keys.has(key))),
      )
      .sort((a, b) => (programIndex.get(a.id) ?? 0) - (programIndex.get(b.id) ?? 0));
    for (const rival of rivals) {
      const original = programItem.get(rival.id);
      if (!original) continue;
      remove(rival);
      const added = place(item, day, false);
      if (Array.isArray(added)) {
        const again = place(original, original.day, false);
        if (Array.isArray(again)) return true;
        added.forEach(remove);
      }
      add(rival);
    }
    return false;
  }

  /**
   * Everything placed that the item may not overlap, merged: all of it for a break or an item
   * without a room; else every break and roomless item, its room, and its holders' other items.
   * Computed once per item (nothing is placed while one item is being placed).
   */
  function blockers(item: AgendaItem): TimeRange[] {
    if (blocksEveryItem(item)) return mergeRanges(placed);
    const ranges = [...everyItem, ...(byRoom.get(item.roomId ?? '') ?? [])];
    for (const key of holderKeys(item)) ranges.push(...(byHolder.get(key) ?? []));
    return mergeRanges(ranges);
  }

  /** The blockers on a day: ISHOMA joins them when it forbids items. */
  function dayBlockers(item: AgendaItem, day: ScheduleDay, blocked: TimeRange[]): TimeRange[] {
    if (day.ishoma && rules.ishomaForbidsItems !== false && !isBreak(item)) {
      return mergeRanges([...blocked, day.ishoma]);
    }
    return blocked;
  }

  function peopleRanges(item: AgendaItem): TimeRange[][] {
    const result: TimeRange[][] = [];
    for (const holder of item.holders) {
      const ranges = holder.personId ? availability.get(holder.personId) : undefined;
      if (ranges) result.push(ranges);
    }
    return result;
  }

  /** The end of the previous item of the item's track on that day, in program order. */
  function trackCursor(item: AgendaItem, day: ScheduleDay): number {
    const index = programIndex.get(item.id) ?? 0;
    let cursor = day.windows[0]?.start ?? -Infinity;
    for (const p of placedByDay.get(day.date) ?? []) {
      if (isBreak(p) || p.placement === 'break') continue;
      const sameTrack = p.roomId === item.roomId || p.roomId === null;
      const earlier = (programIndex.get(p.id) ?? Infinity) < index;
      if (sameTrack && (earlier || p.placement === 'placed')) cursor = Math.max(cursor, p.end);
    }
    return cursor;
  }

  function findSlot(
    item: AgendaItem,
    day: ScheduleDay,
    from: number,
    upper: number,
    blocked: TimeRange[],
    people: TimeRange[][],
  ): { start: number; coffee: TimeRange | null } | null {
    const onDay = dayBlockers(item, day, blocked);
    const earliest = (lowerBound: number, ranges: TimeRange[]) =>
      candidatesFrom(item, day, lowerBound, ranges, people).find((at) =>
        fitsAt(item, day, at, upper, ranges, people),
      );
    // The break is due where the item would follow the run (the track's cursor), else where the
    // item can first start; it goes right after the run, when nothing else is there.
    const start = earliest(from, onDay);
    if (start === undefined) return null;
    const due =
      useCoffee && !isBreak(item) ? (coffeeNeeded(day, from) ?? coffeeNeeded(day, start)) : null;
    const coffee =
      due && !placed.some((p) => rangesOverlap(p, due)) && fitsWindow(day, due) ? due : null;
    if (!coffee) return { start, coffee: null };
    if (start >= coffee.end) return { start, coffee };
    const after = earliest(coffee.end, mergeRanges([...onDay, coffee]));
    return after === undefined ? null : { start: after, coffee };
  }

  /** The coffee break due before an item starting at `start`, or null. */
  function coffeeNeeded(day: ScheduleDay, start: number): TimeRange | null {
    const dayItems = (placedByDay.get(day.date) ?? [])
      .filter((p) => p.start < start)
      .sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.id, b.id));
    let run: TimeRange | null = null;
    for (const p of dayItems) {
      if (isBreak(p)) {
        run = null;
        continue;
      }
      if (run && p.start - run.end < coffeeMinutes * MINUTE) run.end = Math.max(run.end, p.end);
      else run = { start: p.start, end: p.end };
    }
    if (day.ishoma && run && day.ishoma.start < start && day.ishoma.end > run.start) {
      if (day.ishoma.end >= run.end) run = null;
    }
    if (!run || start - run.end >= coffeeMinutes * MINUTE) return null;
    if (run.end - run.start < coffeeAfter * MINUTE) return null;
    return { start: run.end, end: run.end + coffeeMinutes * MINUTE };
  }

  /** Why an item does not fit on a day: too little time left, or its people. */
  function explain(
    item: AgendaItem,
    day: ScheduleDay,
    from: number,
    upper: number,
    blocked: TimeRange[],
    people: TimeRange[][],
  ): Infeasibility {
    if (day.windows.length === 0) {
      return {
        constraint: 'no_day_window',
        itemIds: [item.id],
        day: day.date,
        message: bilingual((lang) =>
          lang === 'id'
            ? `${item.title} tidak dapat dijadwalkan pada ${shortDate(day.date, lang)}: tidak ada jam kegiatan`
            : `${item.title} cannot be scheduled on ${shortDate(day.date, lang)}: the day has no hours`,
        ),
      };
    }
    const onDay = dayBlockers(item, day, blocked);
    const fitsIgnoringPeople = candidatesFrom(item, day, from, onDay, people).some((at) =>
      fitsAt(item, day, at, upper, onDay, []),
    );
    if (fitsIgnoringPeople) {
      const names = uniqueSorted(
        item.holders
          .map((h) => h.personId)
          .filter((id): id is string => !!id && availability.has(id))
          .map((id) => personNames.get(id) ?? id),
      );
      return {
        constraint: 'people_unavailable',
        itemIds: [item.id],
        day: day.date,
        message: bilingual((lang) =>
          lang === 'id'
            ? `${item.title} tidak dapat dijadwalkan pada ${shortDate(day.date, lang)}: ${names.join(', ')} tidak tersedia`
            : `${item.title} cannot be scheduled on ${shortDate(day.date, lang)}: ${names.join(', ')} not available`,
        ),
      };
    }
    const left = freeMinutes(day, from, upper, onDay);
    return {
      constraint: 'day_too_short',
      itemIds: [item.id],
      day: day.date,
      minutesLeft: left,
      message: bilingual((lang) =>
        lang === 'id'
          ? `${item.title} (${item.durationMinutes} menit) tidak muat pada ${shortDate(day.date, lang)}: sisa ${left} menit`
          : `${item.title} (${item.durationMinutes} minutes) does not fit on ${shortDate(day.date, lang)}: ${left} minutes left`,
      ),
    };
  }
}

/** Whether the item at `start` lies in a window, clear of `blocked` and within its people's time. */
function fitsAt(
  item: AgendaItem,
  day: ScheduleDay,
  start: number,
  upper: number,
  blocked: readonly TimeRange[],
  people: readonly TimeRange[][],
): boolean {
  const range = { start, end: start + item.durationMinutes * MINUTE };
  if (range.end > upper) return false;
  if (!fitsWindow(day, range)) return false;
  if (blocked.some((b) => rangesOverlap(b, range))) return false;
  return people.every((ranges) => ranges.some((r) => r.start <= range.start && range.end <= r.end));
}

/**
 * Where the item may first start, from `from` on: the window openings, the ends of what blocks
 * it and the starts of its people's availability. The earliest fit is always one of them.
 */
function candidatesFrom(
  item: AgendaItem,
  day: ScheduleDay,
  from: number,
  blocked: readonly TimeRange[],
  people: readonly TimeRange[][],
): number[] {
  const points = [from];
  for (const w of day.windows) points.push(w.start);
  for (const b of blocked) points.push(b.end);
  for (const ranges of people) for (const r of ranges) points.push(r.start);
  return [...new Set(points.filter((p) => p >= from))].sort((a, b) => a - b);
}

/** Minutes in the day's windows between `from` and `upper` that nothing blocks. */
function freeMinutes(
  day: ScheduleDay,
  from: number,
  upper: number,
  blocked: readonly TimeRange[],
): number {
  let total = 0;
  for (const w of day.windows) {
    const range = { start: Math.max(w.start, from), end: Math.min(w.end, upper) };
    if (range.end <= range.start) continue;
    total += range.end - range.start;
    for (const b of blocked) {
      total -= Math.max(0, Math.min(b.end, range.end) - Math.max(b.start, range.start));
    }
  }
  return Math.round(total / MINUTE);
}

interface Ordered {
  item: AgendaItem;
  day: string | null;
  cyclic: boolean;
}

/**
 * Pending items by day (days in calendar order, any-day items last), those in `first` first, then
 * input order, then as ordering constraints require (a stable topological sort). Items on a cycle
 * come last, flagged.
 */
function programOrder(
  pending: readonly { item: AgendaItem; index: number; day: string | null }[],
  ordering: readonly OrderingConstraint[],
  dayRank: ReadonlyMap<string, number>,
  first: ReadonlySet<string>,
): Ordered[] {
  const priority = (entry: { item: AgendaItem }) => (first.has(entry.item.id) ? 0 : 1);
  const rank = (entry: { day: string | null }) =>
    entry.day === null
      ? Number.MAX_SAFE_INTEGER
      : (dayRank.get(entry.day) ?? Number.MAX_SAFE_INTEGER - 1);
  const sorted = [...pending].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.day === b.day ? 0 : compareText(a.day ?? '', b.day ?? '')) ||
      priority(a) - priority(b) ||
      a.index - b.index ||
      compareText(a.item.id, b.item.id),
  );
  const ids = new Set(sorted.map((entry) => entry.item.id));
  const relevant = ordering.filter((o) => ids.has(o.before) && ids.has(o.after));
  const aftersOf = groupBy(
    relevant,
    (o) => o.before,
    (o) => o.after,
  );
  const waiting = new Map<string, number>();
  for (const entry of sorted) waiting.set(entry.item.id, 0);
  for (const o of relevant) waiting.set(o.after, (waiting.get(o.after) ?? 0) + 1);
  // Always the first ready entry in sorted order: a stable topological sort.
  const result: Ordered[] = [];
  const done = new Set<string>();
  let next = sorted.find((e) => waiting.get(e.item.id) === 0);
  while (next) {
    done.add(next.item.id);
    result.push({ item: next.item, day: next.day, cyclic: false });
    for (const after of aftersOf.get(next.item.id) ?? []) {
      waiting.set(after, (waiting.get(after) ?? 0) - 1);
    }
    next = sorted.find((e) => !done.has(e.item.id) && waiting.get(e.item.id) === 0);
  }
  for (const entry of sorted) {
    if (!done.has(entry.item.id)) result.push({ item: entry.item, day: entry.day, cyclic: true });
  }
  return result;
}

function dayOf(instant: number, days: readonly ScheduleDay[]): string | null {
  for (const day of days) {
    if (day.windows.some((w) => w.start <= instant && instant < w.end)) return day.date;
  }
  return null;
}

function generated(
  id: string,
  title: string,
  type: 'break' | 'meal_prayer',
  range: TimeRange,
  day: string,
): PlacedItem {
  return {
    id,
    title,
    type,
    start: range.start,
    end: range.end,
    durationMinutes: Math.round((range.end - range.start) / MINUTE),
    day,
    roomId: null,
    expectedAudience: null,
    holders: [],
    placement: 'break',
  };
}

/** Gives generated coffee breaks their ids, `break:<day>:<n>`, in time order per day. */
function numberBreaks(placed: PlacedItem[]): PlacedItem[] {
  const counts = new Map<string, number>();
  return [...placed]
    .sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.id, b.id))
    .map((p) => {
      if (p.id !== 'break:pending') return p;
      const n = (counts.get(p.day) ?? 0) + 1;
      counts.set(p.day, n);
      return { ...p, id: `break:${p.day}:${n}` };
    });
}

function fitsWindow(day: ScheduleDay, range: TimeRange): boolean {
  return day.windows.some((w) => w.start <= range.start && range.end <= w.end);
}

/** A break, or an item without a room (plenary): no other item may run beside it. */
function blocksEveryItem(item: AgendaItem & { placement?: Placement }): boolean {
  return item.placement === 'break' || isBreak(item) || item.roomId === null;
}

function groupBy<T, V>(
  list: readonly T[],
  key: (entry: T) => string,
  value: (entry: T) => V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const entry of list) pushTo(groups, key(entry), value(entry));
  return groups;
}

/** "29 Juni" / "29 June": the day and month, as in a rundown. */
function shortDate(date: string, language: Language): string {
  return formatDateSpan(date, date, language).replace(/ \d{4}$/, '');
}

function bilingual(text: (language: Language) => string): LocalizedText {
  return { id: text('id'), en: text('en') };
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareText);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
