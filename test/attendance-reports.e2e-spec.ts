import { pdfText } from './support/pdf-text';
import { type Delegate, eventWithDelegates } from './support/attendance';
import { createOrganization } from './support/catalog';
import { buildDelegate } from './support/registration';
import { apiRequests, binary, expectProblem, startTestApp, type TestApp } from './support/test-app';

interface Line {
  organizationId: string | null;
  organizationName: string;
  reportingGroup: string;
  invitedSeats: number;
  registered: number;
}

interface Report {
  eventId: string;
  title: string;
  timeZone: string;
  generatedAt: string;
  days: { day: string; label: string; personDays: number }[];
  totalPersonDays: number;
  delegations: (Line & { present: { day: string; present: number }[] })[];
  arrivals: {
    date: string;
    label: string;
    delegations: (Line & { arrived: number })[];
    totalsByReportingGroup: {
      reportingGroup: string;
      invitedSeats: number;
      registered: number;
      arrived: number;
    }[];
  };
  sessions: {
    sessionId: string;
    title: string;
    day: string | null;
    startsAt: string | null;
    expected: number;
    checkedIn: number;
  }[];
  chain: { length: number; head: string };
}

const DAYS = ['2030-06-28', '2030-06-29', '2030-06-30'];

describe('Attendance reports (e2e)', () => {
  let t: TestApp;
  let organizer: string;
  let staff: string;
  let eventId: string;
  let delegates: Delegate[];
  /** The organizations of the delegations of two, in the order the delegates registered. */
  let teams: { id: string; name: string }[];
  let ministry: { id: string; name: string };
  let sessions: { pleno: string; diskusi: string; kelasA: string; kelasB: string };

  const { post, put, get } = apiRequests(
    () => t,
    () => staff,
  );
  const delegate = (index: number) => delegates[index] as Delegate;
  const checkIn = (who: Delegate, day: string, sessionId?: string) =>
    post(`/events/${eventId}/check-ins`, { code: who.code, day, ...(sessionId && { sessionId }) });
  const setStatus = (who: Delegate, day: string, body: object) =>
    put(`/events/${eventId}/attendance/days/${day}/registrations/${who.id}`, body, organizer);
  const report = async (query: Record<string, string> = {}) =>
    (await get(`/events/${eventId}/reports/attendance`, query).expect(200)).body as Report;

  beforeAll(async () => {
    t = await startTestApp();
    [organizer, staff] = await Promise.all([t.tokenFor('organizer'), t.tokenFor('staff')]);
    // Delegates 0–1, 2–3 and 4–5 in three delegations of two; a fourth delegation's only
    // delegate cancelled.
    ({ eventId, delegates } = await eventWithDelegates(t, {
      slug: 'attendance-reports',
      count: 6,
    }));
    const organizationOf = async (who: Delegate) =>
      (
        (await t.http.get(`/api/v1/registrations/${who.code}`).expect(200)).body as {
          organization: { id: string; name: string };
        }
      ).organization;
    const invited = (
      (await get(`/events/${eventId}/invitations`, {}, organizer).expect(200)).body as {
        items: { organization: { id: string; name: string } }[];
      }
    ).items.map((invitation) => invitation.organization);
    teams = [
      await organizationOf(delegate(0)),
      await organizationOf(delegate(2)),
      await organizationOf(delegate(4)),
    ];
    teams.push(
      ...invited
        .filter((organization) => !teams.some((each) => each.id === organization.id))
        .map(({ id, name }) => ({ id, name })),
    );
    teams = teams.map(({ id, name }) => ({ id, name }));

    // A ministry (K/L) invited with three seats, one of them taken.
    ministry = await createOrganization(t, { kind: 'ministry', name: 'Kementerian Contoh' });
    const invitation = await post(
      `/events/${eventId}/invitations`,
      { organizationId: ministry.id, seatQuota: 3 },
      organizer,
    ).expect(201);
    const registered = await t.http
      .post(`/api/v1/events/${eventId}/registrations`)
      .send(buildDelegate({ invitationToken: (invitation.body as { token: string }).token }))
      .expect(201);
    delegates.push(registered.body as Delegate);

    const session = async (type: string, title: string, startsAt: string, endsAt: string) =>
      (
        (
          await post(
            `/events/${eventId}/sessions`,
            { type, title, startsAt, endsAt, ...(type === 'workshop' && { capacity: 10 }) },
            organizer,
          ).expect(201)
        ).body as { id: string }
      ).id;
    sessions = {
      pleno: await session('plenary', 'Pleno', '2030-06-29T08:00', '2030-06-29T11:00'),
      diskusi: await session('plenary', 'Diskusi Panel', '2030-06-29T13:00', '2030-06-29T15:00'),
      kelasA: await session('workshop', 'Kelas A', '2030-06-30T08:00', '2030-06-30T11:00'),
      kelasB: await session('workshop', 'Kelas B', '2030-06-30T08:00', '2030-06-30T11:00'),
    };
    for (const who of [delegate(2), delegate(3)]) {
      await t.http
        .put(`/api/v1/registrations/${who.code}/sessions`)
        .send({ sessionIds: [sessions.kelasA] })
        .expect(200);
    }

    // 28 June: delegate 0 and the ministry's delegate come, delegate 1 sends a representative,
    // delegate 2 is excused and delegate 3 absent.
    await checkIn(delegate(0), DAYS[0] as string).expect(201);
    await checkIn(delegate(6), DAYS[0] as string).expect(201);
    await setStatus(delegate(1), DAYS[0] as string, {
      status: 'diwakili',
      representativeName: 'Drs. Wakil Delegasi',
    }).expect(200);
    await setStatus(delegate(2), DAYS[0] as string, { status: 'izin' }).expect(200);
    await setStatus(delegate(3), DAYS[0] as string, { status: 'tidak_hadir' }).expect(200);
    // 29 June: delegate 0 at the door and the plenary; delegate 4 in both sessions, scanned twice
    // at the first.
    await checkIn(delegate(0), DAYS[1] as string).expect(201);
    await checkIn(delegate(0), DAYS[1] as string, sessions.pleno).expect(201);
    await checkIn(delegate(4), DAYS[1] as string, sessions.pleno).expect(201);
    await checkIn(delegate(4), DAYS[1] as string, sessions.pleno).expect(200);
    await checkIn(delegate(4), DAYS[1] as string, sessions.diskusi).expect(201);
    // 30 June: delegate 2 in the class they chose, delegate 5 at the door.
    await checkIn(delegate(2), DAYS[2] as string, sessions.kelasA).expect(201);
    await checkIn(delegate(5), DAYS[2] as string).expect(201);
  });
  afterAll(() => t.close());

  /** A delegation's line as the report should give it, with its delegates present per day. */
  const line = (
    organization: { id: string; name: string },
    reportingGroup: string,
    invitedSeats: number,
    registered: number,
    present: number[],
  ) => ({
    organizationId: organization.id,
    organizationName: organization.name,
    reportingGroup,
    invitedSeats,
    registered,
    present: DAYS.map((day, index) => ({ day, present: present[index] })),
  });
  const byName = (a: { organizationName: string }, b: { organizationName: string }) =>
    a.organizationName.localeCompare(b.organizationName, 'id');
  const team = (index: number) => teams[index] as { id: string; name: string };

  it('should count OH per day, delegations, arrivals, groups, sessions and the chain', async () => {
    const body = await report();
    const chain = (await get(`/events/${eventId}/attendance/chain`).expect(200)).body as {
      length: number;
      head: string;
    };

    const delegations = [
      line(team(0), 'Lainnya', 2, 2, [2, 1, 0]),
      line(team(1), 'Lainnya', 2, 2, [0, 0, 1]),
      line(team(2), 'Lainnya', 2, 2, [0, 1, 1]),
      line(team(3), 'Lainnya', 2, 0, [0, 0, 0]),
      line(ministry, 'K/L', 3, 1, [1, 0, 0]),
    ].sort(byName);
    expect(body).toEqual({
      eventId,
      title: 'Rapat Koordinasi attendance-reports',
      timeZone: 'Asia/Jakarta',
      generatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*\+07:00$/) as unknown,
      days: [
        { day: '2030-06-28', label: 'Jumat, 28 Juni 2030', personDays: 3 },
        { day: '2030-06-29', label: 'Sabtu, 29 Juni 2030', personDays: 2 },
        { day: '2030-06-30', label: 'Minggu, 30 Juni 2030', personDays: 2 },
      ],
      totalPersonDays: 7,
      delegations,
      // Today is not a day of the event: the matrix is of its first day.
      arrivals: {
        date: '2030-06-28',
        label: 'Jumat, 28 Juni 2030',
        delegations: delegations.map(({ present, ...rest }) => ({
          ...rest,
          arrived: present[0]?.present,
        })),
        totalsByReportingGroup: [
          { reportingGroup: 'K/L', invitedSeats: 3, registered: 1, arrived: 1 },
          { reportingGroup: 'Pemda', invitedSeats: 0, registered: 0, arrived: 0 },
          { reportingGroup: 'Lainnya', invitedSeats: 8, registered: 6, arrived: 2 },
        ],
      },
      sessions: [
        {
          sessionId: sessions.pleno,
          title: 'Pleno',
          day: '2030-06-29',
          startsAt: '2030-06-29T08:00:00+07:00',
          expected: 7,
          checkedIn: 2,
        },
        {
          sessionId: sessions.diskusi,
          title: 'Diskusi Panel',
          day: '2030-06-29',
          startsAt: '2030-06-29T13:00:00+07:00',
          expected: 7,
          checkedIn: 1,
        },
        // The class two delegates chose expects those two; the one nobody chose, everyone.
        // Parallel sessions come in the agenda's order, the order they were added.
        ...[
          { sessionId: sessions.kelasA, title: 'Kelas A', expected: 2, checkedIn: 1 },
          { sessionId: sessions.kelasB, title: 'Kelas B', expected: 7, checkedIn: 0 },
        ].map((session) => ({
          ...session,
          day: '2030-06-30',
          startsAt: '2030-06-30T08:00:00+07:00',
        })),
      ],
      chain: { length: 11, head: chain.head },
    });
    expect(chain.length).toBe(11);
  });

  it('should give the arrival matrix of the day asked for', async () => {
    const body = await report({ date: '2030-06-29' });

    expect(body.arrivals.date).toBe('2030-06-29');
    expect(
      Object.fromEntries(
        body.arrivals.delegations.map((arrival) => [arrival.organizationId, arrival.arrived]),
      ),
    ).toEqual({
      [team(0).id]: 1,
      [team(1).id]: 0,
      [team(2).id]: 1,
      [team(3).id]: 0,
      [ministry.id]: 0,
    });
    expect(body.arrivals.totalsByReportingGroup).toEqual([
      { reportingGroup: 'K/L', invitedSeats: 3, registered: 1, arrived: 0 },
      { reportingGroup: 'Pemda', invitedSeats: 0, registered: 0, arrived: 0 },
      { reportingGroup: 'Lainnya', invitedSeats: 8, registered: 6, arrived: 2 },
    ]);
  });

  it('should draw the chart as SVG naming the delegations', async () => {
    const response = await get(`/events/${eventId}/reports/attendance`, { format: 'svg' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const svg = (response.body as Buffer).toString('utf8');

    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Kehadiran per Hari dan Delegasi: Rapat Koordinasi attendance-reports');
    for (const name of [...teams.map((each) => each.name), ministry.name]) {
      expect(svg).toContain(`>${name}</text>`);
    }
    for (const label of ['Jumat, 28 Juni 2030', 'Sabtu, 29 Juni 2030', 'Minggu, 30 Juni 2030']) {
      expect(svg).toContain(`>${label}</text>`);
    }
  });

  it('should give the A4 report as a PDF download with the OH and the delegations', async () => {
    const response = await get(`/events/${eventId}/reports/attendance`, { format: 'pdf' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = await pdfText(response.body as Buffer);

    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="laporan-kehadiran-attendance-reports.pdf"',
    );
    for (const expected of [
      'LAPORAN KEHADIRAN',
      'Rapat Koordinasi attendance-reports',
      'Jumat, 28 Juni 2030 3',
      'Sabtu, 29 Juni 2030 2',
      'Minggu, 30 Juni 2030 2',
      'Jumlah OH 7',
      'K/L 3 1 1',
      'Lainnya 8 6 2',
      `${ministry.name} K/L 3 1 1 0 0`,
      ...teams.map((each) => each.name),
      'Pleno Sabtu, 29 Juni 2030 7 2',
      'Halaman 1 dari',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it.each([
    ['format', { format: 'xlsx' }],
    ['date', { date: '2030-02-30' }],
    ['date', { date: '29-06-2030' }],
    ['sessionId', { sessionId: 'x' }],
  ])('should refuse a bad %s with a 400 naming it', async (field, query) => {
    const problem = expectProblem(
      await get(`/events/${eventId}/reports/attendance`, query),
      400,
      'VALIDATION_FAILED',
    );

    expect(problem.errors?.map((error) => error.field)).toEqual([field]);
  });

  it('should refuse a day outside the event, an unknown event, and a visitor', async () => {
    const outside = expectProblem(
      await get(`/events/${eventId}/reports/attendance`, { date: '2030-07-01' }),
      422,
      'DAY_OUTSIDE_EVENT',
    );
    expect(outside.errors?.map((error) => error.field)).toEqual(['date']);
    expectProblem(
      await get('/events/00000000-0000-4000-8000-000000000000/reports/attendance'),
      404,
      'EVENT_NOT_FOUND',
    );
    expectProblem(
      await t.http.get(`/api/v1/events/${eventId}/reports/attendance`),
      401,
      'TOKEN_MISSING',
    );
  });

  it('should read the report in the same number of queries for 2 and 6 delegations', async () => {
    const queriesFor = async (slug: string, count: number) => {
      const event = await eventWithDelegates(t, { slug, count, perDelegation: 1 });
      for (const who of event.delegates) {
        await post(`/events/${event.eventId}/check-ins`, { code: who.code, day: DAYS[0] }).expect(
          201,
        );
      }
      const queries = await t.queriesDuring(() =>
        get(`/events/${event.eventId}/reports/attendance`).expect(200),
      );
      const body = (await get(`/events/${event.eventId}/reports/attendance`).expect(200))
        .body as Report;
      expect(body.delegations).toHaveLength(count + 1);
      expect(body.totalPersonDays).toBe(count);
      return queries.length;
    };

    const small = await queriesFor('reports-small', 1);
    const large = await queriesFor('reports-large', 5);

    expect(small).toBeGreaterThan(5);
    expect(large).toBe(small);
  });
});
