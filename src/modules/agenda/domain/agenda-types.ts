import type { SessionRole, SessionType } from '../../sessions/domain/session-kinds';

/**
 * The agenda as the pure core sees it: plain data, no entities. Instants are epoch milliseconds
 * (UTC); local days are `YYYY-MM-DD` text and local clock times `HH:mm` text, both read in the
 * event's IANA zone. Intervals are half-open, `[start, end)`: an item ending at 10:00 and the next
 * starting at 10:00 do not overlap.
 */

/** A span of time, `[start, end)`, in epoch milliseconds. */
export interface TimeRange {
  /** First instant inside the range. */
  start: number;
  /** First instant after the range. */
  end: number;
}

/** Who holds a role in an item: a person or an organization (a team from outside). */
export interface AgendaRoleHolder {
  /** What the holder does there: speaker, moderator, MC, official… */
  role: SessionRole;
  /** The person holding the role, when a person does. */
  personId?: string | null;
  /** The organization holding the role, when a team does (e.g. "Tim Grid Story Factory"). */
  organizationId?: string | null;
}

/** One agenda item (session): what it is, when, where, and who holds roles in it. */
export interface AgendaItem {
  /** Stable id; conflicts name items by it. */
  id: string;
  /** The title shown to people; conflict messages quote it. */
  title: string;
  /** What kind of item it is; `break` and `meal_prayer` (ISHOMA) are breaks themselves. */
  type: SessionType;
  /**
   * When it starts, epoch ms, or null while unscheduled. An item is on the clock only when
   * both `start` and `end` are set and `end > start`; otherwise the time checks skip it.
   */
  start: number | null;
  /** When it ends, epoch ms, exclusive; null while unscheduled. */
  end: number | null;
  /** Planned length in minutes; what generation places an unscheduled item by. */
  durationMinutes: number;
  /**
   * The event's local day the item belongs to. For a scheduled item the start's local day; for an
   * unscheduled one the day it is meant for, or null when any day will do.
   */
  day: string | null;
  /** The room it is held in, or null when not yet given one. */
  roomId: string | null;
  /** How many people the organizers expect; an estimate, null when unknown. */
  expectedAudience: number | null;
  /**
   * Seats registration will give out for this item (parallel sessions), null or absent when the
   * item has no limit of its own. Unlike `expectedAudience` this is a promise to delegates.
   */
  capacity?: number | null;
  /** Everyone holding a role; the same holder may appear with several roles. */
  holders: readonly AgendaRoleHolder[];
}

/** The hours items may run on one local day; several on one date are allowed. */
export interface DayWindow {
  /** The local day, `YYYY-MM-DD`. */
  date: string;
  /** Local clock time the window opens, `HH:mm`. */
  from: string;
  /**
   * Local clock time it closes, `HH:mm`, exclusive. `24:00` is the following midnight; a time
   * not after `from` means the next day, so `19:00`–`01:00` runs past midnight.
   */
  to: string;
}

/** A room of the venue. */
export interface AgendaRoom {
  id: string;
  /** Shown to people ("Ballroom"). */
  name: string;
  /** Seats, or null when unknown (no size check then). */
  capacity: number | null;
}

/** A person who may hold roles, with their display name and when they can be there. */
export interface AgendaPerson {
  id: string;
  /** The full display name with titles ("Dr. Drs. H. Suhajar Diantoro, M.Si"). */
  name: string;
  /**
   * When the person can be at the event. Absent or empty: nothing was said, so always available.
   * Ranges may touch or overlap; together they form the available time.
   */
  availability?: readonly TimeRange[];
}

/** An organization that may hold roles as a team. */
export interface AgendaOrganization {
  id: string;
  /** Shown to people ("Tim Grid Story Factory"). */
  name: string;
}

/** A daily fixed time, `HH:mm` to `HH:mm`, in the event's zone. */
export interface DailyTime {
  from: string;
  to: string;
}

/** How breaks are made and kept. */
export interface BreakRules {
  /** Generation: length of a coffee break, in minutes. */
  coffeeBreakMinutes?: number;
  /** Generation: a coffee break after this many continuous minutes of items. */
  coffeeBreakAfterMinutes?: number;
  /** ISHOMA (istirahat, sholat, makan): the prayer and meal break, every event day. */
  ishoma?: DailyTime;
  /**
   * Whether items other than breaks may not run over ISHOMA. Defaults to true when `ishoma` is
   * given: the window is a fixed break unless the organizers say it is not.
   */
  ishomaForbidsItems?: boolean;
}

/** What the agenda is checked against: the event's days and hours, venue, people and rules. */
export interface AgendaContext {
  /** The event's IANA zone ("Asia/Jakarta"); local days and times are read in it. */
  timeZone: string;
  /** First local day of the event, `YYYY-MM-DD`. */
  startDate: string;
  /** Last local day, inclusive. */
  endDate: string;
  /**
   * The hours items may run. Absent or empty: any time of the event's days. Given: items must lie
   * within them, and a day without a window takes no items.
   */
  dayWindows?: readonly DayWindow[];
  /** The venue's rooms. */
  rooms: readonly AgendaRoom[];
  /** People who hold roles; their names go into messages (the id stands in for an unknown one). */
  people: readonly AgendaPerson[];
  /** Organizations that hold roles as teams; their names go into messages. */
  organizations?: readonly AgendaOrganization[];
  /** Break rules; absent: no fixed breaks. */
  breakRules?: BreakRules;
}
