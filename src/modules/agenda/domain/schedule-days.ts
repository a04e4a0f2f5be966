import { addDays, parseZonedTimestamp } from '../../../common/time/zoned-time';
import type { AgendaContext, TimeRange } from './agenda-types';
import { mergeRanges } from './time-ranges';

/** An event day as generation sees it: its windows as instants, and its ISHOMA if any. */
export interface ScheduleDay {
  date: string;
  /** Merged, sorted; the whole local day when the context gives no windows at all. */
  windows: TimeRange[];
  ishoma: TimeRange | null;
}

/** The event's days in order, with their windows and ISHOMA; what generation places into. */
export function scheduleDays(context: AgendaContext): ScheduleDay[] {
  const zone = context.timeZone;
  const days: ScheduleDay[] = [];
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
