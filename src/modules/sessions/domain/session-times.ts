import {
  formatLocalMinute,
  formatLongDate,
  localDateOf,
  localDaysBounds,
  parseZonedTimestamp,
} from '../../../common/time/zoned-time';

/** The days an event runs, read in its zone. */
export interface EventDays {
  /** First local day, `YYYY-MM-DD`. */
  startDate: string;
  /** Last local day, inclusive. */
  endDate: string;
  /** IANA zone. */
  timeZone: string;
}

/** When an agenda item happens: both ends, or neither and a planned length. */
export interface SessionTimes {
  /** The event's local day the item belongs to; the start's day once scheduled. */
  day: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  durationMinutes: number;
}

/**
 * What a request says about an item's times. Undefined: not said. Timestamps are ISO 8601 text,
 * with an offset or as local times in the event's zone; `startsAt: null` with `endsAt: null`
 * takes the item off the clock.
 */
export interface SessionTimesChange {
  day?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  durationMinutes?: number;
}

export const SESSION_TIMES_PROBLEMS = [
  'SESSION_TIMES_INCOMPLETE',
  'INVALID_SESSION_TIME',
  'SESSION_ENDS_BEFORE_START',
  'SESSION_TOO_LONG',
  'SESSION_DURATION_MISMATCH',
  'SESSION_DURATION_REQUIRED',
  'SESSION_OUTSIDE_EVENT_DAYS',
  'SESSION_DAY_MISMATCH',
] as const;
export type SessionTimesProblemCode = (typeof SESSION_TIMES_PROBLEMS)[number];

/** Why the times cannot be, naming the request field at fault. */
export interface SessionTimesProblem {
  code: SessionTimesProblemCode;
  field: 'day' | 'startsAt' | 'endsAt' | 'durationMinutes';
  message: string;
}

export type SessionTimesResult =
  { ok: true; times: SessionTimes } | { ok: false; problem: SessionTimesProblem };

/** The longest item, as the database's CK_sessions_duration allows. */
export const MAX_SESSION_MINUTES = 1440;

const MINUTE = 60_000;

/**
 * Works out an item's times from a request and, on an update, its current times, or says which
 * rule the request breaks:
 * - startsAt and endsAt come together (both, or both null to unschedule keeping the duration);
 * - a scheduled item ends after it starts, at whole minutes, within 24 hours, inside the event's
 *   days [startDate 00:00, endDate + 1 00:00) in the event's zone; its duration is the difference
 *   and its day the start's local day (a given durationMinutes or day must agree);
 * - an unscheduled item needs a duration, and a day it is placed on is one of the event's days.
 */
export function resolveSessionTimes(
  event: EventDays,
  change: SessionTimesChange,
  current?: SessionTimes,
): SessionTimesResult {
  const incomplete = incompleteTimes(change);
  if (incomplete) return { ok: false, problem: incomplete };
  if (typeof change.startsAt === 'string' && typeof change.endsAt === 'string') {
    const startsAt = parseZonedTimestamp(change.startsAt, event.timeZone);
    if (!startsAt) return { ok: false, problem: unreadable('startsAt', change.startsAt, event) };
    const endsAt = parseZonedTimestamp(change.endsAt, event.timeZone);
    if (!endsAt) return { ok: false, problem: unreadable('endsAt', change.endsAt, event) };
    return scheduled(event, change, startsAt, endsAt);
  }
  if (change.startsAt === undefined && current?.startsAt && current.endsAt) {
    return scheduled(event, change, current.startsAt, current.endsAt);
  }
  return unscheduled(event, change, current);
}

/**
 * The rundown's order: day, then start, then program order. Unscheduled items go after the
 * scheduled ones of their day, and items without a day last. The key begins with the day.
 */
export function sessionSortKey(item: {
  day: string | null;
  startsAt: Date | null;
  position: number;
}): string {
  return [
    item.day ?? '9999-12-31',
    item.startsAt?.toISOString() ?? '~',
    String(item.position).padStart(6, '0'),
  ].join('|');
}

function incompleteTimes(change: SessionTimesChange): SessionTimesProblem | undefined {
  const { startsAt, endsAt } = change;
  if (startsAt === undefined && endsAt === undefined) return undefined;
  if (startsAt === undefined || endsAt === undefined) {
    const given = startsAt === undefined ? 'endsAt' : 'startsAt';
    const missing = startsAt === undefined ? 'startsAt' : 'endsAt';
    return {
      code: 'SESSION_TIMES_INCOMPLETE',
      field: missing,
      message:
        change[given] === null
          ? `Unscheduling takes both startsAt and endsAt as null; ${missing} is missing.`
          : `startsAt and endsAt go together; ${missing} is missing.`,
    };
  }
  if ((startsAt === null) !== (endsAt === null)) {
    const nulled = startsAt === null ? 'startsAt' : 'endsAt';
    return {
      code: 'SESSION_TIMES_INCOMPLETE',
      field: nulled,
      message: `${nulled} is null but ${nulled === 'startsAt' ? 'endsAt' : 'startsAt'} is not: give both times to schedule the session, or both null to unschedule it.`,
    };
  }
  return undefined;
}

function unreadable(
  field: 'startsAt' | 'endsAt',
  text: string,
  event: EventDays,
): SessionTimesProblem {
  return {
    code: 'INVALID_SESSION_TIME',
    field,
    message: `${field} ${text} is not a time that exists in ${event.timeZone}.`,
  };
}

function scheduled(
  event: EventDays,
  change: SessionTimesChange,
  startsAt: Date,
  endsAt: Date,
): SessionTimesResult {
  const fail = (
    code: SessionTimesProblemCode,
    field: SessionTimesProblem['field'],
    message: string,
  ): SessionTimesResult => ({ ok: false, problem: { code, field, message } });
  for (const [field, instant] of [
    ['startsAt', startsAt],
    ['endsAt', endsAt],
  ] as const) {
    if (instant.getTime() % MINUTE !== 0) {
      return fail(
        'INVALID_SESSION_TIME',
        field,
        `${field} must be a whole minute, without seconds.`,
      );
    }
  }
  if (endsAt <= startsAt) {
    return fail('SESSION_ENDS_BEFORE_START', 'endsAt', 'endsAt must be after startsAt.');
  }
  const minutes = (endsAt.getTime() - startsAt.getTime()) / MINUTE;
  if (minutes > MAX_SESSION_MINUTES) {
    return fail(
      'SESSION_TOO_LONG',
      'endsAt',
      `A session lasts at most ${MAX_SESSION_MINUTES} minutes (24 hours); startsAt to endsAt is ${minutes}.`,
    );
  }
  if (change.durationMinutes !== undefined && change.durationMinutes !== minutes) {
    return fail(
      'SESSION_DURATION_MISMATCH',
      'durationMinutes',
      `durationMinutes ${change.durationMinutes} does not match startsAt to endsAt, ${minutes} minutes.`,
    );
  }
  const bounds = localDaysBounds(event.startDate, event.endDate, event.timeZone);
  const first = formatLongDate(event.startDate);
  const last = formatLongDate(event.endDate);
  const local = (instant: Date) => formatLocalMinute(instant, event.timeZone);
  if (startsAt < bounds.start) {
    return fail(
      'SESSION_OUTSIDE_EVENT_DAYS',
      'startsAt',
      `startsAt ${local(startsAt)} is before the event's first day, ${first}.`,
    );
  }
  if (startsAt >= bounds.end) {
    return fail(
      'SESSION_OUTSIDE_EVENT_DAYS',
      'startsAt',
      `startsAt ${local(startsAt)} is after the event's last day, ${last}.`,
    );
  }
  if (endsAt > bounds.end) {
    return fail(
      'SESSION_OUTSIDE_EVENT_DAYS',
      'endsAt',
      `endsAt ${local(endsAt)} is after the event's last day, ${last}.`,
    );
  }
  const day = localDateOf(startsAt, event.timeZone);
  if (typeof change.day === 'string' && change.day !== day) {
    return fail(
      'SESSION_DAY_MISMATCH',
      'day',
      `day ${change.day} is not the day the session starts on, ${day} (startsAt ${local(startsAt)}).`,
    );
  }
  return { ok: true, times: { day, startsAt, endsAt, durationMinutes: minutes } };
}

function unscheduled(
  event: EventDays,
  change: SessionTimesChange,
  current: SessionTimes | undefined,
): SessionTimesResult {
  const durationMinutes = change.durationMinutes ?? current?.durationMinutes;
  if (durationMinutes === undefined) {
    return {
      ok: false,
      problem: {
        code: 'SESSION_DURATION_REQUIRED',
        field: 'durationMinutes',
        message: 'A session without startsAt and endsAt needs durationMinutes.',
      },
    };
  }
  const day = change.day !== undefined ? change.day : (current?.day ?? null);
  if (day !== null && (day < event.startDate || day > event.endDate)) {
    const before = day < event.startDate;
    return {
      ok: false,
      problem: {
        code: 'SESSION_OUTSIDE_EVENT_DAYS',
        field: 'day',
        message: before
          ? `day ${day} is before the event's first day, ${formatLongDate(event.startDate)}.`
          : `day ${day} is after the event's last day, ${formatLongDate(event.endDate)}.`,
      },
    };
  }
  return { ok: true, times: { day, startsAt: null, endsAt: null, durationMinutes } };
}
