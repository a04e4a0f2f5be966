import { localDate, zoneOffsetMinutes } from './local-clock';
import { DateTime, IANAZone } from 'luxon';

/**
 * Local dates and times in an event's time zone. Instants travel as `Date`; local days as
 * `YYYY-MM-DD` text; zones as IANA names. Everything here is pure and uses luxon for the zone
 * rules, so that an event in Makassar (WITA, +08:00) or Jayapura (WIT, +09:00) is read right.
 */

/**
 * An ISO 8601 date and time to the minute, second or millisecond, with an optional offset
 * (`Z`, `+07:00` or `+0700`).
 */
const TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The zone Indonesian events are held in unless they say otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** What Indonesians call their three zones; other zones go by their short offset name. */
const INDONESIAN_ZONE_LABELS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** True for a known IANA zone name such as `Asia/Makassar`. */
export function isValidTimeZone(zone: string): boolean {
  return zone !== '' && IANAZone.isValidZone(zone);
}

/** The zone's name as the platform spells it (`asia/jakarta` → `Asia/Jakarta`). */
export function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

/** True for text `parseZonedTimestamp` can read in some zone; `offset: 'required'` wants one. */
export function isIsoTimestamp(text: string, offset: 'optional' | 'required'): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match || (offset === 'required' && match[4] === undefined)) return false;
  return DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/**
 * Reads an ISO 8601 timestamp: with an offset it names that instant; without one it is a local
 * time in `zone` ("2022-06-28T19:00" in Asia/Makassar is 11:00 UTC). Undefined when the text is
 * not such a timestamp, or names a local time the zone skips (a daylight-saving gap).
 */
export function parseZonedTimestamp(text: string, zone: string): Date | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const parsed = DateTime.fromISO(text, { zone });
  if (!parsed.isValid) return undefined;
  if (match[4] === undefined) {
    const written = `${match[1]}:${match[2] ?? '00'}`;
    if (parsed.toFormat("yyyy-MM-dd'T'HH:mm:ss") !== written) return undefined;
  }
  return parsed.toJSDate();
}

/**
 * The instant as ISO 8601 with the zone's offset: "2022-06-28T19:00:00+08:00" (milliseconds only
 * when there are some; "Z" for the zone "UTC"), as luxon writes it. Lists format every item's
 * times, so the offset comes from the per-day cache of `zoneOffsetMinutes`, not from Intl.
 */
export function formatInZone(instant: Date, zone: string): string {
  const at = instant.getTime();
  if (!Number.isFinite(at)) throw new RangeError(`Cannot format an invalid date in ${zone}`);
  const offset = zoneOffsetMinutes(at, zone);
  const wall = new Date(at + offset * 60_000).toISOString();
  const clock = instant.getUTCMilliseconds() === 0 ? wall.slice(0, 19) : wall.slice(0, 23);
  if (zone.toUpperCase() === 'UTC') return `${clock}Z`;
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${clock}${sign}${hours}:${minutes}`;
}

/** The local day on which the instant falls in the zone, as `YYYY-MM-DD`. */
export function localDateOf(instant: Date, zone: string): string {
  return localDate(instant.getTime(), zone);
}

/**
 * The instants bounding a run of local days: from `startDate` 00:00 to the midnight after
 * `endDate`, both in `zone`. The interval is half-open: `end` itself is outside.
 */
export function localDaysBounds(
  startDate: string,
  endDate: string,
  zone: string,
): { start: Date; end: Date } {
  return {
    start: startOfLocalDay(startDate, zone),
    end: startOfLocalDay(addDays(endDate, 1), zone),
  };
}

function startOfLocalDay(date: string, zone: string): Date {
  const day = DateTime.fromISO(date, { zone }).startOf('day');
  if (!day.isValid) throw new RangeError(`${date} is not a local date in ${zone}`);
  return day.toJSDate();
}

/** The local date `days` after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toFormat('yyyy-MM-dd');
}

/** How many days `to` is after `from` (negative when before). */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days')
      .days,
  );
}

/**
 * What people call the zone: WIB, WITA or WIT for Indonesia's three zones, else its short name
 * at `at` (summer time changes it), such as "GMT+1" or "EDT".
 */
export function timeZoneLabel(zone: string, at: Date = new Date()): string {
  return (
    INDONESIAN_ZONE_LABELS[zone] ??
    DateTime.fromJSDate(at, { zone }).setLocale('en-US').offsetNameShort ??
    zone
  );
}

/** The zone's label on a local day, read at noon so that the answer does not depend on now. */
export function timeZoneLabelOn(zone: string, date: string): string {
  return timeZoneLabel(zone, DateTime.fromISO(`${date}T12:00`, { zone }).toJSDate());
}

/** A local time for people, in the Indonesian manner: "2022-06-28 19.00 WITA". */
export function formatLocalMinute(instant: Date, zone: string): string {
  const local = DateTime.fromJSDate(instant, { zone });
  return `${local.toFormat('yyyy-MM-dd HH.mm')} ${timeZoneLabel(zone, instant)}`;
}

/** A local date for people: "30 June 2022". */
export function formatLongDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('d MMMM yyyy');
}
