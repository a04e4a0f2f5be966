import { addDays } from '../../../common/time/zoned-time';
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
  /** Null for the line of open registrations, which came through no delegation. */
  organizationId: string | null;
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
      (a.organizationId ?? '').localeCompare(b.organizationId ?? ''),
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

/** The local days of an event, first to last, both included: `2030-06-28`, `2030-06-29`, … */
export function eventDays(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  for (let day = startDate; day <= endDate; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The day a report's arrival matrix is for: the one asked for; else today when the event is on
 * (the front desk asks "who has arrived?" during the event); else the event's first day. Null
 * when the day asked for is not one of the event's.
 */
export function arrivalDay(
  days: readonly string[],
  today: string,
  requested?: string,
): string | null {
  if (requested !== undefined) return days.includes(requested) ? requested : null;
  if (days.includes(today)) return today;
  return days[0] ?? null;
}

/** An invited organization, without its seats. */
export type DelegationOrganization = Omit<DelegationInvite, 'invitedSeats'>;

/** How many confirmed registrations an organization has; no organization for open registration. */
export interface DelegationRegistrations {
  organization: DelegationOrganization | null;
  registered: number;
}

/**
 * How many of an organization's confirmed delegates had a status on a day, as the database
 * counts them (a delegate has one status per day). Organization null for open registration.
 */
export interface DelegationDayCount {
  organizationId: string | null;
  /** Local date, `YYYY-MM-DD`. */
  day: string;
  status: AttendanceStatus;
  delegates: number;
}

/** The delegates of a delegation present on one day. */
export interface PresentOnDay {
  day: string;
  present: number;
}

/** A delegation's seats, registrations, and the delegates present on each day of the event. */
export interface DelegationAttendance {
  /** Null for the line of open registrations. */
  organizationId: string | null;
  organizationName: string;
  reportingGroup: ReportingGroup;
  invitedSeats: number;
  registered: number;
  /** One per day given, in that order. */
  present: PresentOnDay[];
}

/**
 * The line open registrations (no invitation, so no organization) are counted under: after the
 * delegations, in the group of everyone else.
 */
export const OPEN_REGISTRATION_LINE = {
  organizationName: 'Pendaftar umum',
  reportingGroup: 'Lainnya',
} as const satisfies Omit<DelegationOrganization, 'organizationId'>;

/**
 * Person-days (OH) per day from counts per delegation, day and status: the same figures as
 * `personDaysByDay` gives from one row per delegate, for events too large to read delegate by
 * delegate. Every day given is listed, in order, with 0 where nobody was present; counts of
 * other days are ignored.
 */
export function personDaysFromCounts(
  days: readonly string[],
  counts: Iterable<DelegationDayCount>,
): PersonDays[] {
  const present = new Map<string, number>(days.map((day) => [day, 0]));
  for (const count of counts) {
    const sum = present.get(count.day);
    if (sum !== undefined && isPresent(count.status)) present.set(count.day, sum + count.delegates);
  }
  return [...present.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, personDays]) => ({ day, personDays }));
}

/**
 * Per delegation: the seats it was invited with (active invitations, added up), its confirmed
 * registrations and its delegates present (`hadir` or `diwakili`) on each of `days`. As in
 * `arrivalMatrix`, organizations that registered without an invitation have 0 seats and invited
 * ones nobody registered for have 0 registered; open registrations make one line of their own,
 * `OPEN_REGISTRATION_LINE`, listed last. Counts of organizations with no registration line, or of
 * other days, are ignored. Sorted by name, as the front desk reads it.
 */
export function delegationAttendance(
  days: readonly string[],
  invites: Iterable<DelegationInvite>,
  registrations: Iterable<DelegationRegistrations>,
  counts: Iterable<DelegationDayCount>,
): DelegationAttendance[] {
  const lines = new Map<string | null, DelegationAttendance>();
  const lineOf = (organization: DelegationOrganization | null) => {
    const id = organization?.organizationId ?? null;
    const line = lines.get(id) ?? {
      organizationId: id,
      organizationName: organization?.organizationName ?? OPEN_REGISTRATION_LINE.organizationName,
      reportingGroup: organization?.reportingGroup ?? OPEN_REGISTRATION_LINE.reportingGroup,
      invitedSeats: 0,
      registered: 0,
      present: days.map((day) => ({ day, present: 0 })),
    };
    lines.set(id, line);
    return line;
  };
  for (const invite of invites) lineOf(invite).invitedSeats += invite.invitedSeats;
  const registered = new Set<string | null>();
  for (const registration of registrations) {
    lineOf(registration.organization).registered += registration.registered;
    registered.add(registration.organization?.organizationId ?? null);
  }
  for (const count of counts) {
    if (!isPresent(count.status) || !registered.has(count.organizationId)) continue;
    const day = lines.get(count.organizationId)?.present.find((on) => on.day === count.day);
    if (day) day.present += count.delegates;
  }
  return [...lines.values()].sort(
    (a, b) =>
      Number(a.organizationId === null) - Number(b.organizationId === null) ||
      a.organizationName.localeCompare(b.organizationName, 'id') ||
      (a.organizationId ?? '').localeCompare(b.organizationId ?? ''),
  );
}

/**
 * The arrival matrix of `day` from the delegations' attendance: per delegation its seats,
 * registered delegates and those present that day, in the delegations' order.
 */
export function arrivalsOn(
  day: string,
  delegations: Iterable<DelegationAttendance>,
): DelegationArrival[] {
  return [...delegations].map(({ present, ...delegation }) => ({
    ...delegation,
    arrived: present.find((on) => on.day === day)?.present ?? 0,
  }));
}

/**
 * How many delegates a session expects: those who chose it when anyone (confirmed) did, as for
 * parallel sessions with a choice; otherwise, for a session nobody chooses (a plenary), every
 * confirmed delegate.
 */
export function expectedAtSession(chosenBy: number, confirmed: number): number {
  return chosenBy > 0 ? chosenBy : confirmed;
}
