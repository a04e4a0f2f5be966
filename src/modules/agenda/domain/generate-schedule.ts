import { addDays, parseZonedTimestamp } from '../../../common/time/zoned-time';
import type { AgendaContext, AgendaItem, TimeRange } from './agenda-types';
import { compareTimed } from './conflicts';
import { formatDateSpan, type Language, type LocalizedText } from './indonesian-format';
import { mergeRanges, rangesOverlap } from './time-ranges';

/**
 * Schedule generation: a pure, deterministic greedy placer. Items are taken day by day in program
 * order (the input order within a day, adjusted only by ordering constraints) and each goes to the
 * earliest start, not before the end of the previous item of its track, where it causes no hard
 * conflict with what is already placed: same room (an item without a room is plenary and blocks
 * every room), same person or organization, ISHOMA, coffee breaks, outside the day's windows, or
 * outside a person's stated availability. Coffee breaks go only between items, when the content
 * run since the last break (or the day's start) has reached `coffeeBreakAfterMinutes`, and only
 * when an item follows on that day: never at a day's start or end. No clock, no randomness: ties
 * go by id, and the same input gives the same output.
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

const MINUTE = 60_000;
const COFFEE_TITLE = 'Rehat Kopi';
const ISHOMA_TITLE = 'ISHOMA';

interface Day {
  date: string;
  windows: TimeRange[];
  ishoma: TimeRange | null;
}

export function generateSchedule(input: ScheduleInput): ScheduleResult {
  const { context } = input;
  const keepScheduled = input.keepScheduled ?? true;
  const pinned = new Set(input.pinnedIds ?? []);
  const rules = context.breakRules ?? {};
  const coffeeMinutes = rules.coffeeBreakMinutes ?? 0;
  const coffeeAfter = rules.coffeeBreakAfterMinutes ?? 0;
  const useCoffee = coffeeMinutes > 0 && coffeeAfter > 0;

  const days = eventDays(context);
  const dayByDate = new Map(days.map((day) => [day.date, day]));
  const dayRank = new Map(days.map((day, index) => [day.date, index]));
  const availability = new Map<string, TimeRange[]>();
  for (const person of context.people) {
    if ((person.availability ?? []).length > 0) {
      availability.set(person.id, mergeRanges(person.availability ?? []));
    }
  }

  const placed: PlacedItem[] = [];
  const unplaced: Infeasibility[] = [];
  const placedById = new Map<string, PlacedItem>();
  const add = (item: PlacedItem) => {
    placed.push(item);
    placedById.set(item.id, item);
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
  const ordering = input.ordering ?? [];
  const order = programOrder(pending, ordering, dayRank);
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
    const befores = ordering.filter((o) => o.after === item.id).map((o) => o.before);
    const afters = ordering.filter((o) => o.before === item.id).map((o) => o.after);
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
    let lower = -Infinity;
    for (const id of befores) lower = Math.max(lower, placedById.get(id)?.end ?? -Infinity);
    let upper = Infinity;
    for (const id of afters) upper = Math.min(upper, placedById.get(id)?.start ?? Infinity);

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
    const candidates = day !== null ? [dayByDate.get(day) as Day] : days;
    let done = false;
    let firstFailure: Infeasibility | null = null;
    for (const candidate of candidates) {
      const cursor = trackCursor(item, candidate, placed, input.items);
      const from = Math.max(lower, cursor);
      const slot = findSlot(item, candidate, from, upper);
      if (slot) {
        if (slot.coffee) {
          add(generated('break:pending', COFFEE_TITLE, 'break', slot.coffee, candidate.date));
        }
        add({
          ...item,
          start: slot.start,
          end: slot.start + item.durationMinutes * MINUTE,
          day: candidate.date,
          placement: 'placed',
        });
        done = true;
        break;
      }
      firstFailure ??= explain(item, candidate, from, upper);
    }
    if (!done) {
      failed.add(item.id);
      if (day === null && candidates.length !== 1) {
        unplaced.push({
          constraint: candidates.length === 0 ? 'no_day_window' : 'day_too_short',
          itemIds: [item.id],
          day: null,
          message: bilingual((lang) =>
            lang === 'id'
              ? `${item.title} (${item.durationMinutes} menit) tidak muat pada hari mana pun`
              : `${item.title} (${item.durationMinutes} minutes) does not fit on any day`,
          ),
        });
      } else if (firstFailure) {
        unplaced.push(firstFailure);
      }
    }
  }

  return { placed: numberBreaks(placed).sort(compareTimed), unplaced };

  // ---- helpers closing over the input -------------------------------------------------------

  function blocks(other: PlacedItem, item: AgendaItem): boolean {
    if (other.placement === 'break' || isBreak(other) || isBreak(item)) return true;
    if (other.roomId === null || item.roomId === null || other.roomId === item.roomId) return true;
    return sharesHolder(other, item);
  }

  function blockers(item: AgendaItem, day: Day): TimeRange[] {
    const ranges = placed
      .filter((p) => blocks(p, item))
      .map((p) => ({ start: p.start, end: p.end }));
    if (day.ishoma && rules.ishomaForbidsItems !== false && !isBreak(item)) ranges.push(day.ishoma);
    return mergeRanges(ranges);
  }

  function peopleRanges(item: AgendaItem): TimeRange[][] {
    const result: TimeRange[][] = [];
    for (const holder of item.holders) {
      const ranges = holder.personId ? availability.get(holder.personId) : undefined;
      if (ranges) result.push(ranges);
    }
    return result;
  }

  function fitsAt(item: AgendaItem, day: Day, start: number, upper: number, people: boolean) {
    const range = { start, end: start + item.durationMinutes * MINUTE };
    if (range.end > upper) return false;
    if (!day.windows.some((w) => w.start <= range.start && range.end <= w.end)) return false;
    if (blockers(item, day).some((b) => rangesOverlap(b, range))) return false;
    if (!people) return true;
    return peopleRanges(item).every((ranges) =>
      ranges.some((r) => r.start <= range.start && range.end <= r.end),
    );
  }

  function candidatesFrom(item: AgendaItem, day: Day, from: number): number[] {
    const points = [from];
    for (const w of day.windows) points.push(w.start);
    for (const b of blockers(item, day)) points.push(b.end);
    for (const ranges of peopleRanges(item)) for (const r of ranges) points.push(r.start);
    return [...new Set(points.filter((p) => p >= from))].sort((a, b) => a - b);
  }

  function findSlot(
    item: AgendaItem,
    day: Day,
    from: number,
    upper: number,
  ): { start: number; coffee: TimeRange | null } | null {
    const earliest = (lowerBound: number) =>
      candidatesFrom(item, day, lowerBound).find((at) => fitsAt(item, day, at, upper, true));
    // The break is due where the item would follow the run (the track's cursor), else where the
    // item can first start; it goes right after the run, when nothing else is there.
    const start = earliest(from);
    if (start === undefined) return null;
    const due =
      useCoffee && !isBreak(item) ? (coffeeNeeded(day, from) ?? coffeeNeeded(day, start)) : null;
    const coffee =
      due && !placed.some((p) => rangesOverlap(p, due)) && fitsWindow(day, due) ? due : null;
    if (!coffee) return { start, coffee: null };
    if (start >= coffee.end) return { start, coffee };
    placed.push(generated('break:tentative', COFFEE_TITLE, 'break', coffee, day.date));
    try {
      const after = earliest(coffee.end);
      return after === undefined ? null : { start: after, coffee };
    } finally {
      placed.pop();
    }
  }

  /** The coffee break due before an item starting at `start`, or null. */
  function coffeeNeeded(day: Day, start: number): TimeRange | null {
    const dayItems = placed
      .filter((p) => p.day === day.date && p.start < start)
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
  function explain(item: AgendaItem, day: Day, from: number, upper: number): Infeasibility {
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
    const fitsIgnoringPeople = candidatesFrom(item, day, from).some((at) =>
      fitsAt(item, day, at, upper, false),
    );
    if (fitsIgnoringPeople) {
      const names = uniqueSorted(
        item.holders
          .map((h) => h.personId)
          .filter((id): id is string => !!id && availability.has(id))
          .map((id) => context.people.find((p) => p.id === id)?.name ?? id),
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
    const left = freeMinutes(item, day, from, upper);
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

  function freeMinutes(item: AgendaItem, day: Day, from: number, upper: number): number {
    const blocked = blockers(item, day);
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
}

/** The end of the previous item of the item's track on that day, in program order. */
function trackCursor(
  item: AgendaItem,
  day: Day,
  placed: readonly PlacedItem[],
  program: readonly AgendaItem[],
): number {
  const index = program.findIndex((p) => p.id === item.id);
  const earlier = new Set(program.slice(0, Math.max(index, 0)).map((p) => p.id));
  let cursor = day.windows[0]?.start ?? -Infinity;
  for (const p of placed) {
    if (p.day !== day.date || isBreak(p) || p.placement === 'break') continue;
    const sameTrack = p.roomId === item.roomId || p.roomId === null;
    if (sameTrack && (earlier.has(p.id) || p.placement === 'placed')) {
      cursor = Math.max(cursor, p.end);
    }
  }
  return cursor;
}

interface Ordered {
  item: AgendaItem;
  day: string | null;
  cyclic: boolean;
}

/**
 * Pending items by day (days in calendar order, any-day items last), then input order, then as
 * ordering constraints require (a stable topological sort). Items on a cycle come last, flagged.
 */
function programOrder(
  pending: readonly { item: AgendaItem; index: number; day: string | null }[],
  ordering: readonly OrderingConstraint[],
  dayRank: ReadonlyMap<string, number>,
): Ordered[] {
  const rank = (entry: { day: string | null }) =>
    entry.day === null
      ? Number.MAX_SAFE_INTEGER
      : (dayRank.get(entry.day) ?? Number.MAX_SAFE_INTEGER - 1);
  const sorted = [...pending].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.day === b.day ? 0 : compareText(a.day ?? '', b.day ?? '')) ||
      a.index - b.index ||
      compareText(a.item.id, b.item.id),
  );
  const ids = new Set(sorted.map((entry) => entry.item.id));
  const waiting = new Map<string, number>();
  for (const entry of sorted) waiting.set(entry.item.id, 0);
  for (const o of ordering) {
    if (ids.has(o.before) && ids.has(o.after)) {
      waiting.set(o.after, (waiting.get(o.after) ?? 0) + 1);
    }
  }
  const result: Ordered[] = [];
  const done = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    const next = sorted.find((e) => !done.has(e.item.id) && waiting.get(e.item.id) === 0);
    if (next) {
      done.add(next.item.id);
      result.push({ item: next.item, day: next.day, cyclic: false });
      for (const o of ordering) {
        if (o.before === next.item.id && ids.has(o.after)) {
          waiting.set(o.after, (waiting.get(o.after) ?? 0) - 1);
        }
      }
      progress = true;
    }
  }
  for (const entry of sorted) {
    if (!done.has(entry.item.id)) result.push({ item: entry.item, day: entry.day, cyclic: true });
  }
  return result;
}

function eventDays(context: AgendaContext): Day[] {
  const zone = context.timeZone;
  const days: Day[] = [];
  const ishoma = context.breakRules?.ishoma;
  for (let date = context.startDate; date <= context.endDate; date = addDays(date, 1)) {
    const given = (context.dayWindows ?? []).filter((w) => w.date === date);
    const windows =
      (context.dayWindows ?? []).length === 0
        ? [dailyRange(date, '00:00', '24:00', zone)]
        : mergeRanges(given.map((w) => dailyRange(date, w.from, w.to, zone)));
    days.push({
      date,
      windows,
      ishoma: ishoma ? dailyRange(date, ishoma.from, ishoma.to, zone) : null,
    });
  }
  return days;
}

function dayOf(instant: number, days: readonly Day[]): string | null {
  for (const day of days) {
    if (day.windows.some((w) => w.start <= instant && instant < w.end)) return day.date;
  }
  return null;
}

/** A local `HH:mm` on a day as an instant; `24:00` is the next midnight. */
function localInstant(date: string, clock: string, zone: string): number {
  const [day, time] = clock === '24:00' ? [addDays(date, 1), '00:00'] : [date, clock];
  const instant = parseZonedTimestamp(`${day}T${time}`, zone);
  if (!instant) throw new RangeError(`${date} ${clock} is not a local time in ${zone}`);
  return instant.getTime();
}

/** `from`–`to` on a day; a `to` not after `from` is on the next day. */
function dailyRange(date: string, from: string, to: string, zone: string): TimeRange {
  const start = localInstant(date, from, zone);
  let end = localInstant(date, to, zone);
  if (end <= start) end = localInstant(addDays(date, 1), to, zone);
  return { start, end };
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

function fitsWindow(day: Day, range: TimeRange): boolean {
  return day.windows.some((w) => w.start <= range.start && range.end <= w.end);
}

function isBreak(item: AgendaItem): boolean {
  return item.type === 'break' || item.type === 'meal_prayer';
}

function sharesHolder(a: AgendaItem, b: AgendaItem): boolean {
  const keys = new Set(
    a.holders.flatMap((h) => [
      ...(h.personId ? [`p:${h.personId}`] : []),
      ...(h.organizationId ? [`o:${h.organizationId}`] : []),
    ]),
  );
  return b.holders.some(
    (h) =>
      (!!h.personId && keys.has(`p:${h.personId}`)) ||
      (!!h.organizationId && keys.has(`o:${h.organizationId}`)),
  );
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
