import type { AgendaContext, AgendaItem, TimeRange } from './agenda-types';
import { scheduleDays, type ScheduleDay } from './schedule-days';
import { mergeRanges } from './time-ranges';

/**
 * The objective a schedule is scored by, lower is better, in minutes. The generator's improvement
 * phase (improve-schedule.ts) minimizes it, and the quality tools (the exact model in
 * quality/exact-schedule.ts, the gap spec, the bench) judge schedules by it: one piece of code, so
 * that the gap means something.
 *
 * 1. **Idle minutes.** For every room that holds items, on every event day: the minutes from the
 *    day's first opening to the end of the day's last input item in that room or without a room
 *    (plenaries and break items fill every room), that lie inside the day's windows and outside
 *    ISHOMA (when `breakRules.ishoma` is given) and that neither such an item nor a generated
 *    break covers. A track that starts late or waits between items costs its waiting; time after
 *    its last item costs nothing, and a day with no item in the track costs nothing. With no room
 *    holding items the plenaries form the one track.
 * 2. **Order kept.** Items that share a planned day (`item.day`) and a room (or are both without
 *    a room) follow each other in the input order, the program; each pair of such neighbours that
 *    runs the other way costs `ORDER_PENALTY_MINUTES`.
 * 3. **Unplaced.** Each minute of an input item (not a break) that has no place costs
 *    `UNPLACED_WEIGHT` minutes: an hour left out weighs a working day of waiting.
 */
export interface ScheduleScore {
  idleMinutes: number;
  brokenOrder: number;
  unplaced: number;
  /** Minutes of the unplaced items. */
  unplacedMinutes: number;
  /** `idleMinutes + ORDER_PENALTY_MINUTES * brokenOrder + UNPLACED_WEIGHT * unplacedMinutes`. */
  objective: number;
}

/** What a broken program order costs: an hour of idle time. */
export const ORDER_PENALTY_MINUTES = 60;
/** What a minute of program left out costs, in idle minutes. */
export const UNPLACED_WEIGHT = 8;

/** A placed item as scoring needs it. */
export interface ScoredPlacement {
  id: string;
  start: number;
  end: number;
  /** The event day it was placed on. */
  day: string;
  roomId: string | null;
  type: AgendaItem['type'];
}

const MINUTE = 60_000;

/**
 * Scores `placed` (the generator's or the exact model's output, breaks included) as a schedule of
 * `items` (the input, in program order) in `context`.
 */
export function scoreSchedule(
  context: AgendaContext,
  items: readonly AgendaItem[],
  placed: readonly ScoredPlacement[],
): ScheduleScore {
  const byId = new Map(placed.map((p) => [p.id, p]));
  const left = items.filter((item) => !isBreak(item) && !byId.has(item.id));
  const unplacedMinutes = left.reduce((sum, item) => sum + item.durationMinutes, 0);
  let brokenOrder = 0;
  for (const [first, second] of orderPairs(items)) {
    const a = byId.get(first.id);
    const b = byId.get(second.id);
    if (a && b && b.start < a.start) brokenOrder += 1;
  }
  const inputIds = new Set(items.map((item) => item.id));
  let idle = 0;
  for (const day of scheduleDays(context)) {
    const first = day.windows[0];
    if (!first) continue;
    const usable = usableRanges(day, context);
    const ofDay = placed.filter((p) => p.day === day.date);
    // Generated breaks (ISHOMA, coffee) are not idle time, but they end no track.
    const breaks = ofDay.filter((p) => !inputIds.has(p.id));
    for (const room of trackRooms(items)) {
      const members = ofDay.filter(
        (p) => inputIds.has(p.id) && (p.roomId === room || fillsEveryRoom(p)),
      );
      if (members.length === 0) continue;
      idle += trackIdle(first.start, usable, members, breaks);
    }
  }
  const idleMinutes = Math.round(idle / MINUTE);
  return {
    idleMinutes,
    brokenOrder,
    unplaced: left.length,
    unplacedMinutes,
    objective:
      idleMinutes + ORDER_PENALTY_MINUTES * brokenOrder + UNPLACED_WEIGHT * unplacedMinutes,
  };
}

/**
 * The idle milliseconds of one track on one day: from `opening` (the day's first opening) to the
 * end of the track's last member, within `usable`, that neither a member nor a break covers. No
 * members, no idle time.
 */
export function trackIdle(
  opening: number,
  usable: readonly TimeRange[],
  members: readonly TimeRange[],
  breaks: readonly TimeRange[],
): number {
  if (members.length === 0) return 0;
  let end = -Infinity;
  for (const m of members) end = Math.max(end, m.end);
  const busy = mergeRanges([...members, ...breaks]);
  let idle = 0;
  for (const range of usable) {
    const span = { start: Math.max(range.start, opening), end: Math.min(range.end, end) };
    if (span.end > span.start) idle += span.end - span.start - coveredWithin(busy, span);
  }
  return idle;
}

/**
 * The rooms whose tracks are scored: each room holding a non-break item, in first-use order; or
 * the plenary track alone (`null`) when no room holds one.
 */
export function trackRooms(items: readonly AgendaItem[]): (string | null)[] {
  const rooms = [
    ...new Set(items.filter((i) => !fillsEveryRoom(i)).map((i) => i.roomId as string)),
  ];
  return rooms.length > 0 ? rooms : [null];
}

/** Pairs of program neighbours whose order the objective keeps: same planned day and room. */
export function orderPairs(items: readonly AgendaItem[]): [AgendaItem, AgendaItem][] {
  const last = new Map<string, AgendaItem>();
  const pairs: [AgendaItem, AgendaItem][] = [];
  for (const item of items) {
    if (item.day === null || isBreak(item)) continue;
    const key = `${item.day}|${item.roomId ?? ''}`;
    const previous = last.get(key);
    if (previous) pairs.push([previous, item]);
    last.set(key, item);
  }
  return pairs;
}

/** The day's windows without ISHOMA: where idle time counts. */
export function usableRanges(day: ScheduleDay, context: AgendaContext): TimeRange[] {
  const ishoma = context.breakRules?.ishoma ? day.ishoma : null;
  if (!ishoma) return day.windows;
  return day.windows.flatMap((w) =>
    [
      { start: w.start, end: Math.min(w.end, ishoma.start) },
      { start: Math.max(w.start, ishoma.end), end: w.end },
    ].filter((r) => r.end > r.start),
  );
}

/** A break or an item without a room: it fills every room's track. */
export function fillsEveryRoom(item: { roomId: string | null; type: AgendaItem['type'] }) {
  return item.roomId === null || isBreak(item);
}

function isBreak(item: { type: AgendaItem['type'] }): boolean {
  return item.type === 'break' || item.type === 'meal_prayer';
}

/** How much of `span` the merged ranges cover. */
function coveredWithin(merged: readonly TimeRange[], span: TimeRange): number {
  let total = 0;
  for (const r of merged)
    total += Math.max(0, Math.min(r.end, span.end) - Math.max(r.start, span.start));
  return total;
}
