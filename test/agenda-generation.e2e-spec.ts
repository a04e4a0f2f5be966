import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOrganization, createPerson } from './support/catalog';
import { apiRequests, expectProblem, startTestApp, type TestApp } from './support/test-app';

interface Reference {
  event: {
    timeZone: string;
    startDate: string;
    endDate: string;
    dayWindows: { date: string; from: string; to: string }[];
  };
  people: { key: string; titlesBefore?: string; name: string; titlesAfter?: string }[];
  externalOrganizations: { key: string; name: string }[];
  program: {
    date: string;
    type: string;
    title: string;
    durationMinutes: number;
    fixedStart?: string;
    roles?: { role: string; person?: string; organization?: string }[];
  }[];
  breakRules: object;
}

interface Generated {
  applied: boolean;
  items: {
    sessionId: string | null;
    title: string;
    type: string;
    day: string;
    startsAt: string;
    endsAt: string;
    placement: string;
  }[];
  unplaced: {
    constraint: string;
    itemIds: string[];
    day: string | null;
    message: { id: string };
  }[];
  removedBreakIds: string[];
  conflicts: { errors: number };
}

interface Agenda {
  items: { id: string; title: string; type: string; startsAt: string; endsAt: string }[];
}

const reference = JSON.parse(
  readFileSync(join(__dirname, '..', 'demo', 'workshop-kehumasan-2022.json'), 'utf8'),
) as Reference;

/** "p4 2022-06-29T08:00–11:00": an item's program key (or title) and its local times. */
function line(
  item: { title: string; startsAt: string; endsAt: string },
  keys: Map<string, string>,
) {
  return `${keys.get(item.title) ?? item.title} ${item.startsAt.slice(0, 16)}–${item.endsAt.slice(11, 16)}`;
}

/** "19:00" plus 15 minutes is "19:15" (same day). */
function clockAfter(clock: string, minutes: number): string {
  const [hours = 0, mins = 0] = clock.split(':').map(Number);
  const total = hours * 60 + mins + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

describe('Agenda generation (e2e)', () => {
  let t: TestApp;
  let organizer: string;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    [organizer, staff] = await Promise.all([t.tokenFor('organizer'), t.tokenFor('staff')]);
  });
  afterAll(() => t.close());

  const { post, get, put } = apiRequests(
    () => t,
    () => organizer,
  );

  /** The reference workshop's program as items: the report pinned at 19.00, the rest unscheduled. */
  async function referenceWorkshop(slug: string) {
    const event = (
      await post('/events', {
        slug,
        title: 'Workshop Pengelolaan Kehumasan',
        timeZone: reference.event.timeZone,
        startDate: reference.event.startDate,
        endDate: reference.event.endDate,
        rooms: [{ name: 'Ballroom', capacity: 200 }],
      }).expect(201)
    ).body as { id: string };
    const holders = new Map<string, { personId?: string; organizationId?: string }>();
    for (const person of reference.people) {
      const { titlesBefore, name, titlesAfter } = person;
      const created = await createPerson(t, { titlesBefore, name, titlesAfter });
      holders.set(person.key, { personId: created.id });
    }
    for (const team of reference.externalOrganizations) {
      holders.set(team.key, {
        organizationId: (await createOrganization(t, { name: team.name })).id,
      });
    }
    const ids: string[] = [];
    const keys = new Map<string, string>();
    for (const [index, entry] of reference.program.entries()) {
      const times = entry.fixedStart
        ? {
            startsAt: `${entry.date}T${entry.fixedStart}`,
            endsAt: `${entry.date}T${clockAfter(entry.fixedStart, entry.durationMinutes)}`,
          }
        : { day: entry.date, durationMinutes: entry.durationMinutes };
      const session = (
        await post(`/events/${event.id}/sessions`, {
          type: entry.type,
          title: entry.title,
          roomId: undefined,
          ...times,
          roles: (entry.roles ?? []).map((r) => ({
            role: r.role,
            ...holders.get((r.person ?? r.organization) as string),
          })),
        }).expect(201)
      ).body as { id: string };
      ids.push(session.id);
      keys.set(entry.title, `p${index + 1}`);
    }
    keys.set('Rehat Kopi', 'break');
    keys.set('ISHOMA', 'ishoma');
    return { eventId: event.id, ids, keys };
  }

  function plan(windows = reference.event.dayWindows, pinned: string[] = []) {
    return {
      dayWindows: windows.map(({ date, from, to }) => ({ date, from, to })),
      breakRules: reference.breakRules,
      ordering: [],
      pinnedSessionIds: pinned,
      availability: [],
    };
  }

  const EXPECTED = [
    'p1 2022-06-28T19:00–19:15',
    'p2 2022-06-28T19:15–19:45',
    'p3 2022-06-28T19:45–21:15',
    'p4 2022-06-29T08:00–11:00',
    'break 2022-06-29T11:00–11:15',
    'ishoma 2022-06-29T12:00–13:00',
    'p5 2022-06-29T13:00–16:00',
    'p6 2022-06-30T08:00–09:30',
    'p7 2022-06-30T09:30–11:00',
    'break 2022-06-30T11:00–11:15',
    'ishoma 2022-06-30T12:00–13:00',
    'p8 2022-06-30T13:00–14:00',
    'p9 2022-06-30T14:00–14:30',
  ];

  it('should generate the reference rundown from its program, day windows and break rules', async () => {
    const { eventId, ids, keys } = await referenceWorkshop('generate-reference');
    await put(`/events/${eventId}/agenda/plan`, plan(undefined, [ids[0] as string])).expect(200);

    const preview = (await post(`/events/${eventId}/agenda/generate`, { dryRun: true }).expect(200))
      .body as Generated;
    expect(preview.applied).toBe(false);
    expect(preview.unplaced).toEqual([]);
    expect(preview.conflicts.errors).toBe(0);
    expect(preview.items.map((item) => line(item, keys))).toEqual(EXPECTED);
    expect(preview.items[0]).toMatchObject({
      placement: 'kept',
      startsAt: '2022-06-28T19:00:00+07:00',
    });
    // A preview writes nothing.
    const scheduled = await get(`/events/${eventId}/sessions`, { scheduled: 'true' }).expect(200);
    expect((scheduled.body as { items: unknown[] }).items).toHaveLength(1);

    const applied = (await post(`/events/${eventId}/agenda/generate`, {}).expect(200))
      .body as Generated;
    expect(applied.applied).toBe(true);
    expect(applied.items.map((item) => line(item, keys))).toEqual(EXPECTED);
    expect(applied.items.every((item) => item.sessionId !== null)).toBe(true);
    const draft = (await get(`/events/${eventId}/agenda/draft`, {}, staff).expect(200))
      .body as Agenda;
    expect(draft.items.map((item) => line(item, keys))).toEqual(EXPECTED);
    expect((await get(`/events/${eventId}/agenda/conflicts`).expect(200)).body).toMatchObject({
      errors: 0,
    });

    // Generating again keeps everything: no second ISHOMA or coffee break.
    const again = (await post(`/events/${eventId}/agenda/generate`, {}).expect(200))
      .body as Generated;
    expect(again.items.map((item) => item.placement)).toEqual(EXPECTED.map(() => 'kept'));
    expect(again.items.map((item) => line(item, keys))).toEqual(EXPECTED);
  });

  it('should say exactly what does not fit when the last day is tightened, and change nothing', async () => {
    const { eventId, ids, keys } = await referenceWorkshop('generate-tight');
    await put(`/events/${eventId}/agenda/plan`, plan(undefined, [ids[0] as string])).expect(200);
    await post(`/events/${eventId}/agenda/generate`, {}).expect(200);
    const before = (await get(`/events/${eventId}/agenda/draft`).expect(200)).body as Agenda;

    const tight = reference.event.dayWindows.map((w) =>
      w.date === '2022-06-30' ? { ...w, from: '08:00', to: '11:00' } : w,
    );
    await put(`/events/${eventId}/agenda/plan`, plan(tight, [ids[0] as string])).expect(200);
    const preview = (
      await post(`/events/${eventId}/agenda/generate`, { dryRun: true, reschedule: 'all' }).expect(
        200,
      )
    ).body as Generated;
    expect(preview.unplaced.map((u) => [u.constraint, u.itemIds, u.day])).toEqual([
      ['day_too_short', [ids[7]], '2022-06-30'],
      ['day_too_short', [ids[8]], '2022-06-30'],
    ]);
    expect(preview.unplaced[0]?.message.id).toBe(
      'Mengelola Krisis Media Sosial Pemerintah (60 menit) tidak muat pada 30 Juni: sisa 0 menit',
    );
    expect(preview.removedBreakIds).toHaveLength(4);

    const refused = expectProblem(
      await post(`/events/${eventId}/agenda/generate`, { reschedule: 'all' }),
      422,
      'AGENDA_INFEASIBLE',
    );
    expect(refused.detail).toContain('Penutupan (30 minutes) does not fit on 30 June');
    expect(refused.unplaced).toEqual(preview.unplaced);
    const after = (await get(`/events/${eventId}/agenda/draft`).expect(200)).body as Agenda;
    expect(after.items.map((item) => line(item, keys))).toEqual(
      before.items.map((item) => line(item, keys)),
    );
  });

  it('should keep pinned and published items where they are unless asked otherwise', async () => {
    const { eventId, ids } = await referenceWorkshop('generate-keep');
    await put(`/events/${eventId}/agenda/plan`, plan(undefined, [ids[0] as string])).expect(200);
    await post(`/events/${eventId}/agenda/generate`, {}).expect(200);
    await post(`/events/${eventId}/agenda/publish`, {}).expect(201);
    // Sesi 2 moves to 14.00 after publishing; a new unscheduled item joins 29 June, after it in
    // program order.
    await t.http
      .patch(`/api/v1/events/${eventId}/sessions/${ids[4]}`)
      .auth(organizer, { type: 'bearer' })
      .send({ startsAt: '2022-06-29T14:00', endsAt: '2022-06-29T17:00' })
      .expect(200);
    const extra = (
      await post(`/events/${eventId}/sessions`, {
        type: 'discussion',
        title: 'Diskusi Tambahan',
        day: '2022-06-29',
        durationMinutes: 15,
      }).expect(201)
    ).body as { id: string };

    const published = (
      await post(`/events/${eventId}/agenda/generate`, {
        dryRun: true,
        reschedule: 'unpublished',
      }).expect(200)
    ).body as Generated;
    const at = (generated: Generated, id: string | undefined) =>
      generated.items.find((item) => item.sessionId === id);
    expect(at(published, ids[4])).toMatchObject({
      placement: 'kept',
      startsAt: '2022-06-29T14:00:00+07:00',
    });
    expect(at(published, extra.id)).toMatchObject({
      placement: 'placed',
      startsAt: '2022-06-29T17:15:00+07:00',
    });
    // Three hours since ISHOMA: a coffee break comes first.
    expect(
      published.items.find((item) => item.startsAt === '2022-06-29T17:00:00+07:00'),
    ).toMatchObject({
      title: 'Rehat Kopi',
      placement: 'break',
    });

    const all = (
      await post(`/events/${eventId}/agenda/generate`, { dryRun: true, reschedule: 'all' }).expect(
        200,
      )
    ).body as Generated;
    expect(at(all, ids[0])).toMatchObject({ placement: 'kept' });
    expect(at(all, ids[4])).toMatchObject({ placement: 'placed' });
    expect(all.unplaced).toEqual([]);
  });

  it('should store the plan, check it against the event, and feed availability to conflicts', async () => {
    const { eventId, ids } = await referenceWorkshop('generate-plan');
    const sekjen = (
      (await get(`/events/${eventId}/sessions/${ids[1]}`).expect(200)).body as {
        roles: { person: { id: string } }[];
      }
    ).roles[0]?.person.id as string;
    expect((await get(`/events/${eventId}/agenda/plan`, {}, staff).expect(200)).body).toEqual({
      dayWindows: [],
      breakRules: {},
      ordering: [],
      pinnedSessionIds: [],
      availability: [],
      updatedAt: null,
    });
    const body = {
      ...plan(undefined, [ids[0] as string]),
      ordering: [{ before: ids[1], after: ids[2] }],
      availability: [{ personId: sekjen, from: '2022-06-28T19:00', to: '2022-06-28T20:00' }],
    };
    const saved = (await put(`/events/${eventId}/agenda/plan`, body).expect(200)).body as {
      availability: unknown[];
      updatedAt: string;
    };
    expect(saved.availability).toEqual([
      { personId: sekjen, from: '2022-06-28T19:00:00+07:00', to: '2022-06-28T20:00:00+07:00' },
    ]);
    expect((await get(`/events/${eventId}/agenda/plan`).expect(200)).body).toEqual(saved);

    // The 90-minute talk after 20.00 no longer fits the Sekjen's hours.
    const preview = (await post(`/events/${eventId}/agenda/generate`, { dryRun: true }).expect(200))
      .body as Generated;
    expect(preview.unplaced.map((u) => [u.constraint, u.itemIds])).toEqual([
      ['people_unavailable', [ids[2]]],
    ]);
    await t.http
      .patch(`/api/v1/events/${eventId}/sessions/${ids[2]}`)
      .auth(organizer, { type: 'bearer' })
      .send({ startsAt: '2022-06-28T20:00', endsAt: '2022-06-28T21:30' })
      .expect(200);
    const conflicts = (await get(`/events/${eventId}/agenda/conflicts`).expect(200)).body as {
      conflicts: { kind: string; itemIds: string[] }[];
    };
    expect(conflicts.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'outside_availability', itemIds: [ids[2]] }),
      ]),
    );
  });

  let badPlanEvent: Awaited<ReturnType<typeof referenceWorkshop>> | undefined;

  it.each([
    [
      'dayWindows[0].date',
      { dayWindows: [{ date: '2022-07-01', from: '08:00', to: '17:00' }] },
      'PLAN_OUTSIDE_EVENT_DAYS',
    ],
    [
      'dayWindows[0].from',
      { dayWindows: [{ date: '2022-06-29', from: '8:00', to: '17:00' }] },
      'VALIDATION_FAILED',
    ],
    [
      'dayWindows[0].to',
      { dayWindows: [{ date: '2022-06-29', from: '08:00', to: '25:00' }] },
      'VALIDATION_FAILED',
    ],
    [
      'breakRules.coffeeBreakAfterMinutes',
      { breakRules: { coffeeBreakMinutes: 15 } },
      'PLAN_INCOMPLETE_BREAK_RULE',
    ],
    [
      'breakRules.ishoma.to',
      { breakRules: { ishoma: { from: '13:00', to: '12:00' } } },
      'PLAN_INVALID_TIME',
    ],
    [
      'breakRules.coffeeBreakMinutes',
      { breakRules: { coffeeBreakMinutes: 0, coffeeBreakAfterMinutes: 60 } },
      'VALIDATION_FAILED',
    ],
    [
      'ordering[0].after',
      { ordering: [{ before: 'FIRST', after: '00000000-0000-4000-8000-000000000000' }] },
      'PLAN_UNKNOWN_SESSION',
    ],
    [
      'ordering[0].after',
      { ordering: [{ before: 'FIRST', after: 'FIRST' }] },
      'PLAN_ORDERING_SELF',
    ],
    ['pinnedSessionIds', { pinnedSessionIds: ['x'] }, 'VALIDATION_FAILED'],
    [
      'availability[0].personId',
      {
        availability: [
          {
            personId: '00000000-0000-4000-8000-000000000000',
            from: '2022-06-28T08:00',
            to: '2022-06-28T09:00',
          },
        ],
      },
      'PLAN_UNKNOWN_PERSON',
    ],
    [
      'availability[0].to',
      { availability: [{ personId: 'PERSON', from: '2022-06-28T09:00', to: '2022-06-28T08:00' }] },
      'PLAN_INVALID_TIME',
    ],
    [
      'availability[0].from',
      { availability: [{ personId: 'PERSON', from: 'besok pagi', to: '2022-06-28T08:00' }] },
      'VALIDATION_FAILED',
    ],
    ['ordering', { ordering: 'p1 before p2' }, 'VALIDATION_FAILED'],
  ])('should refuse a plan naming %s and keep the stored one', async (field, change, code) => {
    badPlanEvent ??= await referenceWorkshop('plan-bad-input');
    const { eventId, ids } = badPlanEvent;
    const person = await createPerson(t);
    const stored = (await put(`/events/${eventId}/agenda/plan`, plan()).expect(200)).body as object;
    const text = JSON.stringify({ ...plan(), ...change })
      .replaceAll('"FIRST"', JSON.stringify(ids[0]))
      .replaceAll('"PERSON"', JSON.stringify(person.id));
    const problem = expectProblem(
      await put(`/events/${eventId}/agenda/plan`, JSON.parse(text) as object),
      400,
      code,
    );
    expect(problem.errors?.map((error) => error.field)).toContain(field);
    expect((await get(`/events/${eventId}/agenda/plan`).expect(200)).body).toEqual(stored);
  });

  it('should let only organizers change the plan or generate, and staff read the plan', async () => {
    const { eventId } = await referenceWorkshop('generate-access');
    expectProblem(
      await put(`/events/${eventId}/agenda/plan`, plan(), staff),
      403,
      'ROLE_FORBIDDEN',
    );
    expectProblem(
      await post(`/events/${eventId}/agenda/generate`, {}, staff),
      403,
      'ROLE_FORBIDDEN',
    );
    expectProblem(
      await t.http.post(`/api/v1/events/${eventId}/agenda/generate`).send({}),
      401,
      'TOKEN_MISSING',
    );
    expectProblem(
      await post(`/events/${eventId}/agenda/generate`, { reschedule: 'sometimes' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await post('/events/00000000-0000-4000-8000-000000000000/agenda/generate', {}),
      404,
      'EVENT_NOT_FOUND',
    );
    await get(`/events/${eventId}/agenda/plan`, {}, staff).expect(200);
  });
});
