import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isMidnightAfter, localDate, localTime, zoneOffsetMinutes } from './local-clock';

const at = (local: string, zone: string) => DateTime.fromISO(local, { zone }).toMillis();

describe('localTime', () => {
  it.each<[string, number, string, Partial<ReturnType<typeof localTime>>]>([
    [
      'the evening opening in WIB',
      Date.UTC(2022, 5, 28, 12, 0),
      'Asia/Jakarta',
      { date: '2022-06-28', hour: 19, minute: 0, weekday: 2, offsetMinutes: 420 },
    ],
    [
      'the same instant in WITA',
      Date.UTC(2022, 5, 28, 12, 0),
      'Asia/Makassar',
      { date: '2022-06-28', hour: 20, minute: 0, offsetMinutes: 480 },
    ],
    [
      'an instant after midnight in WIT but not in WIB',
      Date.UTC(2022, 5, 28, 15, 30),
      'Asia/Jayapura',
      { date: '2022-06-29', hour: 0, minute: 30, weekday: 3, offsetMinutes: 540 },
    ],
    [
      'the last minute of a leap day',
      Date.UTC(2024, 1, 29, 16, 59),
      'Asia/Jakarta',
      { date: '2024-02-29', hour: 23, minute: 59 },
    ],
    [
      'the hour after a summer-time change',
      Date.UTC(2022, 2, 27, 1, 30),
      'Europe/Amsterdam',
      { date: '2022-03-27', hour: 3, minute: 30, offsetMinutes: 120 },
    ],
    [
      'the hour before a summer-time change',
      Date.UTC(2022, 2, 27, 0, 30),
      'Europe/Amsterdam',
      { date: '2022-03-27', hour: 1, minute: 30, offsetMinutes: 60 },
    ],
  ])('should read the wall clock when it is %s', (_case, instant, zone, expected) => {
    expect(localTime(instant, zone)).toMatchObject(expected);
  });

  it('should agree with luxon when instants and zones are random', () => {
    const zones = [
      'Asia/Jakarta',
      'Asia/Pontianak',
      'Asia/Makassar',
      'Asia/Jayapura',
      'Europe/Amsterdam',
      'America/New_York',
      'Australia/Lord_Howe',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const expected = DateTime.fromMillis(instant, { zone });
          expect(localTime(instant, zone)).toEqual({
            date: expected.toFormat('yyyy-MM-dd'),
            year: expected.year,
            month: expected.month,
            day: expected.day,
            weekday: expected.weekday,
            hour: expected.hour,
            minute: expected.minute,
            offsetMinutes: expected.offset,
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('should throw when the zone is unknown', () => {
    expect(() => zoneOffsetMinutes(0, 'Asia/Atlantis')).toThrow(RangeError);
  });
});

describe('localDate and isMidnightAfter', () => {
  it.each<[string, number, number, string, boolean]>([
    [
      'a session ends at the next midnight',
      at('2022-06-28T22:00', 'Asia/Jakarta'),
      at('2022-06-29T00:00', 'Asia/Jakarta'),
      'Asia/Jakarta',
      true,
    ],
    [
      'a session ends a minute after midnight',
      at('2022-06-28T22:00', 'Asia/Jakarta'),
      at('2022-06-29T00:01', 'Asia/Jakarta'),
      'Asia/Jakarta',
      false,
    ],
    [
      'a session ends at midnight two days later',
      at('2022-06-28T22:00', 'Asia/Jakarta'),
      at('2022-06-30T00:00', 'Asia/Jakarta'),
      'Asia/Jakarta',
      false,
    ],
    [
      'WIB midnight is read in a WITA event',
      at('2022-06-28T22:00', 'Asia/Jakarta'),
      at('2022-06-29T00:00', 'Asia/Jakarta'),
      'Asia/Makassar',
      false,
    ],
    [
      'a month ends at midnight',
      at('2022-06-30T23:00', 'Asia/Jayapura'),
      at('2022-07-01T00:00', 'Asia/Jayapura'),
      'Asia/Jayapura',
      true,
    ],
  ])('should tell the closing midnight when %s', (_case, start, end, zone, expected) => {
    expect(isMidnightAfter(start, end, zone)).toBe(expected);
  });

  it('should date the instant in the zone when the zones disagree on the day', () => {
    const instant = Date.UTC(2022, 5, 28, 16, 30);
    expect(
      ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'].map((zone) => localDate(instant, zone)),
    ).toEqual(['2022-06-28', '2022-06-29', '2022-06-29']);
  });
});
