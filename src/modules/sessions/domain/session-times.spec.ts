import {
  type EventDays,
  resolveSessionTimes,
  type SessionTimes,
  type SessionTimesChange,
  sessionSortKey,
} from './session-times';

const WIB: EventDays = { startDate: '2022-06-28', endDate: '2022-06-30', timeZone: 'Asia/Jakarta' };
const WITA: EventDays = { ...WIB, timeZone: 'Asia/Makassar' };
const WIT: EventDays = { ...WIB, timeZone: 'Asia/Jayapura' };

const at = (iso: string) => new Date(iso);

describe('resolveSessionTimes', () => {
  it.each<[string, EventDays, SessionTimesChange, SessionTimes]>([
    [
      'a local evening opening in WIB',
      WIB,
      { startsAt: '2022-06-28T19:00', endsAt: '2022-06-28T21:00' },
      {
        day: '2022-06-28',
        startsAt: at('2022-06-28T12:00:00Z'),
        endsAt: at('2022-06-28T14:00:00Z'),
        durationMinutes: 120,
      },
    ],
    [
      'the same local times in a WITA event',
      WITA,
      { startsAt: '2022-06-28T19:00', endsAt: '2022-06-28T21:00', durationMinutes: 120 },
      {
        day: '2022-06-28',
        startsAt: at('2022-06-28T11:00:00Z'),
        endsAt: at('2022-06-28T13:00:00Z'),
        durationMinutes: 120,
      },
    ],
    [
      'the same local times in a WIT event, with the day given',
      WIT,
      { day: '2022-06-28', startsAt: '2022-06-28T19:00', endsAt: '2022-06-28T21:00' },
      {
        day: '2022-06-28',
        startsAt: at('2022-06-28T10:00:00Z'),
        endsAt: at('2022-06-28T12:00:00Z'),
        durationMinutes: 120,
      },
    ],
    [
      'times with an offset, read as instants and dated in the event zone',
      WITA,
      { startsAt: '2022-06-29T01:30:00+07:00', endsAt: '2022-06-29T02:30:00+07:00' },
      {
        day: '2022-06-29',
        startsAt: at('2022-06-28T18:30:00Z'),
        endsAt: at('2022-06-28T19:30:00Z'),
        durationMinutes: 60,
      },
    ],
    [
      'a session crossing midnight, dated by its start',
      WIB,
      { startsAt: '2022-06-28T23:00', endsAt: '2022-06-29T01:00' },
      {
        day: '2022-06-28',
        startsAt: at('2022-06-28T16:00:00Z'),
        endsAt: at('2022-06-28T18:00:00Z'),
        durationMinutes: 120,
      },
    ],
    [
      'a session ending exactly at the midnight after the last day',
      WIB,
      { startsAt: '2022-06-30T22:00', endsAt: '2022-07-01T00:00' },
      {
        day: '2022-06-30',
        startsAt: at('2022-06-30T15:00:00Z'),
        endsAt: at('2022-06-30T17:00:00Z'),
        durationMinutes: 120,
      },
    ],
    [
      'a session starting at midnight of the first day',
      WIT,
      { startsAt: '2022-06-28T00:00', endsAt: '2022-06-28T00:15' },
      {
        day: '2022-06-28',
        startsAt: at('2022-06-27T15:00:00Z'),
        endsAt: at('2022-06-27T15:15:00Z'),
        durationMinutes: 15,
      },
    ],
    [
      'an unscheduled session with a duration and a day',
      WIB,
      { day: '2022-06-29', durationMinutes: 180 },
      { day: '2022-06-29', startsAt: null, endsAt: null, durationMinutes: 180 },
    ],
    [
      'an unscheduled session with both times null',
      WIB,
      { startsAt: null, endsAt: null, durationMinutes: 30 },
      { day: null, startsAt: null, endsAt: null, durationMinutes: 30 },
    ],
  ])('should accept %s', (_name, event, change, times) => {
    expect(resolveSessionTimes(event, change)).toEqual({ ok: true, times });
  });

  it.each<[string, EventDays, SessionTimesChange, string, string, string]>([
    [
      'a start without an end',
      WIB,
      { startsAt: '2022-06-28T19:00', durationMinutes: 60 },
      'SESSION_TIMES_INCOMPLETE',
      'endsAt',
      'startsAt and endsAt go together; endsAt is missing.',
    ],
    [
      'an end without a start',
      WIB,
      { endsAt: '2022-06-28T19:00' },
      'SESSION_TIMES_INCOMPLETE',
      'startsAt',
      'startsAt and endsAt go together; startsAt is missing.',
    ],
    [
      'a null end with a start',
      WIB,
      { startsAt: '2022-06-28T19:00', endsAt: null },
      'SESSION_TIMES_INCOMPLETE',
      'endsAt',
      'endsAt is null but startsAt is not: give both times to schedule the session, or both null to unschedule it.',
    ],
    [
      'an end before the start',
      WIB,
      { startsAt: '2022-06-28T19:00', endsAt: '2022-06-28T18:00' },
      'SESSION_ENDS_BEFORE_START',
      'endsAt',
      'endsAt must be after startsAt.',
    ],
    [
      'an end equal to the start',
      WIB,
      { startsAt: '2022-06-28T19:00', endsAt: '2022-06-28T19:00' },
      'SESSION_ENDS_BEFORE_START',
      'endsAt',
      'endsAt must be after startsAt.',
    ],
    [
      'seconds in a time',
      WIB,
      { startsAt: '2022-06-28T19:00:30', endsAt: '2022-06-28T20:00' },
      'INVALID_SESSION_TIME',
      'startsAt',
      'startsAt must be a whole minute, without seconds.',
    ],
    [
      'a session longer than a day',
      WIB,
      { startsAt: '2022-06-28T08:00', endsAt: '2022-06-29T08:01' },
      'SESSION_TOO_LONG',
      'endsAt',
      'A session lasts at most 1440 minutes (24 hours); startsAt to endsAt is 1441.',
    ],
    [
      'a duration that disagrees with the times',
      WIB,
      { startsAt: '2022-06-28T19:00', endsAt: '2022-06-28T21:00', durationMinutes: 90 },
      'SESSION_DURATION_MISMATCH',
      'durationMinutes',
      'durationMinutes 90 does not match startsAt to endsAt, 120 minutes.',
    ],
    [
      'a start after the last day',
      WIB,
      { startsAt: '2022-07-01T08:00', endsAt: '2022-07-01T09:00' },
      'SESSION_OUTSIDE_EVENT_DAYS',
      'startsAt',
      "startsAt 2022-07-01 08.00 WIB is after the event's last day, 30 June 2022.",
    ],
    [
      'a start before the first day, in WITA',
      WITA,
      { startsAt: '2022-06-27T23:00', endsAt: '2022-06-28T01:00' },
      'SESSION_OUTSIDE_EVENT_DAYS',
      'startsAt',
      "startsAt 2022-06-27 23.00 WITA is before the event's first day, 28 June 2022.",
    ],
    [
      'a start given in WIB that is already the next day in WIT',
      WIT,
      { startsAt: '2022-06-30T23:00:00+07:00', endsAt: '2022-06-30T23:30:00+07:00' },
      'SESSION_OUTSIDE_EVENT_DAYS',
      'startsAt',
      "startsAt 2022-07-01 01.00 WIT is after the event's last day, 30 June 2022.",
    ],
    [
      'a last-day session crossing midnight',
      WIB,
      { startsAt: '2022-06-30T23:00', endsAt: '2022-07-01T00:30' },
      'SESSION_OUTSIDE_EVENT_DAYS',
      'endsAt',
      "endsAt 2022-07-01 00.30 WIB is after the event's last day, 30 June 2022.",
    ],
    [
      'a day other than the start day',
      WITA,
      { day: '2022-06-29', startsAt: '2022-06-28T19:00', endsAt: '2022-06-28T21:00' },
      'SESSION_DAY_MISMATCH',
      'day',
      'day 2022-06-29 is not the day the session starts on, 2022-06-28 (startsAt 2022-06-28 19.00 WITA).',
    ],
    [
      'an unscheduled session without a duration',
      WIB,
      { day: '2022-06-29' },
      'SESSION_DURATION_REQUIRED',
      'durationMinutes',
      'A session without startsAt and endsAt needs durationMinutes.',
    ],
    [
      'an unscheduled session on a day after the event',
      WIB,
      { day: '2022-07-01', durationMinutes: 60 },
      'SESSION_OUTSIDE_EVENT_DAYS',
      'day',
      "day 2022-07-01 is after the event's last day, 30 June 2022.",
    ],
    [
      'a local time the zone skips',
      { ...WIB, startDate: '2022-03-13', endDate: '2022-03-13', timeZone: 'America/New_York' },
      { startsAt: '2022-03-13T02:30', endsAt: '2022-03-13T04:00' },
      'INVALID_SESSION_TIME',
      'startsAt',
      'startsAt 2022-03-13T02:30 is not a time that exists in America/New_York.',
    ],
  ])('should refuse %s', (_name, event, change, code, field, message) => {
    expect(resolveSessionTimes(event, change)).toEqual({
      ok: false,
      problem: { code, field, message },
    });
  });

  const scheduled: SessionTimes = {
    day: '2022-06-28',
    startsAt: at('2022-06-28T12:00:00Z'),
    endsAt: at('2022-06-28T14:00:00Z'),
    durationMinutes: 120,
  };

  it.each<[string, SessionTimesChange, SessionTimes]>([
    ['keep the times when the change says nothing of them', { day: '2022-06-28' }, scheduled],
    [
      'unschedule keeping the duration and the day',
      { startsAt: null, endsAt: null },
      { day: '2022-06-28', startsAt: null, endsAt: null, durationMinutes: 120 },
    ],
    [
      'unschedule onto another day with a new duration',
      { startsAt: null, endsAt: null, day: '2022-06-30', durationMinutes: 45 },
      { day: '2022-06-30', startsAt: null, endsAt: null, durationMinutes: 45 },
    ],
    [
      'move to new times and derive the new duration and day',
      { startsAt: '2022-06-29T08:00', endsAt: '2022-06-29T11:00' },
      {
        day: '2022-06-29',
        startsAt: at('2022-06-29T01:00:00Z'),
        endsAt: at('2022-06-29T04:00:00Z'),
        durationMinutes: 180,
      },
    ],
  ])('should, on an update, %s', (_name, change, times) => {
    expect(resolveSessionTimes(WIB, change, scheduled)).toEqual({ ok: true, times });
  });

  it.each<[string, SessionTimesChange, string, string]>([
    [
      'a new duration for kept times',
      { durationMinutes: 60 },
      'durationMinutes',
      'SESSION_DURATION_MISMATCH',
    ],
    ['another day for kept times', { day: '2022-06-29' }, 'day', 'SESSION_DAY_MISMATCH'],
    ['half an unscheduling', { startsAt: null }, 'endsAt', 'SESSION_TIMES_INCOMPLETE'],
  ])('should, on an update, refuse %s', (_name, change, field, code) => {
    const result = resolveSessionTimes(WIB, change, scheduled);
    expect(result.ok ? undefined : [result.problem.field, result.problem.code]).toEqual([
      field,
      code,
    ]);
  });
});

describe('sessionSortKey', () => {
  it('should order by day, then start, then program order, unscheduled items last', () => {
    const keys = [
      sessionSortKey({ day: null, startsAt: null, position: 1 }),
      sessionSortKey({ day: '2022-06-29', startsAt: null, position: 2 }),
      sessionSortKey({ day: '2022-06-29', startsAt: at('2022-06-29T01:00:00Z'), position: 9 }),
      sessionSortKey({ day: '2022-06-28', startsAt: at('2022-06-28T12:15:00Z'), position: 3 }),
      sessionSortKey({ day: '2022-06-28', startsAt: at('2022-06-28T12:00:00Z'), position: 4 }),
    ];
    expect([...keys].sort()).toEqual([keys[4], keys[3], keys[2], keys[1], keys[0]]);
    expect(keys[2]).toBe('2022-06-29|2022-06-29T01:00:00.000Z|000009');
  });
});
