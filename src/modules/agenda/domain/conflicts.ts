import { DateTime } from 'luxon';
import { addDays, localDaysBounds } from '../../../common/time/zoned-time';
import { SESSION_ROLES, type SessionRole } from '../../sessions/domain/session-kinds';
import type {
  AgendaContext,
  AgendaItem,
  AgendaPerson,
  AgendaRoom,
  TimeRange,
} from './agenda-types';
import {
  formatCount,
  formatDateSpan,
  formatList,
  formatLongDay,
  formatTimeRange,
  formatWhen,
  type Language,
  type LocalizedText,
  roleLabel,
} from './indonesian-format';
import { localDate } from '../../../common/time/local-clock';
import { mergeRanges } from './time-ranges';

/**
 * Conflict detection: everything in an agenda that cannot happen as written, each explained in
 * Bahasa Indonesia and English. Pure: the same items and context give the same conflicts, in the
 * same order, whatever order the items came in.
 *
 * Severities. An `error` is a hard conflict: the rundown cannot happen as written, generation must
 * never produce one, and publishing refuses it unless acknowledged. A `warning` is something the
 * organizers should look at that may still be fine.
 * - `person_double_booked` (error): nobody, person or team, is in two places at once, whatever
 *   roles they hold.
 * - `room_double_booked` (error): one room cannot hold two items at once.
 * - `outside_event_days` (error): the venue, delegates and budget are for the event's days only.
 * - `outside_day_window` (error): the day's hours are the organizers' own statement of when items
 *   run (venue booking, travel); the fix is to move the item or widen the window.
 * - `over_fixed_break` (error): ISHOMA is kept for prayer and meals where the rules say so; the
 *   fix is to move the item or change the rule.
 * - `outside_availability` (warning): availability is what a person told the panitia, often
 *   loosely and before their own diary settled; it is a question to ask them, not an impossibility.
 * - `room_too_small`: an error when the item's own seat limit (`capacity`, which registration
 *   will give out) exceeds the room, since delegates would be promised seats that do not exist; a
 *   warning when only the expected audience does, since that is an estimate and rooms take extra
 *   chairs or a different layout.
 */

export const CONFLICT_KINDS = [
  'person_double_booked',
  'room_double_booked',
  'outside_event_days',
  'outside_day_window',
  'outside_availability',
  'room_too_small',
  'over_fixed_break',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** `error`: cannot happen as written (a hard conflict); `warning`: worth a look, may be fine. */
export type ConflictSeverity = 'error' | 'warning';

interface ConflictBase {
  severity: ConflictSeverity;
  /** The items involved, earliest first (by start, then end, then id). */
  itemIds: string[];
  /** The people involved, if any. */
  personIds: string[];
  /** The organizations involved (a team holding a role), if any. */
  organizationIds: string[];
  /** What is wrong, naming items, people and local times in the event's zone. */
  message: LocalizedText;
}

/** A person or organization holds roles in two items that overlap. Error. */
export interface PersonDoubleBookedConflict extends ConflictBase {
  kind: 'person_double_booked';
  /** When both items run. */
  overlap: TimeRange;
  /** The holder's roles in each item, in the order of `itemIds`. */
  roles: [SessionRole[], SessionRole[]];
}

/** Two items in one room at once. Error. */
export interface RoomDoubleBookedConflict extends ConflictBase {
  kind: 'room_double_booked';
  roomId: string;
  /** When both items run. */
  overlap: TimeRange;
}

/**
 * An item not within the event's days: scheduled (partly) before the first day's midnight or after
 * the last day's, or unscheduled but placed on a day outside them. Error.
 */
export interface OutsideEventDaysConflict extends ConflictBase {
  kind: 'outside_event_days';
  /** The event's days, from the first day's midnight to the midnight after the last. */
  eventDays: TimeRange;
}

/**
 * A scheduled item, within the event's days, not within the day windows. Error. Not reported
 * for an item already reported outside the event's days.
 */
export interface OutsideDayWindowConflict extends ConflictBase {
  kind: 'outside_day_window';
  /** The local day the item starts on. */
  day: string;
  /** The windows of that day and any window the item touches; empty when the day has none. */
  windows: TimeRange[];
}

/** A person holds a role in an item at a time they said they are not available. Warning. */
export interface OutsideAvailabilityConflict extends ConflictBase {
  kind: 'outside_availability';
  /** The person's roles in the item. */
  roles: SessionRole[];
  /** The parts of the item outside the person's availability. */
  unavailable: TimeRange[];
}

/** An item's audience exceeds its room. Error for `capacity`, warning for `expectedAudience`. */
export interface RoomTooSmallConflict extends ConflictBase {
  kind: 'room_too_small';
  roomId: string;
  /** How many people the item is for. */
  audience: number;
  /** Where that number comes from: the item's seat limit, or the expected audience. */
  basis: 'capacity' | 'expectedAudience';
  roomCapacity: number;
}

/** An item other than a break runs over ISHOMA where the rules forbid it. Error. */
export interface OverFixedBreakConflict extends ConflictBase {
  kind: 'over_fixed_break';
  /** The ISHOMA it runs over, on that day. */
  fixedBreak: TimeRange;
}

export type Conflict =
  | PersonDoubleBookedConflict
  | RoomDoubleBookedConflict
  | OutsideEventDaysConflict
  | OutsideDayWindowConflict
  | OutsideAvailabilityConflict
  | RoomTooSmallConflict
  | OverFixedBreakConflict;

/** True for a hard conflict: one that publishing refuses unless acknowledged. */
export function isHardConflict(conflict: Conflict): boolean {
  return conflict.severity === 'error';
}

/** An item on the clock: both ends known and the end after the start. */
export type ScheduledItem = AgendaItem & { start: number; end: number };

/** True when the item has a time: `start` and `end` set and `end > start`. */
export function isScheduled(item: AgendaItem): item is ScheduledItem {
  return item.start !== null && item.end !== null && item.end > item.start;
}

/** The order conflicts and pairs use: start, then end, then id (code-unit order). */
export function compareTimed(
  a: { start: number; end: number; id: string },
  b: { start: number; end: number; id: string },
): number {
  return a.start - b.start || a.end - b.end || compareText(a.id, b.id);
}

/**
 * Every pair of entries whose half-open ranges overlap, by sweep line: entries sorted by start,
 * an active set of those not yet ended. Each pair comes once, as `[earlier, later]` in
 * `compareTimed` order, and pairs come in the order of their later entry, then the earlier.
 * Entries touching (one's end is the other's start) do not overlap. Time O(n log n + pairs).
 * Entries must have `end > start`.
 */
export function overlappingPairs<T extends { start: number; end: number; id: string }>(
  entries: readonly T[],
): [T, T][] {
  const sorted = [...entries].sort(compareTimed);
  const pairs: [T, T][] = [];
  let active: T[] = [];
  for (const entry of sorted) {
    // Survivors all overlap `entry`, so the filter costs no more than the pairs it yields plus
    // the entries it drops, each dropped once.
    active = active.filter((earlier) => earlier.end > entry.start);
    for (const earlier of active) pairs.push([earlier, entry]);
    active.push(entry);
  }
  return pairs;
}

/**
 * Every conflict in the agenda, sorted: by the earliest start among the items involved
 * (unscheduled last), then kind in `CONFLICT_KINDS` order, then item, person, organization and
 * room ids. Unscheduled items are skipped by the time checks; room size and an unscheduled item's
 * day are still checked. A role holder whose person or organization is not in the context is
 * named by id; an item whose room is not in the context is checked for double booking only.
 */
export function detectConflicts(items: readonly AgendaItem[], context: AgendaContext): Conflict[] {
  const setting = prepare(context);
  const scheduled = items.filter(isScheduled);
  const found: Ranked[] = [
    ...holderDoubleBookings(scheduled, setting),
    ...roomDoubleBookings(scheduled, setting),
    ...items.flatMap((item) => outsideEventDays(item, setting)),
    ...scheduled.flatMap((item) => outsideDayWindow(item, setting)),
    ...scheduled.flatMap((item) => outsideAvailability(item, setting)),
    ...items.flatMap((item) => roomTooSmall(item, setting)),
    ...scheduled.flatMap((item) => overFixedBreak(item, setting)),
  ];
  return found.sort(compareRanked).map((ranked) => ranked.conflict);
}

/** A conflict with what it sorts by. */
interface Ranked {
  conflict: Conflict;
  /** Earliest start among its items; +Infinity when none is scheduled. */
  at: number;
  /** Breaks the last tie (the ISHOMA when one item runs over two). */
  tie: number;
}

/** The context, read once: lookups, the event's bounds, merged windows, ISHOMA instants. */
interface Setting {
  zone: string;
  startDate: string;
  endDate: string;
  people: ReadonlyMap<string, AgendaPerson>;
  /** Merged availability of people who stated one. */
  availability: ReadonlyMap<string, TimeRange[]>;
  organizationNames: ReadonlyMap<string, string>;
  rooms: ReadonlyMap<string, AgendaRoom>;
  eventDays: TimeRange;
  /** Null when no windows are given. */
  windows: { merged: TimeRange[]; byDate: ReadonlyMap<string, TimeRange[]> } | null;
  /** ISHOMA on each event day, in order; empty when none or not forbidden. */
  ishoma: TimeRange[];
  /**
   * Wording already done in this call, by what it was made from: thousands of conflicts share a
   * few hundred times and role lists, and reading instants on the local clock is the costly part.
   */
  words: Map<string, string>;
}

function prepare(context: AgendaContext): Setting {
  const zone = context.timeZone;
  const bounds = localDaysBounds(context.startDate, context.endDate, zone);
  const availability = new Map<string, TimeRange[]>();
  for (const person of context.people) {
    const merged = mergeRanges(person.availability ?? []);
    if ((person.availability ?? []).length > 0) availability.set(person.id, merged);
  }
  let windows: Setting['windows'] = null;
  if (context.dayWindows && context.dayWindows.length > 0) {
    const byDate = new Map<string, TimeRange[]>();
    const all: TimeRange[] = [];
    for (const window of context.dayWindows) {
      const range = dailyRange(window.date, window.from, window.to, zone);
      all.push(range);
      const dated = byDate.get(window.date);
      if (dated) dated.push(range);
      else byDate.set(window.date, [range]);
    }
    windows = { merged: mergeRanges(all), byDate };
  }
  const ishoma: TimeRange[] = [];
  const rules = context.breakRules;
  if (rules?.ishoma && rules.ishomaForbidsItems !== false) {
    for (let date = context.startDate; date <= context.endDate; date = addDays(date, 1)) {
      ishoma.push(dailyRange(date, rules.ishoma.from, rules.ishoma.to, zone));
    }
  }
  return {
    zone,
    startDate: context.startDate,
    endDate: context.endDate,
    people: new Map(context.people.map((person) => [person.id, person])),
    availability,
    organizationNames: new Map(
      (context.organizations ?? []).map((organization) => [organization.id, organization.name]),
    ),
    rooms: new Map(context.rooms.map((room) => [room.id, room])),
    eventDays: { start: bounds.start.getTime(), end: bounds.end.getTime() },
    windows,
    ishoma: mergeRanges(ishoma),
    words: new Map(),
  };
}

// ---- double bookings -------------------------------------------------------------------------

/** One item in a holder's diary, with the roles the holder has there. */
interface Booking {
  id: string;
  start: number;
  end: number;
  item: ScheduledItem;
  roles: SessionRole[];
}

interface Holder {
  kind: 'person' | 'organization';
  id: string;
  /** One per item, in input order; an item's roles are consecutive, as its holders are read. */
  bookings: { item: ScheduledItem; roles: SessionRole[] }[];
}

function holderDoubleBookings(items: readonly ScheduledItem[], setting: Setting): Ranked[] {
  const people = new Map<string, Holder>();
  const organizations = new Map<string, Holder>();
  const book = (
    holders: Map<string, Holder>,
    kind: Holder['kind'],
    id: string,
    item: ScheduledItem,
    role: SessionRole,
  ) => {
    let holder = holders.get(id);
    if (!holder) {
      holder = { kind, id, bookings: [] };
      holders.set(id, holder);
    }
    const last = holder.bookings[holder.bookings.length - 1];
    if (last?.item.id !== item.id) holder.bookings.push({ item, roles: [role] });
    else if (!last.roles.includes(role)) last.roles.push(role);
  };
  for (const item of items) {
    for (const holder of item.holders) {
      if (holder.personId) book(people, 'person', holder.personId, item, holder.role);
      if (holder.organizationId) {
        book(organizations, 'organization', holder.organizationId, item, holder.role);
      }
    }
  }
  const found: Ranked[] = [];
  for (const holder of [...people.values(), ...organizations.values()]) {
    if (holder.bookings.length < 2) continue;
    const bookings: Booking[] = holder.bookings.map(({ item, roles }) => ({
      id: item.id,
      start: item.start,
      end: item.end,
      item,
      roles: roles.length > 1 ? sortRoles(roles) : roles,
    }));
    for (const [first, second] of overlappingPairs(bookings)) {
      found.push(personDoubleBooked(holder, first, second, setting));
    }
  }
  return found;
}

function personDoubleBooked(
  holder: Holder,
  first: Booking,
  second: Booking,
  setting: Setting,
): Ranked {
  const overlap = intersection(first, second);
  const name =
    holder.kind === 'person'
      ? personName(holder.id, setting)
      : (setting.organizationNames.get(holder.id) ?? holder.id);
  const text = (language: Language) => {
    const roles = (booking: Booking) => rolesText(booking.roles, setting, language);
    const when = whenText(overlap, setting, language);
    return language === 'id'
      ? `${name} menjadi ${roles(first)} di ${quote(first.item)} dan ${roles(second)} di ${quote(second.item)} pada ${when}.`
      : `${name} is the ${roles(first)} in ${quote(first.item)} and the ${roles(second)} in ${quote(second.item)}, which overlap on ${when}.`;
  };
  return {
    at: first.start,
    tie: 0,
    conflict: {
      kind: 'person_double_booked',
      severity: 'error',
      itemIds: [first.id, second.id],
      personIds: holder.kind === 'person' ? [holder.id] : [],
      organizationIds: holder.kind === 'organization' ? [holder.id] : [],
      overlap,
      roles: [first.roles, second.roles],
      message: bilingual(text),
    },
  };
}

function roomDoubleBookings(items: readonly ScheduledItem[], setting: Setting): Ranked[] {
  const byRoom = new Map<string, ScheduledItem[]>();
  for (const item of items) {
    if (item.roomId === null) continue;
    const roomItems = byRoom.get(item.roomId);
    if (roomItems) roomItems.push(item);
    else byRoom.set(item.roomId, [item]);
  }
  const found: Ranked[] = [];
  for (const [roomId, roomItems] of byRoom) {
    const room = roomName(roomId, setting);
    for (const [first, second] of overlappingPairs(roomItems)) {
      const overlap = intersection(first, second);
      const text = (language: Language) => {
        const when = whenText(overlap, setting, language);
        return language === 'id'
          ? `${quote(first)} dan ${quote(second)} sama-sama memakai ruang ${room} pada ${when}.`
          : `${quote(first)} and ${quote(second)} both use the room ${room} on ${when}.`;
      };
      found.push({
        at: first.start,
        tie: 0,
        conflict: {
          kind: 'room_double_booked',
          severity: 'error',
          itemIds: [first.id, second.id],
          personIds: [],
          organizationIds: [],
          roomId,
          overlap,
          message: bilingual(text),
        },
      });
    }
  }
  return found;
}

// ---- one item at a time ----------------------------------------------------------------------

function outsideEventDays(item: AgendaItem, setting: Setting): Ranked[] {
  const { eventDays } = setting;
  const span = (language: Language) => formatDateSpan(setting.startDate, setting.endDate, language);
  let text: (language: Language) => string;
  if (isScheduled(item)) {
    if (item.start >= eventDays.start && item.end <= eventDays.end) return [];
    text = (language) => {
      const when = whenText(item, setting, language);
      return language === 'id'
        ? `${quote(item)} dijadwalkan pada ${when}, di luar hari acara (${span(language)}).`
        : `${quote(item)} is scheduled on ${when}, outside the event's days (${span(language)}).`;
    };
  } else {
    const day = item.day;
    if (day === null || (day >= setting.startDate && day <= setting.endDate)) return [];
    text = (language) => {
      const date = formatLongDay(day, language);
      return language === 'id'
        ? `${quote(item)} ditempatkan pada ${date}, di luar hari acara (${span(language)}).`
        : `${quote(item)} is placed on ${date}, outside the event's days (${span(language)}).`;
    };
  }
  return [
    {
      at: isScheduled(item) ? item.start : Number.POSITIVE_INFINITY,
      tie: 0,
      conflict: {
        kind: 'outside_event_days',
        severity: 'error',
        itemIds: [item.id],
        personIds: [],
        organizationIds: [],
        eventDays: { ...eventDays },
        message: bilingual(text),
      },
    },
  ];
}

function outsideDayWindow(item: ScheduledItem, setting: Setting): Ranked[] {
  const { windows, eventDays } = setting;
  if (windows === null) return [];
  if (item.start < eventDays.start || item.end > eventDays.end) return [];
  if (uncovered(windows.merged, item).length === 0) return [];
  const day = localDay(item.start, setting);
  const touching = [...windows.byDate.values()]
    .flat()
    .filter((window) => window.start < item.end && window.end > item.start);
  const dayWindows = distinctRanges([...(windows.byDate.get(day) ?? []), ...touching]);
  const text = (language: Language) => {
    const when = whenText(item, setting, language);
    if (dayWindows.length === 0) {
      return language === 'id'
        ? `${quote(item)} dijadwalkan pada ${when}, padahal hari itu tidak ada jam acara.`
        : `${quote(item)} is scheduled on ${when}, a day with no hours set for items.`;
    }
    const hours = formatList(
      dayWindows.map((window) => describeRange(window, item.start, setting, language)),
      language,
    );
    return language === 'id'
      ? `${quote(item)} dijadwalkan pada ${when}, di luar jam acara hari itu (${hours}).`
      : `${quote(item)} is scheduled on ${when}, outside that day's hours (${hours}).`;
  };
  return [
    {
      at: item.start,
      tie: 0,
      conflict: {
        kind: 'outside_day_window',
        severity: 'error',
        itemIds: [item.id],
        personIds: [],
        organizationIds: [],
        day,
        windows: dayWindows,
        message: bilingual(text),
      },
    },
  ];
}

function outsideAvailability(item: ScheduledItem, setting: Setting): Ranked[] {
  const rolesByPerson = new Map<string, Set<SessionRole>>();
  for (const holder of item.holders) {
    if (!holder.personId || !setting.availability.has(holder.personId)) continue;
    const roles = rolesByPerson.get(holder.personId) ?? new Set<SessionRole>();
    roles.add(holder.role);
    rolesByPerson.set(holder.personId, roles);
  }
  const found: Ranked[] = [];
  for (const [personId, roleSet] of rolesByPerson) {
    const unavailable = uncovered(setting.availability.get(personId) ?? [], item);
    if (unavailable.length === 0) continue;
    const roles = sortRoles(roleSet);
    const name = personName(personId, setting);
    const text = (language: Language) => {
      const roleText = rolesText(roles, setting, language);
      const when = whenText(item, setting, language);
      const gaps = formatList(
        unavailable.map((gap) => describeRange(gap, item.start, setting, language)),
        language,
      );
      return language === 'id'
        ? `${name} menjadi ${roleText} di ${quote(item)} pada ${when}, di luar waktu ketersediaannya: tidak tersedia ${gaps}.`
        : `${name} is the ${roleText} in ${quote(item)} on ${when}, outside their availability: not available ${gaps}.`;
    };
    found.push({
      at: item.start,
      tie: 0,
      conflict: {
        kind: 'outside_availability',
        severity: 'warning',
        itemIds: [item.id],
        personIds: [personId],
        organizationIds: [],
        roles,
        unavailable,
        message: bilingual(text),
      },
    });
  }
  return found;
}

function roomTooSmall(item: AgendaItem, setting: Setting): Ranked[] {
  if (item.roomId === null) return [];
  const room = setting.rooms.get(item.roomId);
  if (!room || room.capacity === null) return [];
  const roomCapacity = room.capacity;
  const capacity = item.capacity ?? null;
  let basis: RoomTooSmallConflict['basis'];
  let audience: number;
  if (capacity !== null && capacity > roomCapacity) {
    basis = 'capacity';
    audience = capacity;
  } else if (item.expectedAudience !== null && item.expectedAudience > roomCapacity) {
    basis = 'expectedAudience';
    audience = item.expectedAudience;
  } else {
    return [];
  }
  const text = (language: Language) => {
    const people = formatCount(audience, language);
    const seats = formatCount(roomCapacity, language);
    if (language === 'id') {
      const claim =
        basis === 'capacity'
          ? `menyediakan ${people} kursi`
          : `diperkirakan dihadiri ${people} orang`;
      return `${quote(item)} ${claim}, melebihi kapasitas ruang ${room.name} (${seats} orang).`;
    }
    const claim = basis === 'capacity' ? `offers ${people} seats` : `expects ${people} people`;
    return `${quote(item)} ${claim}, more than the room ${room.name} holds (${seats}).`;
  };
  return [
    {
      at: isScheduled(item) ? item.start : Number.POSITIVE_INFINITY,
      tie: 0,
      conflict: {
        kind: 'room_too_small',
        severity: basis === 'capacity' ? 'error' : 'warning',
        itemIds: [item.id],
        personIds: [],
        organizationIds: [],
        roomId: room.id,
        audience,
        basis,
        roomCapacity,
        message: bilingual(text),
      },
    },
  ];
}

function overFixedBreak(item: ScheduledItem, setting: Setting): Ranked[] {
  if (item.type === 'break' || item.type === 'meal_prayer') return [];
  return overlapping(setting.ishoma, item).map((fixedBreak) => {
    const text = (language: Language) => {
      const when = whenText(item, setting, language);
      const ishoma = formatTimeRange(fixedBreak.start, fixedBreak.end, setting.zone, language);
      return language === 'id'
        ? `${quote(item)} (${when}) melewati waktu ISHOMA ${ishoma}.`
        : `${quote(item)} (${when}) runs into the ISHOMA break (prayer and meal), ${ishoma}.`;
    };
    return {
      at: item.start,
      tie: fixedBreak.start,
      conflict: {
        kind: 'over_fixed_break',
        severity: 'error',
        itemIds: [item.id],
        personIds: [],
        organizationIds: [],
        fixedBreak: { ...fixedBreak },
        message: bilingual(text),
      },
    };
  });
}

// ---- ranges ----------------------------------------------------------------------------------

const CLOCK = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** A local `HH:mm` on a local day as an instant; `24:00` is the following midnight. */
function localInstant(date: string, clock: string, zone: string): number {
  if (!CLOCK.test(clock)) throw new RangeError(`${clock} is not a local time (HH:mm)`);
  if (clock === '24:00') {
    return DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day').toMillis();
  }
  const time = DateTime.fromISO(`${date}T${clock}`, { zone });
  if (!time.isValid) throw new RangeError(`${date} ${clock} is not a local time in ${zone}`);
  return time.toMillis();
}

/** `from`–`to` on a local day; a `to` not after `from` is on the next day. */
function dailyRange(date: string, from: string, to: string, zone: string): TimeRange {
  if (from === '24:00') throw new RangeError(`A window cannot open at 24:00 (${date})`);
  const start = localInstant(date, from, zone);
  let end = localInstant(date, to, zone);
  if (end <= start) end = localInstant(addDays(date, 1), to, zone);
  return { start, end };
}

/** Distinct ranges, sorted, without merging (to list a day's windows as given). */
function distinctRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const seen = new Map<string, TimeRange>();
  for (const range of ranges) seen.set(`${range.start}-${range.end}`, range);
  return [...seen.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Index of the first range in a sorted, disjoint list that ends after `instant`. */
function firstEndingAfter(sorted: readonly TimeRange[], instant: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.end ?? Number.POSITIVE_INFINITY) > instant) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The ranges of a merged (sorted, disjoint) list that overlap `range` (half-open). */
function overlapping(merged: readonly TimeRange[], range: TimeRange): TimeRange[] {
  const found: TimeRange[] = [];
  for (let index = firstEndingAfter(merged, range.start); index < merged.length; index++) {
    const candidate = merged[index];
    if (!candidate || candidate.start >= range.end) break;
    found.push(candidate);
  }
  return found;
}

/** The parts of `range` not covered by a merged (sorted, disjoint) list of ranges. */
function uncovered(merged: readonly TimeRange[], range: TimeRange): TimeRange[] {
  const gaps: TimeRange[] = [];
  let cursor = range.start;
  for (let index = firstEndingAfter(merged, range.start); index < merged.length; index++) {
    const cover = merged[index];
    if (!cover || cover.start >= range.end) break;
    if (cover.start > cursor) gaps.push({ start: cursor, end: cover.start });
    cursor = Math.max(cursor, cover.end);
    if (cursor >= range.end) break;
  }
  if (cursor < range.end) gaps.push({ start: cursor, end: range.end });
  return gaps;
}

function intersection(a: TimeRange, b: TimeRange): TimeRange {
  return { start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) };
}

// ---- words -----------------------------------------------------------------------------------

function bilingual(text: (language: Language) => string): LocalizedText {
  return { id: text('id'), en: text('en') };
}

function quote(item: { title: string }): string {
  return `"${item.title}"`;
}

function personName(id: string, setting: Setting): string {
  return setting.people.get(id)?.name ?? id;
}

function roomName(id: string, setting: Setting): string {
  return setting.rooms.get(id)?.name ?? id;
}

/** `formatWhen` of a range, remembered for the call. */
function whenText(range: TimeRange, setting: Setting, language: Language): string {
  return remembered(setting, `w|${range.start}|${range.end}|${language}`, () =>
    formatWhen(range.start, range.end, setting.zone, language),
  );
}

/** Roles as a list in words ("narasumber dan moderator"), remembered for the call. */
function rolesText(roles: readonly SessionRole[], setting: Setting, language: Language): string {
  return remembered(setting, `r|${roles.join(',')}|${language}`, () =>
    formatList(
      roles.map((role) => roleLabel(role, language)),
      language,
    ),
  );
}

function remembered(setting: Setting, key: string, make: () => string): string {
  let text = setting.words.get(key);
  if (text === undefined) {
    text = make();
    setting.words.set(key, text);
  }
  return text;
}

/**
 * A range for a sentence: "pukul 08.00–09.00 WIB" when it starts on the local day of `reference`,
 * else with its day ("pada Rabu, 29 Juni 2022 pukul 00.00–01.00 WIB").
 */
function describeRange(
  range: TimeRange,
  reference: number,
  setting: Setting,
  language: Language,
): string {
  const referenceDay = localDay(reference, setting);
  return remembered(setting, `d|${range.start}|${range.end}|${referenceDay}|${language}`, () => {
    const startDay = localDay(range.start, setting);
    // An end at the next midnight still reads as that day ("22.00–24.00").
    const endsSameDay = localDay(range.end - 1, setting) === startDay;
    if (startDay === referenceDay && endsSameDay) {
      const times = formatTimeRange(range.start, range.end, setting.zone, language);
      return language === 'id' ? `pukul ${times}` : times;
    }
    const when = whenText(range, setting, language);
    return language === 'id' ? `pada ${when}` : `on ${when}`;
  });
}

/** `localDate`, remembered for the call. */
function localDay(instant: number, setting: Setting): string {
  return remembered(setting, `l|${instant}`, () => localDate(instant, setting.zone));
}

const ROLE_ORDER = new Map<SessionRole, number>(SESSION_ROLES.map((role, index) => [role, index]));

function sortRoles(roles: Iterable<SessionRole>): SessionRole[] {
  return [...roles].sort((a, b) => (ROLE_ORDER.get(a) ?? 0) - (ROLE_ORDER.get(b) ?? 0));
}

// ---- order -----------------------------------------------------------------------------------

const KIND_ORDER = new Map<ConflictKind, number>(
  CONFLICT_KINDS.map((kind, index) => [kind, index]),
);

function compareRanked(a: Ranked, b: Ranked): number {
  return (
    compareNumbers(a.at, b.at) ||
    (KIND_ORDER.get(a.conflict.kind) ?? 0) - (KIND_ORDER.get(b.conflict.kind) ?? 0) ||
    compareLists(a.conflict.itemIds, b.conflict.itemIds) ||
    compareLists(a.conflict.personIds, b.conflict.personIds) ||
    compareLists(a.conflict.organizationIds, b.conflict.organizationIds) ||
    compareText(roomOf(a.conflict), roomOf(b.conflict)) ||
    compareNumbers(a.tie, b.tie)
  );
}

function roomOf(conflict: Conflict): string {
  return 'roomId' in conflict ? conflict.roomId : '';
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code-unit order, the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const order = compareText(a[index] ?? '', b[index] ?? '');
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
