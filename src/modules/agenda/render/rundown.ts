import type { SessionRole, SessionType } from '../../sessions/domain/session-kinds';

/**
 * The rundown ("susunan acara") as every output format renders it: the event's header and its
 * timed items in order, with names already resolved. Plain data, built by the agenda service from
 * the working agenda or a published version; the renderers (iCalendar, PDF, HTML, CSV) read
 * nothing else. Instants are epoch milliseconds; local days are `YYYY-MM-DD` in the event's zone.
 */
export interface Rundown {
  event: RundownEvent;
  /** The published version rendered, or null for the working (unpublished) agenda. */
  version: number | null;
  /**
   * When that version was published; for the working agenda, when it last changed. The
   * iCalendar DTSTAMP and the "as of" line of printed outputs.
   */
  asOf: number;
  /** A per-person agenda: whose it is. Null for the whole event's rundown. */
  person: { id: string; name: string } | null;
  /** Timed items by start, end, then id. Unscheduled items are not part of a rundown. */
  items: RundownItem[];
}

export interface RundownEvent {
  id: string;
  slug: string;
  title: string;
  /** IANA zone; every time is shown in it ("08.00–11.00 WIB"). */
  timeZone: string;
  startDate: string;
  endDate: string;
  venueName: string | null;
  venueAddress: string | null;
  venueCity: string | null;
  /** The organizing unit ("Pusat Penerangan Kemendagri"), when known. */
  organizerName: string | null;
}

export interface RundownItem {
  /** The session's id: stable across versions, so it makes the iCalendar UID. */
  id: string;
  title: string;
  type: SessionType;
  description: string | null;
  start: number;
  end: number;
  /** Local day of the start, `YYYY-MM-DD`. */
  day: string;
  roomId: string | null;
  roomName: string | null;
  track: string | null;
  /** Role holders in program order: the person's display name with titles, or the team's name. */
  holders: RundownHolder[];
  /**
   * iCalendar SEQUENCE: how many published versions changed this item after it first appeared.
   * 0 for an item never changed; never decreases.
   */
  sequence: number;
}

export interface RundownHolder {
  role: SessionRole;
  /** "Dr. Drs. H. Suhajar Diantoro, M.Si" or "Tim Grid Story Factory". */
  name: string;
  personId: string | null;
  organizationId: string | null;
}
