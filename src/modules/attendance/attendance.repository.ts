import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AttendanceAction, AttendanceStatus, CheckInMethod } from './domain/attendance';
import { type ChainedCheckIn, type CheckInRecord, GENESIS_HASH } from './domain/hash-chain';
import type { RegistrationStatus } from '../registrations/registration.entity';

/** The event's calendar, and the registration a scan names when it is in the event. */
export interface ScanTarget {
  timeZone: string;
  startDate: string;
  endDate: string;
  registration: {
    id: string;
    code: string;
    status: RegistrationStatus;
    displayName: string;
    organization: string | null;
  } | null;
}

/** Whom a scan names: the hash of a registration code, or a registration picked by hand. */
export type ScanKey = { codeHash: string } | { registrationId: string };

/**
 * An entry to write through `record_attendance`: the chained record but for what the database
 * decides (the id, and the status a scan leaves), with the time as a `Date`.
 */
export type EntryRequest = Omit<CheckInRecord, 'id' | 'status' | 'occurredAt'> & {
  status: AttendanceStatus | null;
  occurredAt: Date;
};

/** What `record_attendance` said. */
export type EntryOutcome =
  | 'recorded'
  | 'already'
  | 'replayed'
  | 'not_found'
  | 'not_confirmed'
  | 'not_checked_in'
  | 'unchanged';

/** A stored entry as the API and the chain read it. */
export interface StoredEntry extends ChainedCheckIn {
  position: number;
  occurredAt: Date;
}

export interface EntryResult {
  outcome: EntryOutcome;
  registrationStatus: RegistrationStatus | null;
  entry: StoredEntry | null;
}

/** The columns of a `check_ins` row, with the day as text, for `toStoredEntry`. */
export const ENTRY_COLUMNS = `id, event_id, position, registration_id,
  to_char(day, 'YYYY-MM-DD') AS day, session_id, action, method, status, representative_name,
  occurred_at, staff_user_id, client_scan_id, hash`;

interface EntryRow {
  id: string | null;
  event_id: string;
  position: string;
  registration_id: string;
  day: string;
  session_id: string | null;
  action: AttendanceAction;
  method: CheckInMethod;
  status: AttendanceStatus;
  representative_name: string | null;
  occurred_at: Date;
  staff_user_id: string;
  client_scan_id: string | null;
  hash: string;
}

/** A `check_ins` row as a stored entry; null for the empty row a refusal returns. */
export function toStoredEntry(row: EntryRow): StoredEntry | null {
  if (row.id === null) return null;
  return {
    id: row.id,
    eventId: row.event_id,
    position: Number(row.position),
    registrationId: row.registration_id,
    day: row.day,
    sessionId: row.session_id,
    action: row.action,
    method: row.method,
    status: row.status,
    representativeName: row.representative_name,
    occurredAt: row.occurred_at,
    staffUserId: row.staff_user_id,
    clientScanId: row.client_scan_id,
    hash: row.hash,
  };
}

/** A delegate's day as `attendance_days` holds it. */
export interface DayState {
  status: AttendanceStatus;
  representativeName: string | null;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}

/** The head of an event's attendance chain: its length and last hash (64 zeros when empty). */
export interface ChainHead {
  length: number;
  head: string;
}

/** The statement behind every scan: exported so that the benchmark runs the very same SQL. */
export const RECORD_ENTRY_SQL = `SELECT outcome, registration_status, ${ENTRY_COLUMNS}
  FROM (SELECT r.outcome, r.registration_status, (r.entry).*
          FROM record_attendance($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) r) entry`;

/** Finds a scanned registration with its event's calendar: exported for the benchmark too. */
export const SCAN_TARGET_SQL = `SELECT e.time_zone, to_char(e.start_date, 'YYYY-MM-DD') AS start_date,
       to_char(e.end_date, 'YYYY-MM-DD') AS end_date,
       r.id, r.code, r.status, r.display_name, COALESCE(o.name, r.work_unit) AS organization
  FROM events e
  LEFT JOIN registrations r ON r.event_id = e.id AND (r.code_hash = $2 OR r.id = $3)
  LEFT JOIN organizations o ON o.id = r.organization_id
 WHERE e.id = $1`;

/** The attendance ledger and what it leaves: written only through `record_attendance`. */
@Injectable()
export class AttendanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The event's calendar and the scanned registration; null when there is no such event. */
  async scanTarget(eventId: string, key: ScanKey): Promise<ScanTarget | null> {
    const rows = await this.dataSource.query<
      {
        time_zone: string;
        start_date: string;
        end_date: string;
        id: string | null;
        code: string;
        status: RegistrationStatus;
        display_name: string;
        organization: string | null;
      }[]
    >(SCAN_TARGET_SQL, [
      eventId,
      'codeHash' in key ? key.codeHash : null,
      'registrationId' in key ? key.registrationId : null,
    ]);
    const row = rows[0];
    if (!row) return null;
    return {
      timeZone: row.time_zone,
      startDate: row.start_date,
      endDate: row.end_date,
      registration:
        row.id === null
          ? null
          : {
              id: row.id,
              code: row.code,
              status: row.status,
              displayName: row.display_name,
              organization: row.organization,
            },
    };
  }

  /** The local day of one of the event's sessions; undefined when the event has no such session. */
  async sessionDay(eventId: string, sessionId: string): Promise<string | null | undefined> {
    const rows = await this.dataSource.query<{ day: string | null }[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM sessions WHERE id = $1 AND event_id = $2`,
      [sessionId, eventId],
    );
    return rows[0] ? rows[0].day : undefined;
  }

  /** Writes an entry, or learns why not, in one statement (see `record_attendance`). */
  async record(request: EntryRequest): Promise<EntryResult> {
    const rows = await this.dataSource.query<
      (EntryRow & { outcome: EntryOutcome; registration_status: RegistrationStatus | null })[]
    >(RECORD_ENTRY_SQL, [
      request.eventId,
      request.registrationId,
      request.day,
      request.sessionId,
      request.action,
      request.method,
      request.status,
      request.representativeName,
      request.occurredAt,
      request.staffUserId,
      request.clientScanId,
    ]);
    const row = rows[0];
    if (!row) throw new Error('record_attendance gave no row');
    return {
      outcome: row.outcome,
      registrationStatus: row.registration_status,
      entry: toStoredEntry(row),
    };
  }

  /** A delegate's attendance on one day, as the ledger left it; null when nothing was recorded. */
  async dayState(registrationId: string, day: string): Promise<DayState | null> {
    const rows = await this.dataSource.query<
      {
        status: AttendanceStatus;
        representative_name: string | null;
        checked_in_at: Date | null;
        checked_out_at: Date | null;
      }[]
    >(
      `SELECT status, representative_name, checked_in_at, checked_out_at
         FROM attendance_days WHERE registration_id = $1 AND day = $2`,
      [registrationId, day],
    );
    const row = rows[0];
    return row
      ? {
          status: row.status,
          representativeName: row.representative_name,
          checkedInAt: row.checked_in_at,
          checkedOutAt: row.checked_out_at,
        }
      : null;
  }

  /** The chain's stored head; length 0 and 64 zeros before the first entry. */
  async chainHead(eventId: string): Promise<ChainHead> {
    const rows = await this.dataSource.query<{ length: string; head: string }[]>(
      `SELECT length, head FROM attendance_chains WHERE event_id = $1`,
      [eventId],
    );
    return chainHeadOf(rows[0]?.length ?? null, rows[0]?.head ?? null);
  }
}

/** The head of a chain with no entries. */
function emptyChain(): ChainHead {
  return { length: 0, head: GENESIS_HASH };
}

/** The head as `attendance_chains` columns read through a LEFT JOIN give it: empty when absent. */
export function chainHeadOf(length: string | null, head: string | null): ChainHead {
  return length === null || head === null ? emptyChain() : { length: Number(length), head };
}
