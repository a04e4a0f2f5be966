import { createOrganization, createPerson } from './support/catalog';
import { expectProblem, startTestApp, type TestApp, apiRequests } from './support/test-app';

interface Room {
  id: string;
  name: string;
  capacity: number | null;
}

interface EventBody {
  id: string;
  title: string;
  rooms: Room[];
}

interface SessionBody {
  id: string;
  title: string;
  day: string | null;
  startsAt: string | null;
  endsAt: string | null;
  position: number;
  [field: string]: unknown;
}

const MISSING = '00000000-0000-4000-8000-000000000000';

let built = 0;

describe('Sessions (e2e)', () => {
  let t: TestApp;
  let organizer: string;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    [organizer, staff] = await Promise.all([t.tokenFor('organizer'), t.tokenFor('staff')]);
  });
  afterAll(() => t.close());

  const { post, patch, get, del } = apiRequests(
    () => t,
    () => organizer,
  );

  /** A three-day event, 28–30 June 2022, in Jakarta unless told otherwise. */
  async function createEvent(overrides: Record<string, unknown> = {}): Promise<EventBody> {
    built += 1;
    const response = await post('/events', {
      slug: `sesi-uji-${process.pid}-${built}`,
      title: `Workshop Uji ${built}`,
      startDate: '2022-06-28',
      endDate: '2022-06-30',
      ...overrides,
    }).expect(201);
    return response.body as EventBody;
  }

  async function createSession(
    eventId: string,
    body: Record<string, unknown>,
  ): Promise<SessionBody> {
    const response = await post(`/events/${eventId}/sessions`, {
      type: 'plenary',
      title: `Sesi ${++built}`,
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as SessionBody;
  }

  describe('create and read', () => {
    it("should read a local time in a WITA event's zone and answer with +08:00", async () => {
      const event = await createEvent({
        timeZone: 'Asia/Makassar',
        rooms: [{ name: 'Ballroom', capacity: 200 }],
      });
      const response = await post(`/events/${event.id}/sessions`, {
        type: 'opening',
        title: ' Pembukaan ',
        description: 'Dibuka oleh Sekretaris Jenderal.',
        startsAt: '2022-06-28T19:00',
        endsAt: '2022-06-28T21:00',
        roomId: event.rooms[0]!.id,
        track: 'Pleno',
        capacity: 150,
      }).expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        eventId: event.id,
        type: 'opening',
        title: 'Pembukaan',
        description: 'Dibuka oleh Sekretaris Jenderal.',
        day: '2022-06-28',
        startsAt: '2022-06-28T19:00:00+08:00',
        endsAt: '2022-06-28T21:00:00+08:00',
        durationMinutes: 120,
        room: { id: event.rooms[0]!.id, name: 'Ballroom', capacity: 200 },
        track: 'Pleno',
        capacity: 150,
        position: 1,
        roles: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const stored = await t.dataSource.query<{ utc: string }[]>(
        `SELECT to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS utc FROM sessions WHERE id = $1`,
        [response.body.id],
      );
      expect(stored).toEqual([{ utc: '2022-06-28T11:00' }]);
      const fetched = await get(`/events/${event.id}/sessions/${response.body.id}`, {}, staff);
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(response.body);
    });

    it('should read times with an offset as instants and show them in the event zone', async () => {
      const event = await createEvent({ timeZone: 'Asia/Jayapura' });
      const session = await createSession(event.id, {
        startsAt: '2022-06-29T07:00:00+07:00',
        endsAt: '2022-06-29T01:30:00Z',
      });
      expect(session).toMatchObject({
        day: '2022-06-29',
        startsAt: '2022-06-29T09:00:00+09:00',
        endsAt: '2022-06-29T10:30:00+09:00',
        durationMinutes: 90,
      });
    });

    it('should date a session crossing midnight by its start', async () => {
      const event = await createEvent();
      const session = await createSession(event.id, {
        type: 'discussion',
        startsAt: '2022-06-29T22:30',
        endsAt: '2022-06-30T00:30',
      });
      expect(session).toMatchObject({
        day: '2022-06-29',
        startsAt: '2022-06-29T22:30:00+07:00',
        endsAt: '2022-06-30T00:30:00+07:00',
        durationMinutes: 120,
      });
    });

    it('should keep an unscheduled session with its duration and day, numbered in program order', async () => {
      const event = await createEvent();
      const first = await createSession(event.id, { durationMinutes: 180, day: '2022-06-29' });
      const second = await createSession(event.id, { type: 'break', durationMinutes: 15 });
      expect([first, second]).toEqual([
        expect.objectContaining({
          day: '2022-06-29',
          startsAt: null,
          endsAt: null,
          durationMinutes: 180,
          position: 1,
          room: null,
          track: null,
          capacity: null,
          description: null,
        }),
        expect.objectContaining({ day: null, startsAt: null, durationMinutes: 15, position: 2 }),
      ]);
    });

    it('should answer 404 for a missing event or session and 400 for malformed ids', async () => {
      const event = await createEvent();
      const other = await createEvent();
      const foreign = await createSession(other.id, { durationMinutes: 30 });
      expectProblem(
        await get(`/events/${event.id}/sessions/${foreign.id}`),
        404,
        'SESSION_NOT_FOUND',
      );
      expectProblem(await get(`/events/${MISSING}/sessions/${foreign.id}`), 404, 'EVENT_NOT_FOUND');
      expectProblem(
        await post(`/events/${MISSING}/sessions`, {
          type: 'break',
          title: 'X',
          durationMinutes: 5,
        }),
        404,
        'EVENT_NOT_FOUND',
      );
      expect(
        expectProblem(await get(`/events/${event.id}/sessions/1`), 400, 'VALIDATION_FAILED').errors,
      ).toEqual([{ field: 'sessionId', message: 'sessionId must be a UUID' }]);
      expect(
        expectProblem(await get('/events/abc/sessions'), 400, 'VALIDATION_FAILED').errors,
      ).toEqual([{ field: 'eventId', message: 'eventId must be a UUID' }]);
    });
  });

  describe('refusing bad times and input', () => {
    let event: EventBody;
    let otherRoom: string;

    beforeAll(async () => {
      event = await createEvent({ rooms: [{ name: 'Ballroom' }] });
      otherRoom = (await createEvent({ rooms: [{ name: 'Ballroom' }] })).rooms[0]!.id;
    });

    it.each<[string, Record<string, unknown>, string, string, string]>([
      [
        'a start after the last day',
        { startsAt: '2022-07-01T08:00', endsAt: '2022-07-01T09:00' },
        'SESSION_OUTSIDE_EVENT_DAYS',
        'startsAt',
        "startsAt 2022-07-01 08.00 WIB is after the event's last day, 30 June 2022.",
      ],
      [
        'a start before the first day',
        { startsAt: '2022-06-27T23:00:00+07:00', endsAt: '2022-06-28T08:00:00+07:00' },
        'SESSION_OUTSIDE_EVENT_DAYS',
        'startsAt',
        "startsAt 2022-06-27 23.00 WIB is before the event's first day, 28 June 2022.",
      ],
      [
        'an end past the last midnight',
        { startsAt: '2022-06-30T23:00', endsAt: '2022-07-01T00:30' },
        'SESSION_OUTSIDE_EVENT_DAYS',
        'endsAt',
        "endsAt 2022-07-01 00.30 WIB is after the event's last day, 30 June 2022.",
      ],
      [
        'a day that is not the start day',
        { day: '2022-06-29', startsAt: '2022-06-28T19:00', endsAt: '2022-06-28T21:00' },
        'SESSION_DAY_MISMATCH',
        'day',
        'day 2022-06-29 is not the day the session starts on, 2022-06-28 (startsAt 2022-06-28 19.00 WIB).',
      ],
      [
        'an unscheduled session without a duration',
        { day: '2022-06-29' },
        'SESSION_DURATION_REQUIRED',
        'durationMinutes',
        'A session without startsAt and endsAt needs durationMinutes.',
      ],
      [
        'a start without an end',
        { startsAt: '2022-06-28T19:00', durationMinutes: 60 },
        'SESSION_TIMES_INCOMPLETE',
        'endsAt',
        'startsAt and endsAt go together; endsAt is missing.',
      ],
      [
        'an end without a start',
        { endsAt: '2022-06-28T19:00' },
        'SESSION_TIMES_INCOMPLETE',
        'startsAt',
        'startsAt and endsAt go together; startsAt is missing.',
      ],
      [
        'an end before the start',
        { startsAt: '2022-06-28T19:00', endsAt: '2022-06-28T18:00' },
        'SESSION_ENDS_BEFORE_START',
        'endsAt',
        'endsAt must be after startsAt.',
      ],
      [
        'a duration that disagrees with the times',
        { startsAt: '2022-06-28T19:00', endsAt: '2022-06-28T20:00', durationMinutes: 90 },
        'SESSION_DURATION_MISMATCH',
        'durationMinutes',
        'durationMinutes 90 does not match startsAt to endsAt, 60 minutes.',
      ],
      [
        'a day after the event',
        { day: '2022-07-01', durationMinutes: 30 },
        'SESSION_OUTSIDE_EVENT_DAYS',
        'day',
        "day 2022-07-01 is after the event's last day, 30 June 2022.",
      ],
      [
        "another event's room",
        { durationMinutes: 30, roomId: 'OTHER_ROOM' },
        'UNKNOWN_ROOM',
        'roomId',
        'The event has no room with the id OTHER_ROOM.',
      ],
    ])('should refuse %s naming the field', async (_name, body, code, field, message) => {
      const resolved = JSON.parse(JSON.stringify(body).replace(/OTHER_ROOM/g, otherRoom)) as object;
      const before = (await t.dataSource.query(
        'SELECT count(*)::int AS n FROM sessions',
      )) as unknown;
      const response = await post(`/events/${event.id}/sessions`, {
        type: 'plenary',
        title: 'Sesi',
        ...resolved,
      });
      expect(expectProblem(response, 400, code).errors).toEqual([
        { field, message: message.replace(/OTHER_ROOM/g, otherRoom) },
      ]);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM sessions')).toEqual(before);
    });

    it.each<[Record<string, unknown>, string]>([
      [{ type: 'keynote_speech' }, 'type'],
      [{ type: undefined }, 'type'],
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(301) }, 'title'],
      [{ day: '2022-02-30' }, 'day'],
      [{ startsAt: 'tomorrow', endsAt: '2022-06-28T20:00' }, 'startsAt'],
      [{ startsAt: '2022-06-28 19:00', endsAt: '2022-06-28T20:00' }, 'startsAt'],
      [{ startsAt: '2022-06-28T19:00', endsAt: 1656421200000 }, 'endsAt'],
      [{ durationMinutes: 0 }, 'durationMinutes'],
      [{ durationMinutes: null }, 'durationMinutes'],
      [{ durationMinutes: 1441 }, 'durationMinutes'],
      [{ durationMinutes: '30' }, 'durationMinutes'],
      [{ durationMinutes: 30, roomId: 'ballroom' }, 'roomId'],
      [{ durationMinutes: 30, capacity: 0 }, 'capacity'],
      [{ durationMinutes: 30, track: '' }, 'track'],
      [{ durationMinutes: 30, position: 3 }, 'position'],
      [{ durationMinutes: 30, roles: 'speaker' }, 'roles'],
      [{ durationMinutes: 30, roles: [{ role: 'keynote', personId: MISSING }] }, 'roles[0].role'],
      [
        { durationMinutes: 30, roles: [{ role: 'speaker', personId: 'budi' }] },
        'roles[0].personId',
      ],
      [
        { durationMinutes: 30, roles: [{ role: 'speaker', personId: MISSING, name: 'Budi' }] },
        'roles[0].name',
      ],
      [
        {
          durationMinutes: 30,
          roles: Array.from({ length: 51 }, () => ({ role: 'panelist', personId: MISSING })),
        },
        'roles',
      ],
    ])('should refuse %j naming %s', async (body, field) => {
      const response = await post(`/events/${event.id}/sessions`, {
        type: 'plenary',
        title: 'Sesi',
        ...body,
      });
      expect(
        expectProblem(response, 400, 'VALIDATION_FAILED').errors?.map((error) => error.field),
      ).toEqual([field]);
    });
  });

  describe('role holders', () => {
    let sekjen: { id: string };
    let kapuspen: { id: string };
    let grid: { id: string; name: string };
    let event: EventBody;

    beforeAll(async () => {
      sekjen = await createPerson(t, {
        titlesBefore: 'Dr. Drs. H.',
        name: 'Suhajar Diantoro',
        titlesAfter: 'M.Si',
        position: 'Sekretaris Jenderal Kementerian Dalam Negeri',
      });
      kapuspen = await createPerson(t, {
        name: 'Benni Irwan',
        position: 'Kepala Pusat Penerangan Kementerian Dalam Negeri',
      });
      grid = await createOrganization(t, { kind: 'external', name: 'Tim Grid Story Factory' });
      event = await createEvent();
    });

    it('should list role holders in order, with display names composed the Indonesian way', async () => {
      const session = await createSession(event.id, {
        type: 'opening',
        startsAt: '2022-06-28T19:15',
        endsAt: '2022-06-28T19:45',
        roles: [
          { role: 'official', personId: sekjen.id },
          { role: 'mc', personId: kapuspen.id, organizationId: null },
          { role: 'panelist', organizationId: grid.id },
          { role: 'speaker', personId: sekjen.id },
        ],
      });
      expect(session.roles).toEqual([
        {
          role: 'official',
          person: {
            id: sekjen.id,
            displayName: 'Dr. Drs. H. Suhajar Diantoro, M.Si',
            position: 'Sekretaris Jenderal Kementerian Dalam Negeri',
          },
          organization: null,
        },
        {
          role: 'mc',
          person: {
            id: kapuspen.id,
            displayName: 'Benni Irwan',
            position: 'Kepala Pusat Penerangan Kementerian Dalam Negeri',
          },
          organization: null,
        },
        {
          role: 'panelist',
          person: null,
          organization: { id: grid.id, name: 'Tim Grid Story Factory', acronym: null },
        },
        {
          role: 'speaker',
          person: expect.objectContaining({ id: sekjen.id }),
          organization: null,
        },
      ]);
      const fetched = await get(`/events/${event.id}/sessions/${session.id}`).expect(200);
      expect(fetched.body).toEqual(session);
    });

    it.each<[string, (ids: Record<string, string>) => object[], string, string, string]>([
      [
        'a holder naming nobody',
        () => [{ role: 'speaker' }],
        'INVALID_ROLE_HOLDER',
        'roles[0]',
        'roles[0] must name a personId or an organizationId.',
      ],
      [
        'a holder naming a person and an organization',
        (ids) => [{ role: 'speaker', personId: ids.sekjen, organizationId: ids.grid }],
        'INVALID_ROLE_HOLDER',
        'roles[0]',
        'roles[0] must name a personId or an organizationId, not both.',
      ],
      [
        'the same person in the same role twice',
        (ids) => [
          { role: 'speaker', personId: ids.sekjen },
          { role: 'moderator', personId: ids.kapuspen },
          { role: 'speaker', personId: ids.sekjen },
        ],
        'DUPLICATE_ROLE_HOLDER',
        'roles[2]',
        'roles[2] repeats roles[0]: the same person as speaker twice.',
      ],
      [
        'an unknown person',
        (ids) => [
          { role: 'speaker', personId: ids.sekjen },
          { role: 'moderator', personId: MISSING },
        ],
        'UNKNOWN_ROLE_HOLDER',
        'roles[1].personId',
        `No person has the id ${MISSING}.`,
      ],
      [
        'an unknown organization',
        () => [{ role: 'panelist', organizationId: MISSING }],
        'UNKNOWN_ROLE_HOLDER',
        'roles[0].organizationId',
        `No organization has the id ${MISSING}.`,
      ],
    ])('should refuse %s', async (_name, roles, code, field, message) => {
      const before = (await t.dataSource.query(
        'SELECT count(*)::int AS n FROM sessions',
      )) as unknown;
      const response = await post(`/events/${event.id}/sessions`, {
        type: 'panel',
        title: 'Panel',
        durationMinutes: 60,
        roles: roles({ sekjen: sekjen.id, kapuspen: kapuspen.id, grid: grid.id }),
      });
      expect(expectProblem(response, 400, code).errors).toEqual([{ field, message }]);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM sessions')).toEqual(before);
    });

    it('should replace the whole list when an update gives roles, and keep it otherwise', async () => {
      const session = await createSession(event.id, {
        durationMinutes: 60,
        roles: [{ role: 'speaker', personId: sekjen.id }],
      });
      const renamed = await patch(`/events/${event.id}/sessions/${session.id}`, {
        title: 'Sesi Tematik',
      }).expect(200);
      expect(renamed.body.roles).toEqual(session.roles);
      const replaced = await patch(`/events/${event.id}/sessions/${session.id}`, {
        roles: [
          { role: 'moderator', personId: kapuspen.id },
          { role: 'speaker', organizationId: grid.id },
        ],
      }).expect(200);
      expect(replaced.body.updatedAt > renamed.body.updatedAt).toBe(true);
      expect(
        replaced.body.roles.map(
          (holder: {
            role: string;
            person: { id: string } | null;
            organization: { id: string } | null;
          }) => [holder.role, holder.person?.id ?? holder.organization?.id],
        ),
      ).toEqual([
        ['moderator', kapuspen.id],
        ['speaker', grid.id],
      ]);
      const refused = await patch(`/events/${event.id}/sessions/${session.id}`, {
        roles: [{ role: 'speaker', personId: MISSING }],
      });
      expectProblem(refused, 400, 'UNKNOWN_ROLE_HOLDER');
      const cleared = await patch(`/events/${event.id}/sessions/${session.id}`, {
        roles: [],
      }).expect(200);
      expect(cleared.body.roles).toEqual([]);
      expectProblem(
        await patch(`/events/${event.id}/sessions/${session.id}`, { roles: null }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('update and delete', () => {
    it('should move a session, taking the day and duration from its new times', async () => {
      const event = await createEvent({ rooms: [{ name: 'Ballroom' }, { name: 'Ruang Rapat' }] });
      const session = await createSession(event.id, {
        startsAt: '2022-06-28T19:00',
        endsAt: '2022-06-28T21:00',
        roomId: event.rooms[0]!.id,
      });
      const moved = await patch(`/events/${event.id}/sessions/${session.id}`, {
        startsAt: '2022-06-29T08:00',
        endsAt: '2022-06-29T11:00',
        roomId: event.rooms[1]!.id,
        track: 'Media Sosial',
        description: 'Pengelolaan media sosial pemerintah',
      }).expect(200);
      expect(moved.body).toEqual({
        ...session,
        day: '2022-06-29',
        startsAt: '2022-06-29T08:00:00+07:00',
        endsAt: '2022-06-29T11:00:00+07:00',
        durationMinutes: 180,
        room: event.rooms[1],
        track: 'Media Sosial',
        description: 'Pengelolaan media sosial pemerintah',
        updatedAt: expect.any(String),
      });
      const cleared = await patch(`/events/${event.id}/sessions/${session.id}`, {
        roomId: null,
        track: null,
        description: null,
      }).expect(200);
      expect(cleared.body).toMatchObject({ room: null, track: null, description: null });
    });

    it('should unschedule a session keeping its duration and day', async () => {
      const event = await createEvent();
      const session = await createSession(event.id, {
        startsAt: '2022-06-29T13:00',
        endsAt: '2022-06-29T16:00',
      });
      const unscheduled = await patch(`/events/${event.id}/sessions/${session.id}`, {
        startsAt: null,
        endsAt: null,
      }).expect(200);
      expect(unscheduled.body).toMatchObject({
        day: '2022-06-29',
        startsAt: null,
        endsAt: null,
        durationMinutes: 180,
      });
      const resized = await patch(`/events/${event.id}/sessions/${session.id}`, {
        durationMinutes: 90,
        day: null,
      }).expect(200);
      expect(resized.body).toMatchObject({ day: null, durationMinutes: 90 });
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['half an unscheduling', { startsAt: null }, 'SESSION_TIMES_INCOMPLETE', 'endsAt'],
      [
        'a new duration for kept times',
        { durationMinutes: 30 },
        'SESSION_DURATION_MISMATCH',
        'durationMinutes',
      ],
      ['another day for kept times', { day: '2022-06-30' }, 'SESSION_DAY_MISMATCH', 'day'],
      [
        'times outside the event',
        { startsAt: '2022-07-01T08:00', endsAt: '2022-07-01T09:00' },
        'SESSION_OUTSIDE_EVENT_DAYS',
        'startsAt',
      ],
      ['a null title', { title: null }, 'VALIDATION_FAILED', 'title'],
      ['a null type', { type: null }, 'VALIDATION_FAILED', 'type'],
      ['a null duration', { durationMinutes: null }, 'VALIDATION_FAILED', 'durationMinutes'],
      ['a moved event id', { eventId: MISSING }, 'VALIDATION_FAILED', 'eventId'],
      ['an unknown room', { roomId: MISSING }, 'UNKNOWN_ROOM', 'roomId'],
    ])('should refuse %s, changing nothing', async (_name, body, code, field) => {
      const event = await createEvent();
      const session = await createSession(event.id, {
        startsAt: '2022-06-29T13:00',
        endsAt: '2022-06-29T16:00',
      });
      const response = await patch(`/events/${event.id}/sessions/${session.id}`, body);
      expect(expectProblem(response, 400, code).errors?.map((error) => error.field)).toEqual([
        field,
      ]);
      expect((await get(`/events/${event.id}/sessions/${session.id}`).expect(200)).body).toEqual(
        session,
      );
    });

    it("should not touch another event's session", async () => {
      const event = await createEvent();
      const other = await createEvent();
      const foreign = await createSession(other.id, { durationMinutes: 30 });
      expectProblem(
        await patch(`/events/${event.id}/sessions/${foreign.id}`, { title: 'X' }),
        404,
        'SESSION_NOT_FOUND',
      );
      expectProblem(
        await del(`/events/${event.id}/sessions/${foreign.id}`),
        404,
        'SESSION_NOT_FOUND',
      );
      await get(`/events/${other.id}/sessions/${foreign.id}`).expect(200);
    });

    it('should delete a session with its role holders', async () => {
      const event = await createEvent();
      const person = await createPerson(t);
      const session = await createSession(event.id, {
        durationMinutes: 30,
        roles: [{ role: 'speaker', personId: person.id }],
      });
      await del(`/events/${event.id}/sessions/${session.id}`).expect(204);
      expectProblem(
        await get(`/events/${event.id}/sessions/${session.id}`),
        404,
        'SESSION_NOT_FOUND',
      );
      expectProblem(
        await del(`/events/${event.id}/sessions/${session.id}`),
        404,
        'SESSION_NOT_FOUND',
      );
      expect(
        await t.dataSource.query(
          'SELECT count(*)::int AS n FROM session_role_holders WHERE session_id = $1',
          [session.id],
        ),
      ).toEqual([{ n: 0 }]);
      expectProblem(await del(`/events/${event.id}/sessions/nope`), 400, 'VALIDATION_FAILED');
    });
  });

  describe('list', () => {
    let event: EventBody;
    let sessions: Record<string, SessionBody>;
    let speaker: { id: string };
    let team: { id: string };

    beforeAll(async () => {
      event = await createEvent({
        rooms: [{ name: 'Ballroom' }, { name: 'Ruang Rapat' }],
      });
      speaker = await createPerson(t, { name: 'Moh Ilham A Hamudy' });
      team = await createOrganization(t, { kind: 'external', name: 'Tim Narasumber' });
      const [ballroom, meeting] = event.rooms;
      // Created out of order: the list sorts them by day, start and program order.
      sessions = {
        closing: await createSession(event.id, {
          type: 'closing',
          startsAt: '2022-06-30T14:00',
          endsAt: '2022-06-30T15:00',
          roomId: ballroom!.id,
        }),
        loose: await createSession(event.id, { type: 'other', durationMinutes: 60 }),
        panelB: await createSession(event.id, {
          type: 'panel',
          startsAt: '2022-06-29T08:00',
          endsAt: '2022-06-29T11:00',
          roomId: meeting!.id,
          track: 'B',
          roles: [{ role: 'moderator', personId: speaker.id }],
        }),
        panelA: await createSession(event.id, {
          type: 'panel',
          startsAt: '2022-06-29T08:00',
          endsAt: '2022-06-29T11:00',
          roomId: ballroom!.id,
          track: 'A',
          roles: [
            { role: 'speaker', personId: speaker.id },
            { role: 'panelist', organizationId: team.id },
          ],
        }),
        ishoma: await createSession(event.id, {
          type: 'meal_prayer',
          day: '2022-06-29',
          durationMinutes: 60,
        }),
        opening: await createSession(event.id, {
          type: 'opening',
          startsAt: '2022-06-28T19:00',
          endsAt: '2022-06-28T19:30',
          roomId: ballroom!.id,
        }),
      };
    });

    const titles = (items: SessionBody[]) =>
      items.map((item) => Object.entries(sessions).find(([, s]) => s.id === item.id)?.[0]);

    it('should page through the rundown in order without gaps or repeats', async () => {
      const seen: SessionBody[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { limit: '2' };
        if (cursor) query.cursor = cursor;
        const page = await get(`/events/${event.id}/sessions`, query, staff).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...(page.body.items as SessionBody[]));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(titles(seen)).toEqual(['opening', 'panelB', 'panelA', 'ishoma', 'closing', 'loose']);
      expect(seen.find((item) => item.id === sessions.panelA!.id)).toEqual(sessions.panelA);
    });

    it.each<[Record<string, string>, string[]]>([
      [{ day: '2022-06-29' }, ['panelB', 'panelA', 'ishoma']],
      [{ type: 'panel' }, ['panelB', 'panelA']],
      [{ track: 'A' }, ['panelA']],
      [{ scheduled: 'false' }, ['ishoma', 'loose']],
      [{ scheduled: 'true', day: '2022-06-30' }, ['closing']],
      [{ day: '2022-06-28', type: 'closing' }, []],
    ])('should filter by %j', async (query, expected) => {
      const page = await get(`/events/${event.id}/sessions`, query, staff).expect(200);
      expect({ items: titles(page.body.items), nextCursor: page.body.nextCursor }).toEqual({
        items: expected,
        nextCursor: null,
      });
    });

    it('should filter by room and by role holder', async () => {
      const list = async (query: Record<string, string>) =>
        titles((await get(`/events/${event.id}/sessions`, query).expect(200)).body.items);
      expect(await list({ roomId: event.rooms[0]!.id })).toEqual(['opening', 'panelA', 'closing']);
      expect(await list({ personId: speaker.id })).toEqual(['panelB', 'panelA']);
      expect(await list({ organizationId: team.id })).toEqual(['panelA']);
      expect(await list({ personId: MISSING })).toEqual([]);
    });

    it('should answer an empty page for an event without sessions, and 404 for a missing event', async () => {
      const empty = await createEvent();
      expect((await get(`/events/${empty.id}/sessions`).expect(200)).body).toEqual({
        items: [],
        nextCursor: null,
      });
      expectProblem(await get(`/events/${MISSING}/sessions`), 404, 'EVENT_NOT_FOUND');
    });

    it('should read a page in one query whatever its size, role holders included', async () => {
      const one = await t.queriesDuring(() =>
        get(`/events/${event.id}/sessions`, { limit: '1' }).expect(200),
      );
      const five = await t.queriesDuring(() =>
        get(`/events/${event.id}/sessions`, { limit: '5' }).expect(200),
      );
      expect(five.length).toBe(one.length);
      expect(five.length).toBeLessThanOrEqual(2);
      expect(five.filter((sql) => /\bFROM sessions\b/.test(sql))).toHaveLength(1);
      expect(five.filter((sql) => /session_role_holders/.test(sql))).toHaveLength(1);
    });

    it.each<[Record<string, string>, string, string]>([
      [{ day: '2022-02-30' }, 'day', 'VALIDATION_FAILED'],
      [{ type: 'seminar' }, 'type', 'VALIDATION_FAILED'],
      [{ roomId: 'ballroom' }, 'roomId', 'VALIDATION_FAILED'],
      [{ personId: '42' }, 'personId', 'VALIDATION_FAILED'],
      [{ organizationId: 'grid' }, 'organizationId', 'VALIDATION_FAILED'],
      [{ scheduled: 'yes' }, 'scheduled', 'VALIDATION_FAILED'],
      [{ limit: '0' }, 'limit', 'VALIDATION_FAILED'],
      [{ cursor: 'bm90LWEtY3Vyc29y' }, 'cursor', 'INVALID_CURSOR'],
      [{ speaker: 'x' }, 'speaker', 'VALIDATION_FAILED'],
    ])('should refuse the query %j naming %s', async (query, field, code) => {
      const response = await get(`/events/${event.id}/sessions`, query);
      expect(expectProblem(response, 400, code).errors?.map((error) => error.field)).toEqual([
        field,
      ]);
    });
  });

  describe('access', () => {
    let event: EventBody;
    let session: SessionBody;
    let path: string;

    beforeAll(async () => {
      event = await createEvent();
      session = await createSession(event.id, { durationMinutes: 45 });
      path = `/events/${event.id}/sessions/${session.id}`;
    });

    it('should let staff read and refuse them every write', async () => {
      await get(`/events/${event.id}/sessions`, {}, staff).expect(200);
      await get(path, {}, staff).expect(200);
      const writes = [
        await post(
          `/events/${event.id}/sessions`,
          { type: 'break', title: 'X', durationMinutes: 5 },
          staff,
        ),
        await patch(path, { title: 'Staff' }, staff),
        await del(path, staff),
      ];
      for (const response of writes) expectProblem(response, 403, 'ROLE_FORBIDDEN');
      expect((await get(path).expect(200)).body).toEqual(session);
    });

    it('should ask for a token on every route', async () => {
      const anonymous = await Promise.all([
        t.http.get(`/api/v1/events/${event.id}/sessions`),
        t.http.post(`/api/v1/events/${event.id}/sessions`).send({ type: 'break' }),
        t.http.get(`/api/v1${path}`),
        t.http.patch(`/api/v1${path}`).send({ title: 'X' }),
        t.http.delete(`/api/v1${path}`),
      ]);
      for (const response of anonymous) expectProblem(response, 401, 'TOKEN_MISSING');
    });
  });
});
