import { neutralizeFormulaSql, neutralizePhoneSql } from '../../common/text/spreadsheet';
import type { ReportingGroup } from '../organizations/domain/organization-kind';
import type { AttendanceStatus } from './domain/attendance';
import { DAFTAR_HADIR_DATA_COLUMNS, STATUS_LABELS } from './render/daftar-hadir';

/**
 * Writes a value into a statement and returns what stands for it there: a bind parameter (`$3`),
 * or, for `COPY`, which takes no parameters, the value as a quoted literal.
 */
export type SqlValue = (value: string) => string;

/** Bind parameters: `value` adds one and returns its placeholder; `values` go with the statement. */
export function bindParameters(): { value: SqlValue; values: string[] } {
  const values: string[] = [];
  return {
    values,
    value: (value) => {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** Which delegates a daftar hadir lists, and how. */
export interface DaftarHadirScope {
  eventId: string;
  /** The event's local day, YYYY-MM-DD. */
  day: string;
  /** One session of that day: its check-ins and, when anyone chose it, those who did. */
  sessionId: string | null;
  organizationId: string | null;
  reportingGroup: ReportingGroup | null;
  /** The whole phone number, for those whose role may see it; else the masked one. */
  wholePhone: boolean;
}

/** A row of `daftarHadirRowsSql`. */
export interface DaftarHadirSqlRow {
  no: number;
  display_name: string;
  nip: string | null;
  position: string | null;
  organization: string | null;
  phone: string | null;
  checked_in_at: string | null;
  status: AttendanceStatus | null;
}

/** The event and what the header names, read in the same snapshot as the rows. */
export interface DaftarHadirHeaderSqlRow {
  title: string;
  slug: string;
  start_date: string;
  end_date: string;
  venue_name: string | null;
  venue_city: string | null;
  chain_length: string | null;
  chain_head: string | null;
  session_found: boolean;
  session_day: string | null;
  session_title: string | null;
  organization_name: string | null;
}

/**
 * The event, its attendance chain head, and the session and organization the request names
 * (null when there is none such); no row when there is no such event.
 */
export function daftarHadirHeaderSql(
  scope: Pick<DaftarHadirScope, 'eventId' | 'sessionId' | 'organizationId'>,
  value: SqlValue,
): string {
  const session = scope.sessionId === null ? 'NULL' : `${value(scope.sessionId)}::uuid`;
  const organization =
    scope.organizationId === null ? 'NULL' : `${value(scope.organizationId)}::uuid`;
  return `SELECT e.title, e.slug, to_char(e.start_date, 'YYYY-MM-DD') AS start_date,
       to_char(e.end_date, 'YYYY-MM-DD') AS end_date, e.venue_name, e.venue_city,
       c.length AS chain_length, c.head AS chain_head,
       s.id IS NOT NULL AS session_found, to_char(s.day, 'YYYY-MM-DD') AS session_day,
       s.title AS session_title, o.name AS organization_name
  FROM events e
  LEFT JOIN attendance_chains c ON c.event_id = e.id
  LEFT JOIN sessions s ON s.id = ${session} AND s.event_id = e.id
  LEFT JOIN organizations o ON o.id = ${organization}
 WHERE e.id = ${value(scope.eventId)}::uuid`;
}

/**
 * The order of the list: by organization (its name, or the delegate's work unit for a delegate
 * without one, who come last), then the registration's sort key (the folded name), then its id.
 * Names compare byte by byte (`COLLATE "C"`), so that every database orders them alike.
 */
const LIST_ORDER = `o.id IS NULL, COALESCE(o.name, r.work_unit) COLLATE "C", o.id, r.sort_key, r.id`;

/**
 * One row per confirmed registration of the event that the scope selects, numbered in the list's
 * order: the name with titles, NIP, position, organization, phone (whole or masked), the check-in
 * time as the event's local clock ("08.12") and the status, the raw values the writers lay out.
 *
 * For the day, the time is the day's first check-in and the status the day's. For a session, the
 * time is the check-in to that session, and the status `hadir` when there is one, else the day's
 * status unless that is `hadir` (present that day, but not seen in the session), else none; the
 * list holds those who chose the session when anyone confirmed did, else everyone.
 * A delegate with no record has no status (null), not `tidak_hadir`.
 */
export function daftarHadirRowsSql(scope: DaftarHadirScope, value: SqlValue): string {
  const day = `${value(scope.day)}::date`;
  const filters = [`r.event_id = ${value(scope.eventId)}::uuid`, `r.status = 'confirmed'`];
  if (scope.organizationId !== null) {
    filters.push(`r.organization_id = ${value(scope.organizationId)}::uuid`);
  }
  if (scope.reportingGroup !== null) {
    // A delegate without an organization counts as `Lainnya`, like anyone outside government.
    filters.push(
      `COALESCE(o.reporting_group::text, 'Lainnya') = ${value(scope.reportingGroup)}::text`,
    );
  }
  let sessionJoin = '';
  let checkedInAt = 'd.checked_in_at';
  let status = 'd.status';
  if (scope.sessionId !== null) {
    const session = `${value(scope.sessionId)}::uuid`;
    sessionJoin = `
  LEFT JOIN check_ins c ON c.registration_id = r.id AND c.day = ${day}
       AND c.session_id = ${session} AND c.action = 'check_in'`;
    checkedInAt = 'c.occurred_at';
    status = `CASE WHEN c.id IS NOT NULL THEN 'hadir'::attendance_status
                   WHEN d.status <> 'hadir' THEN d.status END`;
    filters.push(`(NOT EXISTS (SELECT 1 FROM registration_sessions cs
                      JOIN registrations cr ON cr.id = cs.registration_id AND cr.status = 'confirmed'
                     WHERE cs.session_id = ${session})
        OR EXISTS (SELECT 1 FROM registration_sessions cs
                    WHERE cs.session_id = ${session} AND cs.registration_id = r.id))`);
  }
  return `SELECT (row_number() OVER (ORDER BY ${LIST_ORDER}))::int AS no,
       r.display_name, r.nip, r.position, COALESCE(o.name, r.work_unit) AS organization,
       ${scope.wholePhone ? 'r.phone' : 'r.phone_masked'} AS phone,
       to_char(${checkedInAt} AT TIME ZONE e.time_zone, 'HH24.MI') AS checked_in_at,
       ${status} AS status
  FROM registrations r
  JOIN events e ON e.id = r.event_id
  LEFT JOIN organizations o ON o.id = r.organization_id
  LEFT JOIN attendance_days d ON d.registration_id = r.id AND d.day = ${day}${sessionJoin}
 WHERE ${filters.join('\n   AND ')}
 ORDER BY ${LIST_ORDER}`;
}

/**
 * The list as the CSV's cells, one text column per data column of the daftar hadir, named as its
 * header: every text cell neutralized against formulas (the phone as `neutralizePhone` does), the
 * status as its label, and empty text as NULL so that it is written as an empty field however the
 * CSV is written. The same statement feeds `COPY … TO STDOUT` and, where COPY cannot stream, a
 * CSV writer in JavaScript.
 */
export function daftarHadirCsvSql(scope: DaftarHadirScope, value: SqlValue): string {
  const text = (sql: string) => `NULLIF(${neutralizeFormulaSql(sql)}, '')`;
  const label = `CASE l.status::text ${Object.entries(STATUS_LABELS)
    .map(([status, name]) => `WHEN ${value(status)}::text THEN ${value(name)}::text`)
    .join(' ')} END`;
  const cells: Record<(typeof DAFTAR_HADIR_DATA_COLUMNS)[number], string> = {
    No: 'l.no',
    Nama: text('l.display_name'),
    NIP: text('l.nip'),
    Jabatan: text('l.position'),
    Instansi: text('l.organization'),
    Telepon: `NULLIF(${neutralizePhoneSql('l.phone')}, '')`,
    'Jam Hadir': 'l.checked_in_at',
    Status: label,
  };
  const columns = DAFTAR_HADIR_DATA_COLUMNS.map((column) => `${cells[column]} AS "${column}"`);
  return `SELECT ${columns.join(',\n       ')}
  FROM (${daftarHadirRowsSql(scope, value)}) l
 ORDER BY l.no`;
}
