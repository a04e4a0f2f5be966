import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import fixture from '../../demo/workshop-kehumasan-2022.json';
import type { EventDto } from '../modules/events/dto/event.dto';
import { AgendaService } from '../modules/agenda/agenda.service';
import { EventsService } from '../modules/events/events.service';
import { InvitationsService } from '../modules/registrations/invitations.service';
import { AttendanceRepository } from '../modules/attendance/attendance.repository';
import { CheckInsService } from '../modules/attendance/check-ins.service';
import type { AttendanceStatus } from '../modules/attendance/domain/attendance';
import type { ScanAction } from '../modules/attendance/dto/check-in.dto';
import { UsersRepository } from '../modules/users/users.repository';
import { UsersService } from '../modules/users/users.service';
import type { Actor } from '../common/access/access.decorator';
import { RegistrationsService } from '../modules/registrations/registrations.service';
import type { OrganizationKind } from '../modules/organizations/domain/organization-kind';
import type { OrganizationDto } from '../modules/organizations/dto/organization.dto';
import { OrganizationsService } from '../modules/organizations/organizations.service';
import { PeopleService } from '../modules/people/people.service';
import type { SessionRole, SessionType } from '../modules/sessions/domain/session-kinds';
import { SessionsService } from '../modules/sessions/sessions.service';

/** The reference workshop's slug: the demo finds its event again by it. */
export const DEMO_EVENT_SLUG = 'workshop-kehumasan-2022';

/** What one load did: records it created, and records it found already there. */
export interface DemoReport {
  eventId: string;
  created: Record<'organizations' | 'people' | 'events' | 'sessions', number>;
  found: Record<'organizations' | 'people' | 'events' | 'sessions', number>;
  /**
   * The agenda: `created` when this load set its plan, generated it and published version 1;
   * the latest published version either way.
   */
  agenda: { created: boolean; version: number | null };
  /**
   * The delegations: `created` when this load invited the 57 organizations (two seats each),
   * published the event and registered its sample delegates; the counts either way.
   */
  delegations: { created: boolean; invitations: number; registrations: number };
  /**
   * The sample delegates' attendance: entries this load recorded (check-ins, a check-out and
   * statuses), and the length of the event's attendance chain afterwards.
   */
  attendance: { recorded: number; chainLength: number };
  /** The organizations taking part: the 23 ministries and agencies and the 34 provinces. */
  participants: { ministriesAndAgencies: number; regionalGovernments: number };
}

type Tally = DemoReport['created'];

/**
 * Loads the reference workshop (Kemendagri, 28–30 June 2022) through the same services the API
 * uses, so it obeys every rule an organizer's requests do. Each record is looked up by what
 * identifies it (slug, acronym, region code, name under its organization, title in the event)
 * and created only when missing: loading twice changes nothing, and what an organizer edited
 * since is left as it is.
 */
export async function loadReferenceWorkshop(app: INestApplicationContext): Promise<DemoReport> {
  const organizations = app.get(OrganizationsService);
  const people = app.get(PeopleService);
  const events = app.get(EventsService);
  const sessions = app.get(SessionsService);
  const created: Tally = { organizations: 0, people: 0, events: 0, sessions: 0 };
  const found: Tally = { organizations: 0, people: 0, events: 0, sessions: 0 };
  const { event: facts } = fixture;
  const eventDay = facts.startDate;

  const listed = async (query: Record<string, string>): Promise<OrganizationDto[]> =>
    (await organizations.listOrganizations({ limit: 200, ...query })).items;

  const ensureOrganization = async (
    match: (candidate: OrganizationDto) => boolean,
    query: Record<string, string>,
    create: { kind: OrganizationKind; name: string; acronym?: string; parentId?: string },
  ): Promise<OrganizationDto> => {
    const existing = (await listed(query)).find(match);
    if (existing) {
      found.organizations += 1;
      return existing;
    }
    created.organizations += 1;
    return organizations.createOrganization(create);
  };

  // The delegations: every ministry and agency by acronym, every province by its 2022 code.
  const central = new Map<string, OrganizationDto>();
  for (const body of fixture.delegations.ministriesAndAgencies) {
    const kind = body.kind as OrganizationKind;
    central.set(
      body.acronym,
      await ensureOrganization(
        (o) => o.acronym === body.acronym && o.kind === kind,
        { q: body.acronym, kind },
        {
          kind,
          name: body.name,
          acronym: body.acronym,
        },
      ),
    );
  }
  const provinces = await listed({ kind: 'province', validOn: eventDay });
  const provinceByCode = new Map(provinces.map((province) => [province.regionCode, province]));
  const missing = fixture.delegations.regionalGovernments.filter(
    (region) => !provinceByCode.has(region.regionCode),
  );
  if (missing.length > 0) {
    throw new Error(
      `The catalog lacks provinces ${missing.map((region) => region.regionCode).join(', ')} on ${eventDay}; run the migrations.`,
    );
  }

  // The organizer's unit, the delegate's bureau and the outside team.
  const kemendagri = central.get(facts.organizer.parent);
  if (!kemendagri)
    throw new Error(`The demo needs ${facts.organizer.parent} among the delegations.`);
  const puspen = await ensureOrganization(
    (o) => o.acronym === facts.organizer.acronym,
    { parentId: kemendagri.id },
    {
      kind: 'unit',
      name: 'Pusat Penerangan',
      acronym: facts.organizer.acronym,
      parentId: kemendagri.id,
    },
  );
  const organizationByName = new Map<string, OrganizationDto>([
    [facts.organizer.parent, kemendagri],
    [facts.organizer.acronym, puspen],
  ]);
  for (const person of fixture.people) {
    if (!person.organizationParentRegionCode || organizationByName.has(person.organization))
      continue;
    const parent = provinceByCode.get(person.organizationParentRegionCode);
    if (!parent)
      throw new Error(`No province ${person.organizationParentRegionCode} on ${eventDay}.`);
    organizationByName.set(
      person.organization,
      await ensureOrganization(
        (o) => o.name === person.organization,
        { parentId: parent.id },
        {
          kind: 'unit',
          name: person.organization,
          parentId: parent.id,
        },
      ),
    );
  }
  const teams = new Map<string, OrganizationDto>();
  for (const team of fixture.externalOrganizations) {
    teams.set(
      team.key,
      await ensureOrganization(
        (o) => o.name === team.name,
        { q: team.name, kind: team.kind },
        {
          kind: team.kind as OrganizationKind,
          name: team.name,
        },
      ),
    );
  }

  // The people, found again by name within their organization.
  const personIds = new Map<string, string>();
  for (const person of fixture.people) {
    const organization = organizationByName.get(person.organization);
    if (!organization) throw new Error(`The demo does not know ${person.organization}.`);
    const existing = (
      await people.listPeople({ limit: 200, q: person.name, organizationId: organization.id })
    ).items.find((candidate) => candidate.name === person.name);
    if (existing) found.people += 1;
    else created.people += 1;
    const id =
      existing?.id ??
      (
        await people.createPerson({
          titlesBefore: person.titlesBefore ?? null,
          name: person.name,
          titlesAfter: person.titlesAfter ?? null,
          position: person.position,
          organizationId: organization.id,
        })
      ).id;
    personIds.set(person.key, id);
  }

  // The event with its room.
  let event: EventDto | undefined = (
    await events.listEvents({ limit: 200, q: DEMO_EVENT_SLUG })
  ).items.find((candidate) => candidate.slug === DEMO_EVENT_SLUG);
  if (event) {
    found.events += 1;
    event = await events.getEvent(event.id);
  } else {
    created.events += 1;
    event = await events.createEvent({
      slug: DEMO_EVENT_SLUG,
      title: facts.title,
      description: facts.purpose,
      organizerId: puspen.id,
      venue: { name: facts.venue.name, city: facts.venue.city },
      timeZone: facts.timeZone,
      startDate: facts.startDate,
      endDate: facts.endDate,
      settings: { defaultDelegationSeats: facts.delegationSeats },
      rooms: facts.venue.rooms.map((room) => ({ name: room.name, capacity: room.capacity })),
    });
  }
  const room = event.rooms?.find((candidate) => candidate.name === facts.venue.rooms[0]?.name);

  // The nine program items in their order, with their role holders.
  const existingTitles = new Set(
    (await sessions.listSessions(event.id, { limit: 200 })).items.map((session) => session.title),
  );
  for (const item of fixture.program) {
    if (existingTitles.has(item.title)) {
      found.sessions += 1;
      continue;
    }
    const roles = (item.roles ?? []).map(
      (holder: { role: string; person?: string; organization?: string }) => {
        const personId = holder.person !== undefined ? personIds.get(holder.person) : undefined;
        const organizationId =
          holder.organization !== undefined ? teams.get(holder.organization)?.id : undefined;
        if (!personId && !organizationId)
          throw new Error(`Unknown role holder in "${item.title}".`);
        return { role: holder.role as SessionRole, personId, organizationId };
      },
    );
    const start =
      'fixedStart' in item
        ? DateTime.fromISO(`${item.date}T${item.fixedStart}`, { zone: facts.timeZone })
        : undefined;
    await sessions.createSession(event.id, {
      type: item.type as SessionType,
      title: item.title,
      day: item.date,
      durationMinutes: item.durationMinutes,
      ...(start
        ? {
            startsAt: start.toISO() ?? undefined,
            endsAt: start.plus({ minutes: item.durationMinutes }).toISO() ?? undefined,
          }
        : {}),
      roomId: room?.id ?? null,
      roles,
    });
    created.sessions += 1;
  }

  // The agenda, once: the workshop's hours and break rules, generated around the report fixed at
  // 19.00 on 28 June, then published. Later loads leave it, and any edits, alone.
  const agenda = app.get(AgendaService);
  const agendaCreated = (await agenda.getPlan(event.id)).updatedAt === null;
  if (agendaCreated) {
    const fixedTitles = new Set(
      fixture.program.filter((item) => 'fixedStart' in item).map((item) => item.title),
    );
    const items = (await sessions.listSessions(event.id, { limit: 200 })).items;
    await agenda.replacePlan(event.id, {
      dayWindows: facts.dayWindows.map(({ date, from, to }) => ({ date, from, to })),
      breakRules: fixture.breakRules,
      ordering: [],
      pinnedSessionIds: items.filter((item) => fixedTitles.has(item.title)).map((item) => item.id),
      availability: [],
    });
    await agenda.generate(event.id, {});
    await agenda.publish(event.id, { note: 'Susunan acara 28–30 Juni 2022' }, null);
  }
  const [latest] = (await agenda.listVersions(event.id)).versions;

  // The delegations, once: the ministries and agencies and the provinces of June 2022, with the
  // event's two seats each; then the event opens and a few delegates register.
  const invitations = app.get(InvitationsService);
  const registrations = app.get(RegistrationsService);
  const invited = (await invitations.listInvitations(event.id, { limit: 200 })).items.length;
  const delegationsCreated = invited === 0;
  if (delegationsCreated) {
    const bulk = await invitations.bulkInvite(event.id, {
      organizationIds: [...central.values(), ...provinces].map((organization) => organization.id),
    });
    if (event.status === 'draft') {
      await events.changeEventStatus(event.id, { status: 'published' });
    }
    const tokenOf = (organizationId: string | undefined) =>
      bulk.created.find((invitation) => invitation.organization.id === organizationId)?.token;
    for (const delegate of fixture.sampleRegistrations) {
      const organization =
        delegate.regionCode !== undefined
          ? provinceByCode.get(delegate.regionCode)
          : central.get(delegate.acronym ?? '');
      await registrations.register(event.id, {
        ...delegate.details,
        invitationToken: tokenOf(organization?.id),
        consent: { dataProcessing: true, photos: true },
      });
    }
  }
  const registered = (await registrations.listRegistrations(event.id, { limit: 200 })).items.length;

  const attendance = await loadSampleAttendance(app, event.id);

  return {
    eventId: event.id,
    created,
    found,
    agenda: { created: agendaCreated, version: latest?.number ?? null },
    delegations: {
      created: delegationsCreated,
      invitations: delegationsCreated ? central.size + provinces.length : invited,
      registrations: registered,
    },
    attendance,
    participants: {
      ministriesAndAgencies: central.size,
      regionalGovernments: fixture.delegations.regionalGovernments.length,
    },
  };
}

/** One line of the fixture's sample attendance: a scan, or a status an organizer set. */
type SampleEntry = {
  email: string;
  day: string;
  session?: string;
  scannedAt?: string;
  method?: string;
  action?: string;
  status?: string;
  representativeName?: string;
};

/**
 * The sample delegates' check-ins and statuses of 28–30 June, recorded by a demo organizer
 * account (created once, with a random password nobody knows) through the same service as the
 * API. Scans go as an offline batch with their own client ids and times, so a second load
 * replays them and records nothing; a status set again is unchanged.
 */
async function loadSampleAttendance(
  app: INestApplicationContext,
  eventId: string,
): Promise<DemoReport['attendance']> {
  const { staff, entries } = fixture.sampleAttendance;
  const actor = await demoOrganizer(app, staff);
  const registrations = app.get(RegistrationsService);
  const sessions = app.get(SessionsService);
  const checkIns = app.get(CheckInsService);
  const delegates = (await registrations.listRegistrations(eventId, { limit: 200 })).items;
  const program = (await sessions.listSessions(eventId, { limit: 200 })).items;
  let recorded = 0;
  for (const entry of entries as SampleEntry[]) {
    const delegate = delegates.find((registration) => registration.email === entry.email);
    if (!delegate || delegate.status !== 'confirmed') continue;
    if (entry.status !== undefined) {
      const day = await checkIns.setStatus(
        eventId,
        delegate.id,
        entry.day,
        {
          status: entry.status as AttendanceStatus,
          representativeName: entry.representativeName ?? null,
        },
        actor,
      );
      if (day.changed) recorded += 1;
      continue;
    }
    const sessionId = program.find((item) => item.title === entry.session)?.id;
    const action = (entry.action ?? 'check_in') as ScanAction;
    const scan = entry.method === 'qr' ? { payload: delegate.code } : { code: delegate.code };
    const result = await checkIns.checkInBatch(
      eventId,
      {
        scans: [
          {
            ...scan,
            day: entry.day,
            sessionId,
            action,
            clientScanId: `demo:${delegate.id}:${entry.day}:${sessionId ?? 'door'}:${action}`,
            scannedAt: entry.scannedAt ?? `${entry.day}T08:00:00+07:00`,
          },
        ],
      },
      actor,
    );
    recorded += result.recorded;
  }
  const chain = await app.get(AttendanceRepository).chainHead(eventId);
  return { recorded, chainLength: chain.length };
}

/** The demo's organizer account at the registration desk, created on the first load. */
async function demoOrganizer(
  app: INestApplicationContext,
  staff: { email: string; displayName: string },
): Promise<Pick<Actor, 'id'>> {
  const existing = await app.get(UsersRepository).findByEmail(staff.email);
  if (existing) return { id: existing.id };
  const created = await app.get(UsersService).createUser({
    email: staff.email,
    displayName: staff.displayName,
    role: 'organizer',
    password: randomBytes(24).toString('base64url'),
  });
  return { id: created.id };
}
