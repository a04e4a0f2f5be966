import { provisionDatabase, serverUrl, type TestDatabase } from './support/test-database';
import { type ServiceProcess, startService } from './support/service-process';
import { ADMIN, startTestApp, TEST_SECRET, type TestApp } from './support/test-app';

/**
 * The seat limits under a burst of concurrent registrations, and check-ins under concurrent scans. On a PostgreSQL server (CI's second
 * pass, or TEST_DATABASE_URL) the burst is spread over two app processes sharing the database;
 * on the embedded database, which one process owns, it goes to one in-process app.
 */
const SEATS = 100;
const QUOTA = 2;
const DELEGATIONS = 60;
const REQUESTS = 500;
const CANCELLATIONS = 10;

interface Registration {
  id: string;
  code: string;
  status: string;
  invitationId: string;
  waitlistPosition: number | null;
  email: string;
}

interface Call {
  status: number;
  body: unknown;
}

describe('Registration under concurrency (e2e)', () => {
  let bases: string[] = [];
  let token = '';
  const processes: ServiceProcess[] = [];
  let database: TestDatabase | undefined;
  let inProcess: TestApp | undefined;

  beforeAll(async () => {
    if (serverUrl() !== undefined) {
      database = await provisionDatabase();
      const env = {
        ...database.env,
        AUTH_SECRET: TEST_SECRET,
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        PUBLIC_RATE_LIMIT: '1000000',
      };
      // One after the other: the first creates the administrator, the second finds it.
      for (let i = 0; i < 2; i++) {
        const service = startService(env);
        processes.push(service);
        bases.push(await service.listening());
      }
    } else {
      inProcess = await startTestApp();
      await inProcess.app.listen(0, '127.0.0.1');
      bases = [(await inProcess.app.getUrl()).replace('[::1]', '127.0.0.1')];
    }
    const login = await call(bases[0] as string, 'POST', '/auth/login', ADMIN);
    token = (login.body as { accessToken: string }).accessToken;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((service) => service.stop()));
    await inProcess?.close();
    await database?.drop();
  });

  function call(
    base: string,
    method: string,
    path: string,
    body?: object,
    auth?: string,
  ): Promise<Call> {
    return fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    }).then(async (response) => ({ status: response.status, body: await response.json() }));
  }

  const staffCall = (method: string, path: string, body?: object) =>
    call(bases[0] as string, method, path, body, token);

  async function allRegistrations(eventId: string): Promise<Registration[]> {
    const rows: Registration[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=200${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await staffCall('GET', `/events/${eventId}/registrations?${query}`)).body as {
        items: Registration[];
        nextCursor: string | null;
      };
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  }

  it(`should confirm exactly ${SEATS} of ${REQUESTS} concurrent registrations, within every quota, and promote in order`, async () => {
    const event = await staffCall('POST', '/events', {
      slug: `burst-${process.pid}`,
      title: 'Rapat Koordinasi Nasional: pendaftaran serentak',
      startDate: '2030-06-28',
      endDate: '2030-06-30',
      capacity: SEATS,
      settings: { requiredDelegateFields: [] },
    });
    expect(event.status).toBe(201);
    const eventId = (event.body as { id: string }).id;
    expect(
      (await staffCall('POST', `/events/${eventId}/status`, { status: 'published' })).status,
    ).toBe(200);
    const tokens: string[] = [];
    for (let i = 0; i < DELEGATIONS; i++) {
      const organization = await staffCall('POST', '/organizations', {
        kind: 'external',
        name: `Delegasi Serentak ${process.pid} ${i}`,
      });
      const invitation = await staffCall('POST', `/events/${eventId}/invitations`, {
        organizationId: (organization.body as { id: string }).id,
        seatQuota: QUOTA,
      });
      tokens.push((invitation.body as { token: string }).token);
    }

    // The burst: every request at once, alternating between the processes.
    const calls = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) =>
        call(bases[i % bases.length] as string, 'POST', `/events/${eventId}/registrations`, {
          invitationToken: tokens[i % DELEGATIONS],
          name: `Peserta Serentak ${i}`,
          email: `serentak.${i}@example.go.id`,
          consent: { dataProcessing: true },
        }),
      ),
    );
    expect(calls.filter((c) => c.status !== 201).map((c) => [c.status, c.body])).toEqual([]);

    const registrations = await allRegistrations(eventId);
    expect(registrations).toHaveLength(REQUESTS);
    expect(new Set(registrations.map((r) => r.email)).size).toBe(REQUESTS);
    expect(new Set(registrations.map((r) => r.code)).size).toBe(REQUESTS);
    const confirmed = registrations.filter((r) => r.status === 'confirmed');
    expect(confirmed).toHaveLength(SEATS);
    expect(registrations.filter((r) => r.status === 'waitlisted')).toHaveLength(REQUESTS - SEATS);
    expectWithinQuotas(registrations);
    const positions = registrations.flatMap((r) =>
      r.waitlistPosition === null ? [] : [r.waitlistPosition],
    );
    expect(positions.sort((a, b) => a - b)).toEqual(
      Array.from({ length: REQUESTS - SEATS }, (_, i) => i + 1),
    );

    // Cancellations, one at a time on alternating processes: each seat goes at once to the first
    // waitlisted delegate whose delegation has room.
    for (let n = 0; n < CANCELLATIONS; n++) {
      const before = await allRegistrations(eventId);
      const leaving = before.filter((r) => r.status === 'confirmed')[
        (n * 7) % SEATS
      ] as Registration;
      const seated = seatsByDelegation(before);
      seated.set(leaving.invitationId, (seated.get(leaving.invitationId) ?? 0) - 1);
      const expected = before
        .filter((r) => r.status === 'waitlisted' && (seated.get(r.invitationId) ?? 0) < QUOTA)
        .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0))[0];
      const cancelled = await call(
        bases[n % bases.length] as string,
        'DELETE',
        `/registrations/${leaving.code}`,
        {},
      );
      expect(cancelled.status).toBe(200);
      const after = await allRegistrations(eventId);
      const promoted = after.filter(
        (r) =>
          r.status === 'confirmed' && before.find((b) => b.id === r.id)?.status === 'waitlisted',
      );
      expect(promoted.map((r) => r.id)).toEqual(expected ? [expected.id] : []);
      expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(SEATS);
      expectWithinQuotas(after);
    }
  }, 180_000);

  it('should give a parallel session exactly its seats when many choose it at once', async () => {
    const SESSION_SEATS = 10;
    const CHOOSERS = 40;
    const event = await staffCall('POST', '/events', {
      slug: `burst-session-${process.pid}`,
      title: 'Rapat Koordinasi: kelas paralel',
      startDate: '2030-07-01',
      endDate: '2030-07-01',
      settings: { requiredDelegateFields: [], openRegistration: true },
    });
    const eventId = (event.body as { id: string }).id;
    await staffCall('POST', `/events/${eventId}/status`, { status: 'published' });
    const session = await staffCall('POST', `/events/${eventId}/sessions`, {
      type: 'workshop',
      title: 'Kelas Paralel A',
      startsAt: '2030-07-01T09:00',
      endsAt: '2030-07-01T11:00',
      capacity: SESSION_SEATS,
    });
    const sessionId = (session.body as { id: string }).id;
    const codes: string[] = [];
    for (let i = 0; i < CHOOSERS; i++) {
      const registered = await call(
        bases[i % bases.length] as string,
        'POST',
        `/events/${eventId}/registrations`,
        {
          name: `Peserta Kelas ${i}`,
          email: `kelas.${i}@example.go.id`,
          consent: { dataProcessing: true },
        },
      );
      expect(registered.status).toBe(201);
      codes.push((registered.body as Registration).code);
    }
    const choices = await Promise.all(
      codes.map((code, i) =>
        call(bases[i % bases.length] as string, 'PUT', `/registrations/${code}/sessions`, {
          sessionIds: [sessionId],
        }),
      ),
    );
    expect(choices.filter((c) => c.status === 200)).toHaveLength(SESSION_SEATS);
    expect(choices.filter((c) => c.status === 409)).toHaveLength(CHOOSERS - SESSION_SEATS);
    const registrations = await allRegistrations(eventId);
    const seated = registrations.filter((r) =>
      (r as Registration & { sessionIds: string[] }).sessionIds.includes(sessionId),
    );
    expect(seated).toHaveLength(SESSION_SEATS);
  }, 120_000);

  it('should record one check-in per code when every process scans it at once, and an offline batch sent everywhere once', async () => {
    const DELEGATES = 20;
    const SCANS_PER_CODE = 6;
    const event = await staffCall('POST', '/events', {
      slug: `burst-check-in-${process.pid}`,
      title: 'Rapat Koordinasi: pintu masuk',
      startDate: '2030-07-02',
      endDate: '2030-07-03',
      settings: { requiredDelegateFields: [], openRegistration: true },
    });
    const eventId = (event.body as { id: string }).id;
    await staffCall('POST', `/events/${eventId}/status`, { status: 'published' });
    const codes: string[] = [];
    for (let i = 0; i < DELEGATES; i++) {
      const registered = await call(
        bases[i % bases.length] as string,
        'POST',
        `/events/${eventId}/registrations`,
        {
          name: `Peserta Pintu ${i}`,
          email: `pintu.${i}@example.go.id`,
          consent: { dataProcessing: true },
        },
      );
      codes.push((registered.body as Registration).code);
    }

    // Every code scanned at the door by several staff at once, on every process.
    const scans = await Promise.all(
      codes.flatMap((code) =>
        Array.from({ length: SCANS_PER_CODE }, (_, i) =>
          call(
            bases[i % bases.length] as string,
            'POST',
            `/events/${eventId}/check-ins`,
            { payload: code, day: '2030-07-02' },
            token,
          ).then((result) => ({ code, ...result })),
        ),
      ),
    );
    expect(scans.filter((scan) => scan.status !== 200 && scan.status !== 201)).toEqual([]);
    for (const code of codes) {
      const ofCode = scans.filter((scan) => scan.code === code);
      expect(ofCode.filter((scan) => scan.status === 201)).toHaveLength(1);
      const entries = new Set(
        ofCode.map((scan) => (scan.body as { entry: { id: string } }).entry.id),
      );
      expect(entries.size).toBe(1);
    }

    // A device's offline batch for the next day, uploaded three times at once to every process.
    const batch = {
      scans: codes.map((code, i) => ({
        clientScanId: `pintu-${process.pid}-${i}`,
        code,
        day: '2030-07-03',
        scannedAt: '2026-01-05T07:30:00+07:00',
      })),
    };
    const uploads = await Promise.all(
      Array.from({ length: 3 * bases.length }, (_, i) =>
        call(
          bases[i % bases.length] as string,
          'POST',
          `/events/${eventId}/check-ins/batch`,
          batch,
          token,
        ),
      ),
    );
    expect(uploads.map((upload) => upload.status)).toEqual(uploads.map(() => 200));
    const recorded = uploads.reduce(
      (sum, upload) => sum + (upload.body as { recorded: number }).recorded,
      0,
    );
    expect(recorded).toBe(DELEGATES);

    const chain = await staffCall('GET', `/events/${eventId}/attendance/chain`);
    expect(chain.body).toMatchObject({ valid: true, length: 2 * DELEGATES });
  }, 120_000);
});

function seatsByDelegation(registrations: readonly Registration[]): Map<string, number> {
  const seats = new Map<string, number>();
  for (const r of registrations) {
    if (r.status === 'confirmed' || r.status === 'pending') {
      seats.set(r.invitationId, (seats.get(r.invitationId) ?? 0) + 1);
    }
  }
  return seats;
}

function expectWithinQuotas(registrations: readonly Registration[]): void {
  const over = [...seatsByDelegation(registrations)].filter(([, seats]) => seats > QUOTA);
  expect(over).toEqual([]);
}
