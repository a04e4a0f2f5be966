import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  addDays,
  canonicalTimeZone,
  daysBetween,
  formatInZone,
  formatLocalMinute,
  formatLongDate,
  isIsoTimestamp,
  isValidTimeZone,
  localDateOf,
  localDaysBounds,
  parseZonedTimestamp,
  timeZoneLabel,
  timeZoneLabelOn,
} from './zoned-time';

describe('zoned time', () => {
  it.each([
    ['2022-06-28T19:00', 'Asia/Jakarta', '2022-06-28T12:00:00.000Z'],
    ['2022-06-28T19:00', 'Asia/Makassar', '2022-06-28T11:00:00.000Z'],
    ['2022-06-28T19:00', 'Asia/Jayapura', '2022-06-28T10:00:00.000Z'],
    ['2022-06-28T19:00:30.250', 'Asia/Jakarta', '2022-06-28T12:00:30.250Z'],
    ['2022-06-28T19:00:00+08:00', 'Asia/Jakarta', '2022-06-28T11:00:00.000Z'],
    ['2022-06-28T19:00+0900', 'Asia/Makassar', '2022-06-28T10:00:00.000Z'],
    ['2022-06-28T12:00:00Z', 'Asia/Jayapura', '2022-06-28T12:00:00.000Z'],
    ['2022-06-28T23:30', 'Europe/Paris', '2022-06-28T21:30:00.000Z'],
  ])('should read %s in %s as %s', (text, zone, utc) => {
    expect(parseZonedTimestamp(text, zone)?.toISOString()).toBe(utc);
  });

  it.each([
    ['2022-02-30T10:00', 'Asia/Jakarta', 'a day that does not exist'],
    ['2022-06-28T24:00', 'Asia/Jakarta', 'hour 24'],
    ['2022-06-28 19:00', 'Asia/Jakarta', 'a space instead of T'],
    ['2022-06-28', 'Asia/Jakarta', 'a date alone'],
    ['2022-06-28T19:00:00+07', 'Asia/Jakarta', 'an hour-only offset'],
    ['2022-03-13T02:30', 'America/New_York', 'a time skipped by summer time'],
    ['tomorrow', 'Asia/Jakarta', 'words'],
  ])('should refuse %s in %s (%s)', (text, zone) => {
    expect(parseZonedTimestamp(text, zone)).toBeUndefined();
  });

  it.each([
    ['2022-06-28T19:00', 'optional', true],
    ['2022-06-28T19:00', 'required', false],
    ['2022-06-01T08:00:00+07:00', 'required', true],
    ['2022-06-01T08:00:00Z', 'required', true],
    ['2022-13-01T08:00:00Z', 'required', false],
  ] as const)('should judge %s with the offset %s as %s', (text, offset, valid) => {
    expect(isIsoTimestamp(text, offset)).toBe(valid);
  });

  it.each([
    ['2022-06-28T12:00:00.000Z', 'Asia/Jakarta', '2022-06-28T19:00:00+07:00'],
    ['2022-06-28T11:00:00.000Z', 'Asia/Makassar', '2022-06-28T19:00:00+08:00'],
    ['2022-06-28T10:00:00.000Z', 'Asia/Jayapura', '2022-06-28T19:00:00+09:00'],
    ['2022-06-28T10:00:00.500Z', 'Asia/Jayapura', '2022-06-28T19:00:00.500+09:00'],
  ])('should write %s in %s as %s', (utc, zone, text) => {
    expect(formatInZone(new Date(utc), zone)).toBe(text);
  });

  it.each([
    ['2022-06-28T16:59:59.999Z', 'Asia/Jakarta', '2022-06-28'],
    ['2022-06-28T17:00:00.000Z', 'Asia/Jakarta', '2022-06-29'],
    ['2022-06-28T16:00:00.000Z', 'Asia/Makassar', '2022-06-29'],
    ['2022-06-28T15:00:00.000Z', 'Asia/Jayapura', '2022-06-29'],
  ])('should put %s in %s on %s', (utc, zone, date) => {
    expect(localDateOf(new Date(utc), zone)).toBe(date);
  });

  it.each([
    ['Asia/Jakarta', '2022-06-27T17:00:00.000Z', '2022-06-30T17:00:00.000Z'],
    ['Asia/Makassar', '2022-06-27T16:00:00.000Z', '2022-06-30T16:00:00.000Z'],
    ['Asia/Jayapura', '2022-06-27T15:00:00.000Z', '2022-06-30T15:00:00.000Z'],
  ])('should bound 28–30 June 2022 in %s', (zone, start, end) => {
    const bounds = localDaysBounds('2022-06-28', '2022-06-30', zone);
    expect({ start: bounds.start.toISOString(), end: bounds.end.toISOString() }).toEqual({
      start,
      end,
    });
  });

  it.each([
    ['Asia/Jakarta', 'WIB'],
    ['Asia/Pontianak', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
    ['UTC', 'UTC'],
    ['Asia/Tokyo', 'GMT+9'],
  ])('should label %s as %s', (zone, label) => {
    expect(timeZoneLabel(zone, new Date('2022-06-28T00:00:00Z'))).toBe(label);
  });

  it('should label a zone with summer time by the season of the day', () => {
    expect(timeZoneLabelOn('America/New_York', '2022-01-10')).toBe('EST');
    expect(timeZoneLabelOn('America/New_York', '2022-06-28')).toBe('EDT');
  });

  it('should count and add days across months and leap days', () => {
    expect(addDays('2022-06-30', 1)).toBe('2022-07-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2022-06-28', '2022-07-28')).toBe(30);
    expect(daysBetween('2022-06-28', '2022-06-27')).toBe(-1);
  });

  it('should know zones and spell them as the platform does', () => {
    expect(isValidTimeZone('Asia/Makassar')).toBe(true);
    expect(isValidTimeZone('Asia/Bandung')).toBe(false);
    expect(isValidTimeZone('+07:00')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(canonicalTimeZone('asia/jakarta')).toBe('Asia/Jakarta');
  });

  it('should write times and dates for people', () => {
    expect(formatLocalMinute(new Date('2022-07-01T01:00:00Z'), 'Asia/Jakarta')).toBe(
      '2022-07-01 08.00 WIB',
    );
    expect(formatLocalMinute(new Date('2022-06-28T11:00:00Z'), 'Asia/Makassar')).toBe(
      '2022-06-28 19.00 WITA',
    );
    expect(formatLongDate('2022-06-30')).toBe('30 June 2022');
  });
});

describe(`${formatInZone.name} against luxon`, () => {
  it('should write every instant as luxon does, in zones with and without summer time', () => {
    const zones = [
      'Asia/Jakarta',
      'Asia/Makassar',
      'Asia/Jayapura',
      'Europe/London',
      'America/St_Johns',
      'Australia/Lord_Howe',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (at, zone) => {
          const instant = new Date(at);
          expect(formatInZone(instant, zone)).toBe(
            DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true }),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
