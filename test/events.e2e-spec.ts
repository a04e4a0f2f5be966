import { createOrganization, createPerson } from './support/catalog';
import { expectProblem, startTestApp, type TestApp, apiRequests } from './support/test-app';

interface Room {
  id: string;
  name: string;
  capacity: number | null;
}

interface EventBody {
  id: string;
  slug: string;
  title: string;
  status: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  rooms: Room[];
  [field: string]: unknown;
}

const MISSING = '00000000-0000-4000-8000-000000000000';

let built = 0;

/** A valid new-event body; override what the test is about. */
function buildEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  built += 1;
  return {
    slug: `rakor-uji-${process.pid}-${built}`,
    title: `Rapat Koordinasi Uji ${built}`,
    startDate: '2022-06-28',
    endDate: '2022-06-30',
    ...overrides,
  };
}

describe('Events (e2e)', () => {
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

  async function createEvent(overrides: Record<string, unknown> = {}): Promise<EventBody> {
    const response = await post('/events', buildEvent(overrides));
    expect(response.status).toBe(201);
    return response.body as EventBody;
  }

  async function moveTo(eventId: string, ...statuses: string[]): Promise<void> {
    for (const status of statuses) {
      await post(`/events/${eventId}/status`, { status }).expect(200);
    }
  }

  const count = async (sql: string, values: unknown[] = []): Promise<number> =>
    (await t.dataSource.query<{ n: number }[]>(sql, values))[0]!.n;

  describe('create and read', () => {
    it('should create an event with its organizer, venue, settings and rooms', async () => {
      const puspen = await createOrganization(t, {
        kind: 'external',
        name: 'Pusat Penerangan Uji',
        acronym: 'Puspen Uji',
      });
      const response = await post('/events', {
        slug: 'workshop-kehumasan-2022',
        title: '  Rapat Koordinasi dan Workshop Pengelolaan Kehumasan ',
        description: 'Meningkatkan kompetensi pengelola kehumasan.',
        organizerId: puspen.id,
        venue: { name: 'El Royal Hotel', city: 'Jakarta Utara' },
        startDate: '2022-06-28',
        endDate: '2022-06-30',
        capacity: 150,
        registrationOpensAt: '2022-06-01T08:00:00+07:00',
        registrationClosesAt: '2022-06-27T10:00:00Z',
        settings: { approvalRequired: true, requiredDelegateFields: ['nip', 'position'] },
        rooms: [
          { name: 'Ruang Rapat 2', capacity: 40 },
          { name: 'Ballroom', capacity: 200 },
        ],
      }).expect(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        slug: 'workshop-kehumasan-2022',
        title: 'Rapat Koordinasi dan Workshop Pengelolaan Kehumasan',
        description: 'Meningkatkan kompetensi pengelola kehumasan.',
        organizer: { id: puspen.id, name: 'Pusat Penerangan Uji', acronym: 'Puspen Uji' },
        venue: { name: 'El Royal Hotel', address: null, city: 'Jakarta Utara' },
        timeZone: 'Asia/Jakarta',
        timeZoneLabel: 'WIB',
        startDate: '2022-06-28',
        endDate: '2022-06-30',
        capacity: 150,
        registrationOpensAt: '2022-06-01T08:00:00+07:00',
        registrationClosesAt: '2022-06-27T17:00:00+07:00',
        settings: {
          approvalRequired: true,
          waitlistEnabled: true,
          defaultDelegationSeats: 2,
          requiredDelegateFields: ['nip', 'position'],
          openRegistration: false,
        },
        status: 'draft',
        allowedTransitions: ['published', 'cancelled'],
        rooms: [
          { id: expect.any(String), name: 'Ballroom', capacity: 200 },
          { id: expect.any(String), name: 'Ruang Rapat 2', capacity: 40 },
        ],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const fetched = await get(`/events/${response.body.id}`, {}, staff).expect(200);
      expect(fetched.body).toEqual(response.body);
    });

    it('should derive the slug from the title and default the zone and settings', async () => {
      const title = `Sosialisasi UU PDP Nomor 27 Tahun 2022 — Angkatan ${process.pid}`;
      const response = await post('/events', {
        title,
        startDate: '2022-09-01',
        endDate: '2022-09-01',
      }).expect(201);
      expect(response.body).toMatchObject({
        slug: `sosialisasi-uu-pdp-nomor-27-tahun-2022-angkatan-${process.pid}`,
        timeZone: 'Asia/Jakarta',
        timeZoneLabel: 'WIB',
        organizer: null,
        venue: null,
        description: null,
        capacity: null,
        registrationOpensAt: null,
        registrationClosesAt: null,
        settings: {
          approvalRequired: false,
          waitlistEnabled: true,
          defaultDelegationSeats: 2,
          requiredDelegateFields: ['position', 'phone'],
          openRegistration: false,
        },
        rooms: [],
      });
      const again = await post('/events', {
        title,
        startDate: '2022-09-02',
        endDate: '2022-09-02',
      });
      expect(expectProblem(again, 409, 'EVENT_SLUG_TAKEN').errors).toEqual([
        {
          field: 'slug',
          message: `Another event already uses the slug ${response.body.slug}; give another slug.`,
        },
      ]);
    });

    it.each([
      ['Asia/Makassar', 'WITA', '2022-06-01T09:00:00+08:00'],
      ['Asia/Jayapura', 'WIT', '2022-06-01T10:00:00+09:00'],
      ['Asia/Pontianak', 'WIB', '2022-06-01T08:00:00+07:00'],
      ['asia/tokyo', 'GMT+9', '2022-06-01T10:00:00+09:00'],
    ])('should hold an event in %s, labelled %s', async (zone, label, opens) => {
      const event = await createEvent({
        timeZone: zone,
        registrationOpensAt: '2022-06-01T08:00:00+07:00',
      });
      expect({
        timeZone: event.timeZone,
        label: event.timeZoneLabel,
        opens: event.registrationOpensAt,
      }).toEqual({
        timeZone: zone === 'asia/tokyo' ? 'Asia/Tokyo' : zone,
        label,
        opens,
      });
    });

    it('should answer 404 for an unknown event and 400 for a malformed id', async () => {
      expectProblem(await get(`/events/${MISSING}`), 404, 'EVENT_NOT_FOUND');
      const malformed = await get('/events/42');
      expect(expectProblem(malformed, 400, 'VALIDATION_FAILED').errors).toEqual([
        { field: 'eventId', message: 'eventId must be a UUID' },
      ]);
    });
  });

  describe('refusing bad input on create', () => {
    it.each<[string, Record<string, unknown>, string, string, string?]>([
      ['no title', { title: undefined }, 'VALIDATION_FAILED', 'title'],
      ['an empty title', { title: '   ' }, 'VALIDATION_FAILED', 'title'],
      ['a slug with capitals', { slug: 'Rakor-2022' }, 'VALIDATION_FAILED', 'slug'],
      ['a slug with a trailing hyphen', { slug: 'rakor-' }, 'VALIDATION_FAILED', 'slug'],
      [
        'a title without letters and no slug',
        { slug: undefined, title: '!!!' },
        'EVENT_SLUG_REQUIRED',
        'slug',
      ],
      ['an unknown zone', { timeZone: 'Asia/Bandung' }, 'VALIDATION_FAILED', 'timeZone'],
      ['an offset for a zone', { timeZone: '+07:00' }, 'VALIDATION_FAILED', 'timeZone'],
      ['a null zone', { timeZone: null }, 'VALIDATION_FAILED', 'timeZone'],
      ['30 February', { startDate: '2022-02-30' }, 'VALIDATION_FAILED', 'startDate'],
      ['a date with a time', { endDate: '2022-06-30T00:00' }, 'VALIDATION_FAILED', 'endDate'],
      [
        'an end before the start',
        { startDate: '2022-06-30', endDate: '2022-06-28' },
        'INVALID_EVENT_DATES',
        'endDate',
        'endDate 2022-06-28 is before startDate 2022-06-30.',
      ],
      [
        'an event of 32 days',
        { startDate: '2022-06-01', endDate: '2022-07-02' },
        'INVALID_EVENT_DATES',
        'endDate',
        'An event lasts at most 31 days; 2022-06-01 to 2022-07-02 is 32 days.',
      ],
      ['no capacity', { capacity: 0 }, 'VALIDATION_FAILED', 'capacity'],
      ['a fractional capacity', { capacity: 1.5 }, 'VALIDATION_FAILED', 'capacity'],
      [
        'an opening without an offset',
        { registrationOpensAt: '2022-06-01T08:00' },
        'VALIDATION_FAILED',
        'registrationOpensAt',
      ],
      [
        'a window closing before it opens',
        {
          registrationOpensAt: '2022-06-10T08:00:00+07:00',
          registrationClosesAt: '2022-06-10T01:00:00Z',
        },
        'INVALID_REGISTRATION_WINDOW',
        'registrationClosesAt',
        'registrationClosesAt must be after registrationOpensAt.',
      ],
      [
        'an organizer id that is no UUID',
        { organizerId: 'puspen' },
        'VALIDATION_FAILED',
        'organizerId',
      ],
      [
        'an unknown organizer',
        { organizerId: MISSING },
        'UNKNOWN_ORGANIZER',
        'organizerId',
        `No organization has the id ${MISSING}.`,
      ],
      ['a venue without a name', { venue: { city: 'Jakarta' } }, 'VALIDATION_FAILED', 'venue.name'],
      ['a venue as text', { venue: 'El Royal' }, 'VALIDATION_FAILED', 'venue'],
      [
        'too many seats per delegation',
        { settings: { defaultDelegationSeats: 101 } },
        'VALIDATION_FAILED',
        'settings.defaultDelegationSeats',
      ],
      [
        'an unknown delegate field',
        { settings: { requiredDelegateFields: ['shoeSize'] } },
        'VALIDATION_FAILED',
        'settings.requiredDelegateFields',
      ],
      [
        'a repeated delegate field',
        { settings: { requiredDelegateFields: ['nik', 'nik'] } },
        'VALIDATION_FAILED',
        'settings.requiredDelegateFields',
      ],
      [
        'a null setting',
        { settings: { approvalRequired: null } },
        'VALIDATION_FAILED',
        'settings.approvalRequired',
      ],
      ['an unknown setting', { settings: { vip: true } }, 'VALIDATION_FAILED', 'settings.vip'],
      [
        'a room without a name',
        { rooms: [{ capacity: 10 }] },
        'VALIDATION_FAILED',
        'rooms[0].name',
      ],
      [
        'a room without seats',
        { rooms: [{ name: 'A' }, { name: 'B', capacity: 0 }] },
        'VALIDATION_FAILED',
        'rooms[1].capacity',
      ],
      [
        'two rooms differing only in case and accents',
        { rooms: [{ name: 'Ruang Séminar' }, { name: 'Ballroom' }, { name: 'ruang  SEMINAR' }] },
        'DUPLICATE_ROOM_NAME',
        'rooms[2].name',
        'Two rooms are named "ruang  SEMINAR"; room names must differ, ignoring case and accents.',
      ],
      ['a status', { status: 'published' }, 'VALIDATION_FAILED', 'status'],
      ['an unknown field', { hotel: 'El Royal' }, 'VALIDATION_FAILED', 'hotel'],
    ])(
      'should refuse %s, naming the field and writing nothing',
      // A rest parameter, so that Jest does not take the optional message for a done callback.
      async (...[, override, code, field, message]) => {
        const before = await count('SELECT count(*)::int AS n FROM events');
        const rooms = await count('SELECT count(*)::int AS n FROM rooms');
        const response = await post('/events', { ...buildEvent(), ...override });
        const errors = expectProblem(response, 400, code).errors ?? [];
        expect(errors.map((error) => error.field)).toEqual([field]);
        if (message !== undefined) expect(errors[0]?.message).toBe(message);
        expect(await count('SELECT count(*)::int AS n FROM events')).toBe(before);
        expect(await count('SELECT count(*)::int AS n FROM rooms')).toBe(rooms);
      },
    );

    it('should refuse a body that is not JSON', async () => {
      const response = await t.http
        .post('/api/v1/events')
        .auth(organizer, { type: 'bearer' })
        .set('content-type', 'application/json')
        .send('{"title": ');
      expectProblem(response, 400, 'MALFORMED_JSON');
    });
  });

  describe('list', () => {
    let listed: EventBody[];
    let organizerId: string;
    const tag = `cari${process.pid}`;

    beforeAll(async () => {
      organizerId = (
        await createOrganization(t, { kind: 'external', name: 'Penyelenggara Daftar' })
      ).id;
      listed = [
        await createEvent({
          slug: `${tag}-beta`,
          title: `Bimtek Kehumasán ${tag}`,
          startDate: '2023-03-10',
          endDate: '2023-03-12',
          organizerId,
        }),
        await createEvent({
          slug: `${tag}-alfa`,
          title: `Rakor Media Sosial ${tag}`,
          startDate: '2023-03-10',
          endDate: '2023-03-10',
          venue: { name: 'Hotel Aryaduta', city: 'Makassar' },
        }),
        await createEvent({
          slug: `${tag}-gamma`,
          title: `Workshop Kehumasan Daerah ${tag}`,
          startDate: '2023-02-27',
          endDate: '2023-03-02',
          organizerId,
        }),
      ];
      await moveTo(listed[2]!.id, 'published');
    });

    it('should page through every event in (start date, slug) order without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { limit: '2' };
        if (cursor) query.cursor = cursor;
        const page = await get('/events', query, staff).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((event: EventBody) => event.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const all = await t.dataSource.query<{ id: string }[]>(
        'SELECT id FROM events ORDER BY start_date, slug COLLATE "C", id',
      );
      expect(seen).toEqual(all.map((row) => row.id));
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('should find events by words of the title, slug or venue, ignoring case and accents', async () => {
      const ids = async (q: string) =>
        ((await get('/events', { q }, staff).expect(200)).body.items as EventBody[]).map(
          (event) => event.slug,
        );
      expect(await ids(`KEHUMASAN ${tag}`)).toEqual([`${tag}-gamma`, `${tag}-beta`]);
      expect(await ids(`aryadutá ${tag}`)).toEqual([`${tag}-alfa`]);
      expect(await ids(`makassar ${tag}`)).toEqual([`${tag}-alfa`]);
      expect(await ids(`${tag}-alfa`)).toEqual([`${tag}-alfa`]);
      expect(await ids(`kehumasan ${tag} 100%`)).toEqual([]);
    });

    it('should filter by status, organizer and the days an event overlaps', async () => {
      const slugs = async (query: Record<string, string>) =>
        (
          (await get('/events', { q: tag, ...query }, staff).expect(200)).body.items as EventBody[]
        ).map((event) => event.slug);
      expect(await slugs({ status: 'published' })).toEqual([`${tag}-gamma`]);
      expect(await slugs({ status: 'draft' })).toEqual([`${tag}-alfa`, `${tag}-beta`]);
      expect(await slugs({ organizerId })).toEqual([`${tag}-gamma`, `${tag}-beta`]);
      expect(await slugs({ from: '2023-03-02', to: '2023-03-02' })).toEqual([`${tag}-gamma`]);
      expect(await slugs({ from: '2023-03-03', to: '2023-03-09' })).toEqual([]);
      expect(await slugs({ from: '2023-03-11' })).toEqual([`${tag}-beta`]);
      expect(await slugs({ to: '2023-02-27' })).toEqual([`${tag}-gamma`]);
    });

    it('should list each event as getEvent returns it', async () => {
      const page = await get('/events', { q: `${tag}-beta` }, staff).expect(200);
      expect(page.body).toEqual({
        items: [(await get(`/events/${listed[0]!.id}`).expect(200)).body],
        nextCursor: null,
      });
    });

    it('should read a page of events in one query, whatever its size', async () => {
      const one = await t.queriesDuring(() => get('/events', { limit: '1' }, staff).expect(200));
      const three = await t.queriesDuring(() => get('/events', { limit: '3' }, staff).expect(200));
      expect(three.length).toBe(one.length);
      expect(three.length).toBeLessThanOrEqual(2);
      expect(three.filter((sql) => /\bFROM events\b/.test(sql))).toHaveLength(1);
    });

    it.each([
      [{ status: 'postponed' }, 'status', 'VALIDATION_FAILED'],
      [{ from: '2022-02-30' }, 'from', 'VALIDATION_FAILED'],
      [{ from: '2022-07-01', to: '2022-06-30' }, 'to', 'INVALID_DATE_RANGE'],
      [{ organizerId: 'kemendagri' }, 'organizerId', 'VALIDATION_FAILED'],
      [{ limit: '0' }, 'limit', 'VALIDATION_FAILED'],
      [{ limit: '201' }, 'limit', 'VALIDATION_FAILED'],
      [{ cursor: 'bm90LWEtY3Vyc29y' }, 'cursor', 'INVALID_CURSOR'],
      [{ sort: 'title' }, 'sort', 'VALIDATION_FAILED'],
    ])('should refuse the query %j naming %s', async (query, field, code) => {
      const response = await get('/events', query, staff);
      expect(expectProblem(response, 400, code).errors?.map((error) => error.field)).toEqual([
        field,
      ]);
    });
  });

  describe('update', () => {
    it('should change details, clear optional ones and merge settings', async () => {
      const organization = await createOrganization(t, { kind: 'external', name: 'Panitia Ubah' });
      const event = await createEvent({
        description: 'Awal',
        organizerId: organization.id,
        venue: { name: 'El Royal Hotel', address: 'Jl. Bandengan', city: 'Jakarta Utara' },
        capacity: 100,
        registrationOpensAt: '2022-06-01T08:00:00+07:00',
        settings: { approvalRequired: true },
      });
      const response = await patch(`/events/${event.id}`, {
        title: 'Rakor Diubah',
        description: null,
        organizerId: null,
        venue: null,
        capacity: null,
        registrationOpensAt: null,
        registrationClosesAt: '2022-06-27T17:00:00+07:00',
        settings: { defaultDelegationSeats: 3 },
        endDate: '2022-07-01',
      }).expect(200);
      expect(response.body).toEqual({
        ...event,
        title: 'Rakor Diubah',
        description: null,
        organizer: null,
        venue: null,
        capacity: null,
        registrationOpensAt: null,
        registrationClosesAt: '2022-06-27T17:00:00+07:00',
        settings: {
          ...(event.settings as object),
          approvalRequired: true,
          defaultDelegationSeats: 3,
        },
        endDate: '2022-07-01',
        updatedAt: expect.any(String),
      });
      expect(await get(`/events/${event.id}`).expect(200)).toHaveProperty('body', response.body);
      const nothing = await patch(`/events/${event.id}`, {}).expect(200);
      expect(nothing.body).toEqual(response.body);
    });

    it('should refuse a slug another event uses', async () => {
      const first = await createEvent();
      const second = await createEvent();
      const response = await patch(`/events/${second.id}`, { slug: first.slug });
      expect(expectProblem(response, 409, 'EVENT_SLUG_TAKEN').errors?.[0]?.field).toBe('slug');
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['a null title', { title: null }, 'VALIDATION_FAILED', 'title'],
      ['a null start date', { startDate: null }, 'VALIDATION_FAILED', 'startDate'],
      ['a null zone', { timeZone: null }, 'VALIDATION_FAILED', 'timeZone'],
      ['null settings', { settings: null }, 'VALIDATION_FAILED', 'settings'],
      ['a start after the end', { startDate: '2022-07-05' }, 'INVALID_EVENT_DATES', 'startDate'],
      ['an end 40 days on', { endDate: '2022-08-06' }, 'INVALID_EVENT_DATES', 'endDate'],
      [
        'a closing before the opening',
        { registrationOpensAt: '2022-06-20T08:00:00+07:00' },
        'INVALID_REGISTRATION_WINDOW',
        'registrationOpensAt',
      ],
      ['rooms', { rooms: [{ name: 'Ballroom' }] }, 'VALIDATION_FAILED', 'rooms'],
      ['a status', { status: 'published' }, 'VALIDATION_FAILED', 'status'],
      ['an unknown organizer', { organizerId: MISSING }, 'UNKNOWN_ORGANIZER', 'organizerId'],
    ])('should refuse %s naming the field', async (_name, body, code, field) => {
      const event = await createEvent({ registrationClosesAt: '2022-06-10T08:00:00+07:00' });
      const response = await patch(`/events/${event.id}`, body);
      expect(expectProblem(response, 400, code).errors?.map((error) => error.field)).toEqual([
        field,
      ]);
      expect((await get(`/events/${event.id}`).expect(200)).body).toEqual(event);
    });

    it('should answer 404 for an unknown event and 400 for a malformed id', async () => {
      expectProblem(await patch(`/events/${MISSING}`, { title: 'X' }), 404, 'EVENT_NOT_FOUND');
      expectProblem(await patch('/events/not-a-uuid', { title: 'X' }), 400, 'VALIDATION_FAILED');
    });

    it('should refuse new days that would leave sessions outside, counting them', async () => {
      const event = await createEvent();
      const session = (startsAt: string, endsAt: string) =>
        post(`/events/${event.id}/sessions`, {
          type: 'plenary',
          title: `Sesi ${startsAt}`,
          startsAt,
          endsAt,
        }).expect(201);
      await session('2022-06-28T19:00', '2022-06-28T21:00');
      await session('2022-06-30T08:00', '2022-06-30T10:00');
      await session('2022-06-30T13:00', '2022-06-30T15:00');
      const shorter = await patch(`/events/${event.id}`, {
        startDate: '2022-06-29',
        endDate: '2022-06-29',
      });
      const body = expectProblem(shorter, 409, 'EVENT_SESSIONS_OUTSIDE_DATES');
      expect(body.detail).toBe(
        "3 sessions would fall outside the event's days, 29 June 2022 to 29 June 2022 (WIB): move or unschedule them first.",
      );
      expect(body.errors).toEqual([
        { field: 'startDate', message: '1 session would start before 29 June 2022.' },
        { field: 'endDate', message: '2 sessions would end after 29 June 2022.' },
      ]);
      // Further east the evening of the last day runs past its midnight.
      const late = await session('2022-06-30T22:00', '2022-06-30T23:30');
      const east = await patch(`/events/${event.id}`, { timeZone: 'Asia/Jayapura' });
      expect(expectProblem(east, 409, 'EVENT_SESSIONS_OUTSIDE_DATES').errors).toEqual([
        { field: 'timeZone', message: '1 session would end after 30 June 2022.' },
      ]);
      await del(`/events/${event.id}/sessions/${late.body.id}`).expect(204);
      expect((await get(`/events/${event.id}`).expect(200)).body.endDate).toBe('2022-06-30');
      await patch(`/events/${event.id}`, { endDate: '2022-07-01' }).expect(200);
    });

    it('should keep sessions at their instant and move their day when the zone changes', async () => {
      const event = await createEvent();
      const late = await post(`/events/${event.id}/sessions`, {
        type: 'discussion',
        title: 'Diskusi malam',
        startsAt: '2022-06-28T23:00',
        endsAt: '2022-06-28T23:30',
      }).expect(201);
      expect(late.body).toMatchObject({ day: '2022-06-28', startsAt: '2022-06-28T23:00:00+07:00' });
      const moved = await patch(`/events/${event.id}`, { timeZone: 'Asia/Jayapura' }).expect(200);
      expect(moved.body).toMatchObject({ timeZone: 'Asia/Jayapura', timeZoneLabel: 'WIT' });
      const after = await get(`/events/${event.id}/sessions/${late.body.id}`).expect(200);
      expect(after.body).toMatchObject({
        day: '2022-06-29',
        startsAt: '2022-06-29T01:00:00+09:00',
        endsAt: '2022-06-29T01:30:00+09:00',
      });
    });
  });

  describe('status', () => {
    it.each([
      [['published', 'closed', 'completed']],
      [['cancelled']],
      [['published', 'cancelled']],
      [['published', 'closed', 'cancelled']],
    ])('should follow the legal path %j', async (path) => {
      const event = await createEvent();
      let allowed = ['published', 'cancelled'];
      for (const status of path) {
        expect(allowed).toContain(status);
        const response = await post(`/events/${event.id}/status`, { status }).expect(200);
        expect(response.body).toEqual({
          ...event,
          status,
          allowedTransitions: expect.any(Array),
          updatedAt: expect.any(String),
        });
        allowed = response.body.allowedTransitions;
      }
    });

    it('should report the transitions allowed from each status', async () => {
      const event = await createEvent();
      const allowed = async (status: string): Promise<string[]> =>
        (await post(`/events/${event.id}/status`, { status }).expect(200)).body
          .allowedTransitions as string[];
      expect(await allowed('published')).toEqual(['closed', 'cancelled']);
      expect(await allowed('closed')).toEqual(['completed', 'cancelled']);
      expect(await allowed('completed')).toEqual([]);
    });

    it.each([
      [
        [],
        'closed',
        'An event moves draft → published → closed → completed, and may be cancelled before it is completed; from draft it may only become published or cancelled, not closed.',
      ],
      [
        [],
        'completed',
        'An event moves draft → published → closed → completed, and may be cancelled before it is completed; from draft it may only become published or cancelled, not completed.',
      ],
      [[], 'draft', 'The event is already draft.'],
      [
        ['published'],
        'draft',
        'An event moves draft → published → closed → completed, and may be cancelled before it is completed; from published it may only become closed or cancelled, not draft.',
      ],
      [
        ['published', 'closed', 'completed'],
        'cancelled',
        'An event moves draft → published → closed → completed, and may be cancelled before it is completed; a completed event does not change status any more.',
      ],
      [
        ['cancelled'],
        'published',
        'An event moves draft → published → closed → completed, and may be cancelled before it is completed; a cancelled event does not change status any more.',
      ],
    ])('after %j, should refuse %s explaining why', async (path, status, detail) => {
      const event = await createEvent();
      await moveTo(event.id, ...path);
      const response = await post(`/events/${event.id}/status`, { status });
      const body = expectProblem(response, 409, 'EVENT_STATUS_TRANSITION');
      expect({ detail: body.detail, errors: body.errors }).toEqual({
        detail,
        errors: [{ field: 'status', message: detail }],
      });
    });

    it('should let exactly one of five concurrent publications win', async () => {
      const event = await createEvent();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          post(`/events/${event.id}/status`, { status: 'published' }),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([
        200, 409, 409, 409, 409,
      ]);
      for (const response of responses.filter((r) => r.status === 409)) {
        expect(expectProblem(response, 409, 'EVENT_STATUS_TRANSITION').detail).toBe(
          'The event is already published.',
        );
      }
      expect((await get(`/events/${event.id}`).expect(200)).body.status).toBe('published');
    });

    it('should answer 404 for an unknown event and 400 for an unknown status', async () => {
      expectProblem(
        await post(`/events/${MISSING}/status`, { status: 'published' }),
        404,
        'EVENT_NOT_FOUND',
      );
      const event = await createEvent();
      for (const body of [{ status: 'postponed' }, {}, { status: 'published', reason: 'x' }]) {
        const response = await post(`/events/${event.id}/status`, body);
        expect(expectProblem(response, 400, 'VALIDATION_FAILED').errors?.length).toBe(1);
      }
      expectProblem(
        await post('/events/nope/status', { status: 'published' }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('should keep completed and cancelled events, their rooms and sessions read-only', async () => {
      for (const path of [['published', 'closed', 'completed'], ['cancelled']]) {
        const event = await createEvent({ rooms: [{ name: 'Ballroom' }] });
        const room = event.rooms[0]!;
        const session = await post(`/events/${event.id}/sessions`, {
          type: 'break',
          title: 'Rehat kopi',
          durationMinutes: 15,
        }).expect(201);
        await moveTo(event.id, ...path);
        const status = path[path.length - 1];
        const refused = [
          await patch(`/events/${event.id}`, { title: 'Ubah' }),
          await post(`/events/${event.id}/rooms`, { name: 'Ruang Baru' }),
          await patch(`/events/${event.id}/rooms/${room.id}`, { capacity: 10 }),
          await del(`/events/${event.id}/rooms/${room.id}`),
          await post(`/events/${event.id}/sessions`, {
            type: 'break',
            title: 'X',
            durationMinutes: 5,
          }),
          await patch(`/events/${event.id}/sessions/${session.body.id}`, { title: 'Y' }),
          await del(`/events/${event.id}/sessions/${session.body.id}`),
        ];
        for (const response of refused) {
          expect(expectProblem(response, 409, 'EVENT_READ_ONLY').detail).toBe(
            `"${event.title}" is ${status}: its details, rooms and sessions no longer change.`,
          );
        }
        expect((await get(`/events/${event.id}`).expect(200)).body).toMatchObject({
          title: event.title,
          rooms: [room],
        });
      }
    });
  });

  describe('delete', () => {
    it('should delete a draft event with its rooms, sessions and role holders', async () => {
      const event = await createEvent({ rooms: [{ name: 'Ballroom' }] });
      const person = await createPerson(t, { name: 'Benni Irwan' });
      await post(`/events/${event.id}/sessions`, {
        type: 'report',
        title: 'Laporan',
        startsAt: '2022-06-28T19:00',
        endsAt: '2022-06-28T19:15',
        roomId: event.rooms[0]!.id,
        roles: [{ role: 'reporter', personId: person.id }],
      }).expect(201);
      await del(`/events/${event.id}`).expect(204);
      expectProblem(await get(`/events/${event.id}`), 404, 'EVENT_NOT_FOUND');
      expect(
        await count(
          `SELECT ((SELECT count(*) FROM rooms WHERE event_id = $1)
                 + (SELECT count(*) FROM sessions WHERE event_id = $1))::int AS n`,
          [event.id],
        ),
      ).toBe(0);
      expect(
        await count('SELECT count(*)::int AS n FROM session_role_holders WHERE person_id = $1', [
          person.id,
        ]),
      ).toBe(0);
      expect((await get(`/people/${person.id}`).expect(200)).body.name).toBe('Benni Irwan');
    });

    it('should delete a cancelled event and refuse a published one', async () => {
      const cancelled = await createEvent();
      await moveTo(cancelled.id, 'cancelled');
      await del(`/events/${cancelled.id}`).expect(204);
      const published = await createEvent();
      await moveTo(published.id, 'published');
      expect(
        expectProblem(await del(`/events/${published.id}`), 409, 'EVENT_NOT_DELETABLE').detail,
      ).toBe(
        `"${published.title}" is published; only a draft or cancelled event can be deleted. Cancel it first.`,
      );
      await get(`/events/${published.id}`).expect(200);
    });

    it('should answer 404 for an unknown event and 400 for a malformed id', async () => {
      expectProblem(await del(`/events/${MISSING}`), 404, 'EVENT_NOT_FOUND');
      expectProblem(await del('/events/123'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('rooms', () => {
    it('should list, add, rename and delete rooms, sorted by name', async () => {
      const event = await createEvent({ rooms: [{ name: 'Ruang Rapat', capacity: 30 }] });
      const ballroom = await post(`/events/${event.id}/rooms`, {
        name: ' Ballroom ',
        capacity: 200,
      }).expect(201);
      expect(ballroom.body).toEqual({ id: expect.any(String), name: 'Ballroom', capacity: 200 });
      const list = await get(`/events/${event.id}/rooms`, {}, staff).expect(200);
      expect(list.body).toEqual({ items: [ballroom.body, event.rooms[0]] });
      const renamed = await patch(`/events/${event.id}/rooms/${ballroom.body.id}`, {
        name: 'Grand Ballroom',
        capacity: null,
      }).expect(200);
      expect(renamed.body).toEqual({
        id: ballroom.body.id,
        name: 'Grand Ballroom',
        capacity: null,
      });
      await del(`/events/${event.id}/rooms/${ballroom.body.id}`).expect(204);
      expect((await get(`/events/${event.id}/rooms`).expect(200)).body).toEqual({
        items: [event.rooms[0]],
      });
      expect((await get(`/events/${event.id}`).expect(200)).body.rooms).toEqual([event.rooms[0]]);
    });

    it('should list no rooms for an event without any, and 404 for a missing event', async () => {
      const event = await createEvent();
      expect((await get(`/events/${event.id}/rooms`).expect(200)).body).toEqual({ items: [] });
      expectProblem(await get(`/events/${MISSING}/rooms`), 404, 'EVENT_NOT_FOUND');
    });

    it('should refuse a name another room of the event has, ignoring case and accents', async () => {
      const event = await createEvent({ rooms: [{ name: 'Ruang Séminar' }, { name: 'Ballroom' }] });
      const other = await createEvent({ rooms: [{ name: 'Ruang Seminar' }] });
      expect(other.rooms).toHaveLength(1);
      const taken = await post(`/events/${event.id}/rooms`, { name: 'RUANG seminar' });
      expect(expectProblem(taken, 409, 'ROOM_NAME_TAKEN').errors).toEqual([
        {
          field: 'name',
          message:
            'The event already has a room named "RUANG seminar" (ignoring case and accents).',
        },
      ]);
      const ballroom = event.rooms.find((room) => room.name === 'Ballroom')!;
      expectProblem(
        await patch(`/events/${event.id}/rooms/${ballroom.id}`, { name: 'ruang seminar' }),
        409,
        'ROOM_NAME_TAKEN',
      );
      await patch(`/events/${event.id}/rooms/${ballroom.id}`, { name: 'BALLROOM' }).expect(200);
    });

    it("should not find another event's room", async () => {
      const event = await createEvent();
      const other = await createEvent({ rooms: [{ name: 'Ballroom' }] });
      const room = other.rooms[0]!;
      expectProblem(
        await patch(`/events/${event.id}/rooms/${room.id}`, { capacity: 5 }),
        404,
        'ROOM_NOT_FOUND',
      );
      expectProblem(await del(`/events/${event.id}/rooms/${room.id}`), 404, 'ROOM_NOT_FOUND');
      expectProblem(
        await post(`/events/${MISSING}/rooms`, { name: 'Ballroom' }),
        404,
        'EVENT_NOT_FOUND',
      );
      expectProblem(
        await patch(`/events/${MISSING}/rooms/${room.id}`, { capacity: 5 }),
        404,
        'EVENT_NOT_FOUND',
      );
    });

    it('should refuse to delete a room a session uses', async () => {
      const event = await createEvent({ rooms: [{ name: 'Ballroom' }] });
      const room = event.rooms[0]!;
      for (const title of ['Pembukaan', 'Penutupan']) {
        await post(`/events/${event.id}/sessions`, {
          type: 'plenary',
          title,
          durationMinutes: 30,
          roomId: room.id,
        }).expect(201);
      }
      const response = await del(`/events/${event.id}/rooms/${room.id}`);
      expect(expectProblem(response, 409, 'ROOM_IN_USE').detail).toBe(
        'The room is used by 2 sessions; move them to another room first.',
      );
      expect((await get(`/events/${event.id}/rooms`).expect(200)).body.items).toEqual([room]);
    });

    it.each<[string, string, Record<string, unknown>, string]>([
      ['create', 'post', { name: '' }, 'name'],
      ['create', 'post', { capacity: 10 }, 'name'],
      ['create', 'post', { name: 'A', capacity: 0 }, 'capacity'],
      ['create', 'post', { name: 'A', capacity: '10' }, 'capacity'],
      ['create', 'post', { name: 'A', floor: 2 }, 'floor'],
      ['update', 'patch', { name: null }, 'name'],
      ['update', 'patch', { capacity: -1 }, 'capacity'],
      ['update', 'patch', { name: 'x'.repeat(101) }, 'name'],
      ['update', 'patch', { eventId: MISSING }, 'eventId'],
    ])('should refuse a bad %s body %j naming %s', async (_what, method, body, field) => {
      const event = await createEvent({ rooms: [{ name: 'Ballroom' }] });
      const path =
        method === 'post'
          ? `/events/${event.id}/rooms`
          : `/events/${event.id}/rooms/${event.rooms[0]!.id}`;
      const response = method === 'post' ? await post(path, body) : await patch(path, body);
      expect(expectProblem(response, 400, 'VALIDATION_FAILED').errors?.map((e) => e.field)).toEqual(
        [field],
      );
    });

    it('should refuse malformed ids in room paths', async () => {
      const event = await createEvent();
      expect(expectProblem(await get('/events/x/rooms'), 400, 'VALIDATION_FAILED').errors).toEqual([
        { field: 'eventId', message: 'eventId must be a UUID' },
      ]);
      expect(
        expectProblem(
          await patch(`/events/${event.id}/rooms/x`, { capacity: 1 }),
          400,
          'VALIDATION_FAILED',
        ).errors,
      ).toEqual([{ field: 'roomId', message: 'roomId must be a UUID' }]);
      expectProblem(await del(`/events/${event.id}/rooms/x`), 400, 'VALIDATION_FAILED');
    });
  });

  describe('access', () => {
    let event: EventBody;
    let roomPath: string;

    beforeAll(async () => {
      event = await createEvent({ rooms: [{ name: 'Ballroom' }] });
      roomPath = `/events/${event.id}/rooms/${event.rooms[0]!.id}`;
    });

    it('should let staff read events and rooms', async () => {
      await get('/events', {}, staff).expect(200);
      await get(`/events/${event.id}`, {}, staff).expect(200);
      await get(`/events/${event.id}/rooms`, {}, staff).expect(200);
    });

    it('should refuse staff every write, changing nothing', async () => {
      const writes = [
        await post('/events', buildEvent(), staff),
        await patch(`/events/${event.id}`, { title: 'Staff' }, staff),
        await del(`/events/${event.id}`, staff),
        await post(`/events/${event.id}/status`, { status: 'published' }, staff),
        await post(`/events/${event.id}/rooms`, { name: 'Ruang Staff' }, staff),
        await patch(roomPath, { capacity: 1 }, staff),
        await del(roomPath, staff),
      ];
      for (const response of writes) expectProblem(response, 403, 'ROLE_FORBIDDEN');
      expect((await get(`/events/${event.id}`).expect(200)).body).toEqual(event);
    });

    it('should let an administrator write', async () => {
      const admin = await t.tokenFor('admin');
      await patch(`/events/${event.id}`, { capacity: 99 }, admin).expect(200);
    });

    it('should ask for a token on every route', async () => {
      const anonymous = [
        t.http.get('/api/v1/events'),
        t.http.post('/api/v1/events').send(buildEvent()),
        t.http.get(`/api/v1/events/${event.id}`),
        t.http.patch(`/api/v1/events/${event.id}`).send({ title: 'X' }),
        t.http.delete(`/api/v1/events/${event.id}`),
        t.http.post(`/api/v1/events/${event.id}/status`).send({ status: 'published' }),
        t.http.get(`/api/v1/events/${event.id}/rooms`),
        t.http.post(`/api/v1/events/${event.id}/rooms`).send({ name: 'X' }),
        t.http.patch(`/api/v1${roomPath}`).send({ capacity: 1 }),
        t.http.delete(`/api/v1${roomPath}`),
      ];
      for (const response of await Promise.all(anonymous)) {
        expectProblem(response, 401, 'TOKEN_MISSING');
      }
    });
  });
});
