import { createPerson } from './support/catalog';
import { apiRequests, expectProblem, startTestApp, type TestApp } from './support/test-app';

interface Conflicts {
  conflicts: {
    kind: string;
    severity: string;
    itemIds: string[];
    personIds: string[];
    organizationIds: string[];
    roomId: string | null;
    message: { id: string; en: string };
  }[];
  errors: number;
  warnings: number;
}

describe('Agenda conflicts (e2e)', () => {
  let t: TestApp;
  let organizer: string;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    [organizer, staff] = await Promise.all([t.tokenFor('organizer'), t.tokenFor('staff')]);
  });
  afterAll(() => t.close());

  const { post, get } = apiRequests(
    () => t,
    () => organizer,
  );

  async function createEvent(slug: string, timeZone = 'Asia/Jakarta') {
    const response = await post('/events', {
      slug,
      title: 'Workshop Kehumasan',
      timeZone,
      startDate: '2022-06-28',
      endDate: '2022-06-30',
      rooms: [
        { name: 'Ballroom', capacity: 200 },
        { name: 'Ruang Rapat', capacity: 20 },
      ],
    }).expect(201);
    return response.body as { id: string; rooms: { id: string; name: string }[] };
  }

  it('should explain a person in two places and a room holding two items at once', async () => {
    const event = await createEvent('konflik-jakarta');
    const [ballroom, small] = event.rooms;
    const sekjen = await createPerson(t, {
      titlesBefore: 'Dr. Drs. H.',
      name: 'Suhajar Diantoro',
      titlesAfter: 'M.Si',
    });
    const session = async (body: object) =>
      (
        (await post(`/events/${event.id}/sessions`, { type: 'workshop', ...body }).expect(201))
          .body as { id: string }
      ).id;
    const first = await session({
      title: 'Sesi 1',
      startsAt: '2022-06-29T08:00',
      endsAt: '2022-06-29T11:00',
      roomId: ballroom?.id,
      roles: [{ role: 'speaker', personId: sekjen.id }],
    });
    const second = await session({
      title: 'Sesi 2',
      startsAt: '2022-06-29T10:00',
      endsAt: '2022-06-29T12:00',
      roomId: ballroom?.id,
      roles: [{ role: 'moderator', personId: sekjen.id }],
    });
    // Touching the first item is no clash; a seat limit above the room's is.
    await session({
      title: 'Sesi 3',
      startsAt: '2022-06-29T11:00',
      endsAt: '2022-06-29T12:00',
      roomId: small?.id,
      capacity: 50,
      roles: [{ role: 'speaker', personId: sekjen.id }],
    });

    const response = await get(`/events/${event.id}/agenda/conflicts`, {}, staff).expect(200);
    const body = response.body as Conflicts;
    expect(body.conflicts.map((conflict) => [conflict.kind, conflict.severity])).toEqual(
      expect.arrayContaining([
        ['person_double_booked', 'error'],
        ['room_double_booked', 'error'],
        ['room_too_small', 'error'],
      ]),
    );
    expect(body.conflicts).toHaveLength(4);
    const person = body.conflicts.filter((conflict) => conflict.kind === 'person_double_booked');
    expect(person.map((conflict) => conflict.personIds)).toEqual([[sekjen.id], [sekjen.id]]);
    expect(person[0]?.itemIds).toEqual([first, second]);
    expect(person[0]?.message.id).toContain('Dr. Drs. H. Suhajar Diantoro, M.Si');
    expect(person[0]?.message.id).toContain('Rabu, 29 Juni 2022');
    expect(person[0]?.message.id).toContain('10.00–11.00 WIB');
    const room = body.conflicts.find((conflict) => conflict.kind === 'room_double_booked');
    expect(room).toMatchObject({ itemIds: [first, second], roomId: ballroom?.id });
    expect(body.errors + body.warnings).toBe(body.conflicts.length);
  });

  it('should give times in the event zone, WITA for Makassar', async () => {
    const event = await createEvent('konflik-makassar', 'Asia/Makassar');
    const person = await createPerson(t);
    for (const title of ['Pleno', 'Panel']) {
      await post(`/events/${event.id}/sessions`, {
        type: 'panel',
        title,
        startsAt: '2022-06-28T19:00',
        endsAt: '2022-06-28T20:00',
        roles: [{ role: 'panelist', personId: person.id }],
      }).expect(201);
    }
    const body = (await get(`/events/${event.id}/agenda/conflicts`).expect(200)).body as Conflicts;
    expect(body.conflicts.map((conflict) => conflict.kind)).toEqual(['person_double_booked']);
    expect(body.conflicts[0]?.message.id).toContain('19.00–20.00 WITA');
    expect(body.conflicts[0]?.message.en).toContain('19:00–20:00 WITA');
  });

  it('should find nothing in an agenda without clashes, and refuse unknown or bad ids', async () => {
    const event = await createEvent('tanpa-konflik');
    expect((await get(`/events/${event.id}/agenda/conflicts`).expect(200)).body).toEqual({
      conflicts: [],
      errors: 0,
      warnings: 0,
    });
    expectProblem(
      await get('/events/00000000-0000-4000-8000-000000000000/agenda/conflicts'),
      404,
      'EVENT_NOT_FOUND',
    );
    expectProblem(await get('/events/42/agenda/conflicts'), 400, 'VALIDATION_FAILED');
    expectProblem(
      await t.http.get(`/api/v1/events/${event.id}/agenda/conflicts`),
      401,
      'TOKEN_MISSING',
    );
  });
});
