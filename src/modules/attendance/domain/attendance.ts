import type { ReportingGroup } from '../../organizations/domain/organization-kind';
import { REPORTING_GROUPS } from '../../organizations/domain/organization-kind';

/**
 * A delegate's attendance on one day: `hadir` (present), `izin` (excused), `diwakili`
 * (represented by someone else, whose name is then required) and `tidak_hadir` (absent).
 */
export const ATTENDANCE_STATUSES = ['hadir', 'izin', 'diwakili', 'tidak_hadir'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * What an attendance entry records: arriving (at the door for the day, or in a session room),
 * leaving for the day, or a status an organizer set by hand.
 */
export const ATTENDANCE_ACTIONS = ['check_in', 'check_out', 'status'] as const;
export type AttendanceAction = (typeof ATTENDANCE_ACTIONS)[number];

/** How a check-in was taken: a scanned QR code, a typed registration code, or by staff by hand. */
export const CHECK_IN_METHODS = ['qr', 'code', 'manual'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

/**
 * The statuses that put a body in a seat. Hotel meeting packages are billed per person present,
 * and a representative eats and sits like the delegate would have, so `diwakili` counts with
 * `hadir`; `izin` and `tidak_hadir` do not.
 */
export const PRESENT_STATUSES: readonly AttendanceStatus[] = ['hadir', 'diwakili'];

/** Whether the status counts as someone present, for arrivals and person-days. */
export function isPresent(status: AttendanceStatus): boolean {
  return PRESENT_STATUSES.includes(status);
}

/** A status an organizer or staff member sets for a delegate's day. */
export interface StatusChange {
  status: AttendanceStatus;
  representativeName?: string | null;
}

/** What is wrong with a change, naming the field so that a 400 problem can point at it. */
export interface AttendanceProblem {
  field: 'representativeName';
  message: string;
}

/**
 * The problems with a status change, none when it may be saved. `diwakili` needs the
 * representative's name, for the daftar hadir shows who signed; any other status must not carry
 * one, so that a name left over from an earlier `diwakili` is not kept against a delegate who
 * came in person.
 */
export function validateStatusChange(change: StatusChange): AttendanceProblem[] {
  const name = (change.representativeName ?? '').trim();
  if (change.status === 'diwakili' && name === '') {
    return [
      {
        field: 'representativeName',
        message: 'representativeName is required when the status is diwakili',
      },
    ];
  }
  if (change.status !== 'diwakili' && name !== '') {
    return [
      {
        field: 'representativeName',
        message: 'representativeName is only allowed when the status is diwakili',
      },
    ];
  }
  return [];
}

/** One delegate's status on one local day. */
export interface DayStatusRow {
  registrationId: string;
  /** Local date, `YYYY-MM-DD`. */
  day: string;
  status: AttendanceStatus;
}

/** Person-days (orang-hari, OH) of one day. */
export interface PersonDays {
  day: string;
  personDays: number;
}

/**
 * Person-days (OH) per day, in day order: the delegates present (`hadir` or `diwakili`) that day,
 * each counted once however many rows they have (a morning and an afternoon session, say). Days
 * where nobody was present are listed with 0, so that a report shows every day it was given.
 */
export function personDaysByDay(rows: Iterable<DayStatusRow>): PersonDays[] {
  const present = new Map<string, Set<string>>();
  for (const row of rows) {
    const day = present.get(row.day) ?? new Set<string>();
    if (isPresent(row.status)) day.add(row.registrationId);
    present.set(row.day, day);
  }
  return [...present.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, registrations]) => ({ day, personDays: registrations.size }));
}

/** The OH of the whole event: the sum over its days, the figure the hotel invoices. */
export function totalPersonDays(days: readonly PersonDays[]): number {
  return days.reduce((sum, day) => sum + day.personDays, 0);
}

/** An organization invited to send delegates, with the seats it was given. */
export interface DelegationInvite {
  organizationId: string;
  organizationName: string;
  reportingGroup: ReportingGroup;
  invitedSeats: number;
}

/** A confirmed registration and the organization it sits for. */
export interface RegisteredDelegate {
  registrationId: string;
  organizationId: string;
  organizationName: string;
  reportingGroup: ReportingGroup;
}

/** One line of the arrival matrix: how far a delegation has arrived on the day. */
export interface DelegationArrival {
  organizationId: string;
  organizationName: string;
  reportingGroup: ReportingGroup;
  invitedSeats: number;
  registered: number;
  arrived: number;
}

/**
 * "Which delegations have arrived today": per organization, the seats it was invited with, its
 * registered delegates and those present on `day`. Organizations that registered without an
 * invitation (open registration) are listed with 0 seats, invited ones nobody registered for with
 * 0 registered. Statuses of other days and of registrations not listed are ignored. Sorted by
 * name, as the front desk reads it.
 */
export function arrivalMatrix(
  day: string,
  invites: Iterable<DelegationInvite>,
  delegates: Iterable<RegisteredDelegate>,
  statuses: Iterable<DayStatusRow>,
): DelegationArrival[] {
  const lines = new Map<string, DelegationArrival>();
  const lineOf = (organization: Omit<DelegationInvite, 'invitedSeats'>) => {
    const line = lines.get(organization.organizationId) ?? {
      organizationId: organization.organizationId,
      organizationName: organization.organizationName,
      reportingGroup: organization.reportingGroup,
      invitedSeats: 0,
      registered: 0,
      arrived: 0,
    };
    lines.set(organization.organizationId, line);
    return line;
  };
  for (const invite of invites) lineOf(invite).invitedSeats += invite.invitedSeats;
  const organizationOf = new Map<string, DelegationArrival>();
  for (const delegate of delegates) {
    const line = lineOf(delegate);
    line.registered += 1;
    organizationOf.set(delegate.registrationId, line);
  }
  const arrived = new Set<string>();
  for (const row of statuses) {
    if (row.day === day && isPresent(row.status)) arrived.add(row.registrationId);
  }
  for (const registrationId of arrived) {
    const line = organizationOf.get(registrationId);
    if (line) line.arrived += 1;
  }
  return [...lines.values()].sort(
    (a, b) =>
      a.organizationName.localeCompare(b.organizationName, 'id') ||
      a.organizationId.localeCompare(b.organizationId),
  );
}

/** The arrival counts of one reporting group. */
export interface GroupTotals {
  reportingGroup: ReportingGroup;
  invitedSeats: number;
  registered: number;
  arrived: number;
}

/**
 * The arrival matrix summed per reporting group, always K/L, Pemda, Lainnya in that order (with
 * zeros for a group nobody belongs to), so that reports keep the same shape from day to day.
 */
export function totalsByReportingGroup(lines: Iterable<DelegationArrival>): GroupTotals[] {
  const totals = new Map<ReportingGroup, GroupTotals>(
    REPORTING_GROUPS.map((reportingGroup) => [
      reportingGroup,
      { reportingGroup, invitedSeats: 0, registered: 0, arrived: 0 },
    ]),
  );
  for (const line of lines) {
    const total = totals.get(line.reportingGroup);
    if (!total) continue;
    total.invitedSeats += line.invitedSeats;
    total.registered += line.registered;
    total.arrived += line.arrived;
  }
  return [...totals.values()];
}
