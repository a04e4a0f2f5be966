import ical, { escape, ICalCalendarMethod } from 'ical-generator';
import type { Rundown, RundownItem } from './rundown';
import { holderLines, itemLocation } from './rundown-text';

/** Names Rakor as the calendar's producer (`PRODID:-//Rakor//Susunan Acara//ID`). */
const PRODUCT_ID = { company: 'Rakor', product: 'Susunan Acara', language: 'ID' };

/**
 * The rundown as an iCalendar feed (RFC 5545), one VEVENT per item, breaks included. A calendar
 * that subscribes to it updates items in place: the UID is the session's id and SEQUENCE grows
 * with each published change. Times are written as UTC instants, which every client reads right
 * without a VTIMEZONE; X-WR-TIMEZONE tells clients that honour it the zone to show them in. The
 * same rundown always gives the same text (DTSTAMP is the rundown's `asOf`, not now).
 */
export function renderIcs(rundown: Rundown, options: { calendarName?: string } = {}): string {
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: calendarNameText(options.calendarName ?? rundown.event.title),
    x: { 'X-WR-TIMEZONE': rundown.event.timeZone },
  });
  for (const item of rundown.items) {
    calendar.createEvent({
      id: `${item.id}@rakor`,
      sequence: item.sequence,
      stamp: new Date(rundown.asOf),
      start: new Date(item.start),
      end: new Date(item.end),
      summary: item.title,
      location: itemLocation(item, rundown.event),
      description: eventDescription(item),
    });
  }
  return calendar.toString();
}

/**
 * ical-generator 10 writes NAME and X-WR-CALNAME as given, unlike SUMMARY or LOCATION, so the
 * name is escaped here: a comma or semicolon in an event title would otherwise split the value.
 * Line breaks, which the name may not hold, become spaces.
 */
function calendarNameText(name: string): string {
  return escape(name.replace(/\s+/g, ' ').trim(), false);
}

/** Who does what ("Narasumber: …", "Moderator: …"), then the item's description. */
function eventDescription(item: RundownItem): string | null {
  const parts = [holderLines(item.holders).join('\n'), item.description ?? ''].filter(Boolean);
  return parts.length > 0 ? parts.join('\n\n') : null;
}
