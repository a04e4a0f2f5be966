import type { SessionRole, SessionType } from '../../sessions/domain/session-kinds';
import {
  formatClock,
  formatDateSpan,
  formatInstantDay,
  formatLongDay,
  roleLabel,
  zoneLabel,
} from '../domain/indonesian-format';
import type { Rundown, RundownEvent, RundownHolder, RundownItem } from './rundown';

/**
 * The words every rundown format shares, so that the PDF, the HTML page, the calendar and the
 * spreadsheet say the same thing the same way. Printed rundowns are in Bahasa Indonesia.
 */

/** The heading of a printed rundown. */
export const RUNDOWN_HEADING = 'SUSUNAN ACARA';

/** The column headings of the printed rundown's table. */
export const RUNDOWN_COLUMNS = { time: 'Waktu', item: 'Acara', notes: 'Keterangan' } as const;

/** What each kind of item is called in a listing ("Jenis"). */
const SESSION_TYPE_LABELS: Readonly<Record<SessionType, string>> = {
  opening: 'Pembukaan',
  remarks: 'Sambutan',
  report: 'Laporan',
  keynote: 'Pidato Kunci',
  plenary: 'Pleno',
  panel: 'Panel',
  workshop: 'Lokakarya',
  discussion: 'Diskusi',
  break: 'Rehat',
  meal_prayer: 'ISHOMA',
  closing: 'Penutupan',
  other: 'Lainnya',
};

/** The kind of item for people: "Lokakarya", "ISHOMA". */
export function sessionTypeLabel(type: SessionType): string {
  return SESSION_TYPE_LABELS[type];
}

/** True for items that are a pause (coffee break, ISHOMA), which printed rundowns set apart. */
export function isBreak(item: RundownItem): boolean {
  return item.type === 'break' || item.type === 'meal_prayer';
}

/** A role as a label before names: "Narasumber", "Pembawa Acara". */
function roleTitle(role: SessionRole): string {
  return roleLabel(role, 'id').replace(/(^|\s)\p{Ll}/gu, (letter) => letter.toUpperCase());
}

/**
 * Who does what in an item, one line per role in program order: "Narasumber: Dr. Drs. H.
 * Suhajar Diantoro, M.Si; Tim Grid Story Factory", "Moderator: Moh Ilham A Hamudy". Names of one
 * role are joined by semicolons because names themselves carry commas (", M.Si").
 */
export function holderLines(holders: readonly RundownHolder[]): string[] {
  const namesByRole = new Map<SessionRole, string[]>();
  for (const holder of holders) {
    const names = namesByRole.get(holder.role) ?? [];
    names.push(holder.name);
    namesByRole.set(holder.role, names);
  }
  return [...namesByRole].map(([role, names]) => `${roleTitle(role)}: ${names.join('; ')}`);
}

/**
 * What the printed rundown's Keterangan column says of each item: who does what, then the room
 * and the track, which are worth a line only when the rundown has several rooms or any track
 * (parallel sessions); a one-room event does not repeat "Ruang: Ballroom" on every row.
 */
export function itemNotes(rundown: Rundown): (item: RundownItem) => string[] {
  const severalRooms = new Set(rundown.items.map((item) => item.roomId)).size > 1;
  return (item) => [
    ...holderLines(item.holders),
    ...(severalRooms && item.roomName ? [`Ruang: ${item.roomName}`] : []),
    ...(item.track ? [`Jalur: ${item.track}`] : []),
  ];
}

/** What a printed rundown says when no item is scheduled yet. */
export const EMPTY_RUNDOWN_TEXT = 'Belum ada acara yang dijadwalkan.';

/** The items of one local day, under its heading. */
export interface RundownDay {
  /** `YYYY-MM-DD` in the event's zone. */
  date: string;
  /** "Rabu, 29 Juni 2022". */
  label: string;
  items: RundownItem[];
}

/** The rundown's items by local day, in the rundown's order; days without items are left out. */
export function rundownDays(rundown: Rundown): RundownDay[] {
  const days: RundownDay[] = [];
  for (const item of rundown.items) {
    const last = days.at(-1);
    if (last?.date === item.day) last.items.push(item);
    else days.push({ date: item.day, label: formatLongDay(item.day, 'id'), items: [item] });
  }
  return days;
}

/** Where the event is held: "El Royal Hotel, Jl. …, Jakarta Utara", or null when unknown. */
function venueLine(event: RundownEvent): string | null {
  const parts = [event.venueName, event.venueAddress, event.venueCity].filter(
    (part): part is string => Boolean(part),
  );
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Where an item takes place: its room, then the venue ("Ballroom, El Royal Hotel, …"). */
export function itemLocation(item: RundownItem, event: RundownEvent): string | null {
  const parts = [item.roomName, venueLine(event)].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Whose agenda it is, for a per-person rundown: "Agenda Moh Ilham A Hamudy". */
function personLine(rundown: Rundown): string | null {
  return rundown.person ? `Agenda ${rundown.person.name}` : null;
}

/**
 * The document's title, for the PDF metadata and the HTML `<title>`: "Susunan Acara: <event>", or
 * "Agenda <name>: <event>" for one person's.
 */
export function documentTitle(rundown: Rundown): string {
  return `${personLine(rundown) ?? 'Susunan Acara'}: ${rundown.event.title}`;
}

/**
 * The lines under the title of a printed rundown: whose agenda, the days ("28–30 Juni 2022"),
 * the venue and the organizer; the unknown ones are left out.
 */
export function headerLines(rundown: Rundown): string[] {
  const { event } = rundown;
  const organizer = event.organizerName ? `Penyelenggara: ${event.organizerName}` : null;
  return [
    personLine(rundown),
    formatDateSpan(event.startDate, event.endDate, 'id'),
    venueLine(event),
    organizer,
  ].filter((line): line is string => line !== null);
}

/**
 * Which agenda this is, for the footer: "Versi 2, diterbitkan Senin, 27 Juni 2022" for a
 * published version, "Draf, per Senin, 27 Juni 2022 pukul 14.05 WIB" for the working agenda,
 * which can change again within the day.
 */
export function versionLine(rundown: Rundown): string {
  const { asOf, version, event } = rundown;
  const day = formatInstantDay(asOf, event.timeZone, 'id');
  if (version !== null) return `Versi ${version}, diterbitkan ${day}`;
  const clock = formatClock(asOf, event.timeZone, 'id');
  return `Draf, per ${day} pukul ${clock} ${zoneLabel(event.timeZone, asOf)}`;
}
