import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReportingGroup } from '../organizations/domain/organization-kind';
import { type ChainHead, chainHeadOf } from './attendance.repository';
import type {
  AttendanceStatus,
  DelegationDayCount,
  DelegationInvite,
  DelegationRegistrations,
} from './domain/attendance';

/** The event a report is of, with its chain's head. */
export interface ReportEvent {
  id: string;
  slug: string;
  title: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  chain: ChainHead;
}

/** A session with the counts its report line needs. */
export interface SessionCounts {
  id: string;
  title: string;
  day: string | null;
  startsAt: Date | null;
  /** Confirmed registrations that chose the session. */
  chosenBy: number;
  /** Confirmed registrations checked in at the session, each once. */
  checkedIn: number;
}

/** Everything the report is computed from, in counts rather than delegate by delegate. */
export interface ReportFigures {
  invites: DelegationInvite[];
  registrations: DelegationRegistrations[];
  dayCounts: DelegationDayCount[];
  sessions: SessionCounts[];
}

/**
 * The attendance report's reads. Every figure is counted in the database (per organization, per
 * organization and day and status, per session), so the rows read grow with the delegations and
 * sessions, never with the delegates: an event of 100,000 registrations reads a few hundred rows,
 * in the same statements as an event of ten.
 */
@Injectable()
export class AttendanceReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The event and its chain head; null when there is no such event. */
  async findEvent(eventId: string): Promise<ReportEvent | null> {
    const rows = await this.dataSource.query<
      {
        id: string;
        slug: string;
        title: string;
        time_zone: string;
        start_date: string;
        end_date: string;
        chain_length: string | null;
        chain_head: string | null;
      }[]
    >(
      `SELECT e.id, e.slug, e.title, e.time_zone,
              to_char(e.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(e.end_date, 'YYYY-MM-DD') AS end_date,
              c.length AS chain_length, c.head AS chain_head
         FROM events e
         LEFT JOIN attendance_chains c ON c.event_id = e.id
        WHERE e.id = $1`,
      [eventId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      timeZone: row.time_zone,
      startDate: row.start_date,
      endDate: row.end_date,
      chain: chainHeadOf(row.chain_length, row.chain_head),
    };
  }

  /**
   * The counts the report is made of, in four statements whatever the event's size, read in one
   * snapshot (a repeatable-read transaction) so that the OH, the delegations and the sessions
   * agree with each other while check-ins go on.
   */
  figures(eventId: string): Promise<ReportFigures> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => ({
      invites: await findActiveInvites(manager, eventId),
      registrations: await countConfirmedByOrganization(manager, eventId),
      dayCounts: await countStatusesByOrganizationAndDay(manager, eventId),
      sessions: await countSessionAttendance(manager, eventId),
    }));
  }
}

/** The event's active invitations with their organizations' names and groups. */
async function findActiveInvites(
  manager: EntityManager,
  eventId: string,
): Promise<DelegationInvite[]> {
  const rows = await manager.query<
    { organization_id: string; name: string; reporting_group: ReportingGroup; seats: number }[]
  >(
    `SELECT i.organization_id, o.name, o.reporting_group, i.seat_quota AS seats
       FROM invitations i
       JOIN organizations o ON o.id = i.organization_id
      WHERE i.event_id = $1 AND i.status = 'active'`,
    [eventId],
  );
  return rows.map((row) => ({
    organizationId: row.organization_id,
    organizationName: row.name,
    reportingGroup: row.reporting_group,
    invitedSeats: Number(row.seats),
  }));
}

/** Confirmed registrations per organization; one row without organization for open ones. */
async function countConfirmedByOrganization(
  manager: EntityManager,
  eventId: string,
): Promise<DelegationRegistrations[]> {
  const rows = await manager.query<
    {
      organization_id: string | null;
      name: string | null;
      reporting_group: ReportingGroup | null;
      registered: string;
    }[]
  >(
    `SELECT r.organization_id, o.name, o.reporting_group, count(*) AS registered
       FROM registrations r
       LEFT JOIN organizations o ON o.id = r.organization_id
      WHERE r.event_id = $1 AND r.status = 'confirmed'
      GROUP BY r.organization_id, o.name, o.reporting_group`,
    [eventId],
  );
  return rows.map((row) => ({
    organization:
      row.organization_id === null || row.name === null || row.reporting_group === null
        ? null
        : {
            organizationId: row.organization_id,
            organizationName: row.name,
            reportingGroup: row.reporting_group,
          },
    registered: Number(row.registered),
  }));
}

/** Confirmed delegates per organization, day and status (one status per delegate and day). */
async function countStatusesByOrganizationAndDay(
  manager: EntityManager,
  eventId: string,
): Promise<DelegationDayCount[]> {
  const rows = await manager.query<
    { organization_id: string | null; day: string; status: AttendanceStatus; delegates: string }[]
  >(
    `SELECT r.organization_id, to_char(d.day, 'YYYY-MM-DD') AS day, d.status,
            count(*) AS delegates
       FROM attendance_days d
       JOIN registrations r ON r.id = d.registration_id
      WHERE d.event_id = $1 AND r.status = 'confirmed'
      GROUP BY r.organization_id, d.day, d.status`,
    [eventId],
  );
  return rows.map((row) => ({
    organizationId: row.organization_id,
    day: row.day,
    status: row.status,
    delegates: Number(row.delegates),
  }));
}

/**
 * The event's sessions in agenda order (unscheduled last) with, per session, the confirmed
 * registrations that chose it and those checked in at it, each counted once.
 */
async function countSessionAttendance(
  manager: EntityManager,
  eventId: string,
): Promise<SessionCounts[]> {
  const rows = await manager.query<
    {
      id: string;
      title: string;
      day: string | null;
      starts_at: Date | string | null;
      chosen_by: string;
      checked_in: string;
    }[]
  >(
    `WITH chosen AS (
       SELECT rs.session_id, count(*) AS chosen_by
         FROM sessions s
         JOIN registration_sessions rs ON rs.session_id = s.id
         JOIN registrations r ON r.id = rs.registration_id AND r.status = 'confirmed'
        WHERE s.event_id = $1
        GROUP BY rs.session_id
     ),
     checked AS (
       SELECT c.session_id, count(DISTINCT c.registration_id) AS checked_in
         FROM check_ins c
         JOIN registrations r ON r.id = c.registration_id AND r.status = 'confirmed'
        WHERE c.event_id = $1 AND c.action = 'check_in' AND c.session_id IS NOT NULL
        GROUP BY c.session_id
     )
     SELECT s.id, s.title, to_char(s.day, 'YYYY-MM-DD') AS day, s.starts_at,
            COALESCE(chosen.chosen_by, 0) AS chosen_by,
            COALESCE(checked.checked_in, 0) AS checked_in
       FROM sessions s
       LEFT JOIN chosen ON chosen.session_id = s.id
       LEFT JOIN checked ON checked.session_id = s.id
      WHERE s.event_id = $1
      ORDER BY s.day NULLS LAST, s.starts_at NULLS LAST, s.sort_key, s.id`,
    [eventId],
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    day: row.day,
    startsAt: row.starts_at === null ? null : new Date(row.starts_at),
    chosenBy: Number(row.chosen_by),
    checkedIn: Number(row.checked_in),
  }));
}
