import { IANAZone } from 'luxon';

/**
 * Local calendar and clock of instants in an IANA zone, fast enough to explain thousands of
 * conflicts: the zone's offset is looked up once per zone and UTC day (luxon asks `Intl` for it,
 * which is slow) and the rest is arithmetic. Pure in effect: the cache only remembers what the
 * zone rules say.
 */

/** An instant as read on a local wall clock. */
export interface LocalTime {
  /** The local day, `YYYY-MM-DD`. */
  date: string;
  year: number;
  /** 1 = January … 12 = December. */
  month: number;
  /** Day of the month, 1–31. */
  day: number;
  /** 1 = Monday … 7 = Sunday (ISO, as luxon counts). */
  weekday: number;
  hour: number;
  minute: number;
  /** The zone's offset from UTC at that instant, in minutes (WIB +420, WITA +480, WIT +540). */
  offsetMinutes: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Days remembered per zone before the cache starts afresh; about 27 years. */
const CACHED_DAYS = 10_000;

/** Per zone, per UTC day: the offset all day, or NaN when it changes that day. */
const offsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at the instant, in minutes. Throws on an unknown zone. */
export function zoneOffsetMinutes(instant: number, zone: string): number {
  let days = offsets.get(zone);
  if (!days) {
    if (!IANAZone.create(zone).isValid) throw new RangeError(`${zone} is not an IANA time zone`);
    days = new Map();
    offsets.set(zone, days);
  }
  const day = Math.floor(instant / DAY);
  let offset = days.get(day);
  if (offset === undefined) {
    const rules = IANAZone.create(zone);
    const first = rules.offset(day * DAY);
    // A zone changes its offset at most once in a day, so equal ends mean one offset all day.
    offset = first === rules.offset(day * DAY + DAY - 1) ? first : Number.NaN;
    if (days.size >= CACHED_DAYS) days.clear();
    days.set(day, offset);
  }
  return Number.isNaN(offset) ? IANAZone.create(zone).offset(instant) : offset;
}

/** The instant on the zone's wall clock. */
export function localTime(instant: number, zone: string): LocalTime {
  if (!Number.isFinite(instant)) throw new RangeError(`${instant} is not an instant`);
  const offsetMinutes = zoneOffsetMinutes(instant, zone);
  const wall = new Date(instant + offsetMinutes * MINUTE);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + 1;
  const day = wall.getUTCDate();
  return {
    date: isoDate(year, month, day),
    year,
    month,
    day,
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    offsetMinutes,
  };
}

/** The local day on which the instant falls in the zone, `YYYY-MM-DD`. */
export function localDate(instant: number, zone: string): string {
  return localTime(instant, zone).date;
}

/** True when `end` is the local midnight that closes the local day `start` falls on. */
export function isMidnightAfter(start: number, end: number, zone: string): boolean {
  const last = localTime(end, zone);
  if (last.hour !== 0 || last.minute !== 0 || (end + last.offsetMinutes * MINUTE) % DAY !== 0) {
    return false;
  }
  const first = localTime(start, zone);
  return last.date === isoDate(first.year, first.month, first.day + 1);
}

/** `YYYY-MM-DD` of a calendar day; a day past the month's end rolls over (31 → 1st of next). */
function isoDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
