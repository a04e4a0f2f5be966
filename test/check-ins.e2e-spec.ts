import { randomUUID } from 'node:crypto';
import { type Delegate, eventWithDelegates } from './support/attendance';
import { apiRequests, expectProblem, startTestApp, type TestApp } from './support/test-app';

interface Entry {
  id: string;
  position: number;
  registrationId: string;
  day: string;
  sessionId: string | null;
  action: string;
  method: string;
  status: string;
  representativeName: string | null;
  occurredAt: string;
  localTime: string;
  clientScanId: string | null;
  hash: string;
}

interface CheckInResult {
  outcome: string;
  message: string;
  registration: { id: string; code: string; displayName: string };
  entry: Entry;
}

interface BatchResult {
  results: {
    clientScanId: string;
    outcome: string;
    entry?: Entry;
    refusal?: { code: string; fields: string[] };
  }[];
  recorded: number;
  alreadyRecorded: number;
  replayed: number;
  refused: number;
}

interface Chain {
  valid: boolean;
  length: number;
  head: string | null;
  brokenAtPosition: number | null;
  problem: string | null;
  headFound: boolean | null;
}

describe('Check-ins (e2e)', () => {
  let t: TestApp;
  let organizer: string;
  let staff: string;
  let eventId: string;
  let delegates: Delegate[];
  let cancelled: Delegate;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [organizer, staff] = await Promise.all([t.tokenFor('organizer'), t.tokenFor('staff')]);
    ({ eventId, delegates, cancelled } = await eventWithDelegates(t, {
      slug: 'check-ins',
      count: 12,
    }));
    sessionId = (
      (
        await post(
          `/events/${eventId}/sessions`,
          {
            type: 'plenary',
            title: 'Sesi 1',
            startsAt: '2030-06-29T08:00',
            endsAt: '2030-06-29T11:00',
          },
          organizer,
        ).expect(201)
      ).body as { id: string }
    ).id;
  });
  afterAll(() => t.close());

  const { post, put, get } = apiRequests(
    () => t,
    () => staff,
  );
  const delegate = (index: number) => delegates[index] as Delegate;
  const checkIn = (body: object, token = staff) =>
    post(`/events/${eventId}/check-ins`, body, token);
  const chain = async (query: Record<string, string> = {}) =>
    (await get(`/events/${eventId}/attendance/chain`, query).expect(200)).body as Chain;

  it('should check in by code, then answer a second scan with the first time and change nothing', async () => {
    const first = await checkIn({ code: delegate(0).code, day: '2030-06-28' }).expect(201);
    const recorded = first.body as CheckInResult;
    expect(recorded).toMatchObject({
      outcome: 'recorded',
      registration: { id: delegate(0).id, code: delegate(0).code },
      entry: { day: '2030-06-28', action: 'check_in', method: 'code', status: 'hadir' },
    });
    expect(recorded.message).toBe(`Tercatat hadir pukul ${recorded.entry.localTime} WIB.`);

    // The QR payload, in lower case as a scanner may give it, finds the same check-in.
    const again = await checkIn({
      payload: delegate(0).code.toLowerCase(),
      day: '2030-06-28',
    }).expect(200);
    expect(again.body).toMatchObject({
      outcome: 'already_recorded',
      message: `Sudah tercatat hadir pukul ${recorded.entry.localTime} WIB; tidak ada yang diubah.`,
      entry: { id: recorded.entry.id, method: 'code' },
    });
  });

  it('should record one check-in when many staff scan the same code at once', async () => {
    const before = await chain();
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => checkIn({ payload: delegate(1).code, day: '2030-06-29' })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    const ids = new Set(responses.map((response) => (response.body as CheckInResult).entry.id));
    expect(ids.size).toBe(1);
    const after = await chain();
    expect(after).toMatchObject({ valid: true, length: before.length + 1 });
  });

  it('should record each scan of an offline batch once however often the batch is replayed', async () => {
    const device = randomUUID();
    const scans = [2, 3, 4, 5].map((index, i) => ({
      clientScanId: `${device}:${i}`,
      code: delegate(index).code,
      day: '2030-06-29',
      // The device's clock: any time not later than the server's will do.
      scannedAt: `2026-01-05T08:0${i}:00+07:00`,
    }));
    // Delegate 2 is checked in online first: the batch's scan of it is then already recorded.
    await checkIn({ code: delegate(2).code, day: '2030-06-29' }).expect(201);
    const before = await chain();

    const replies: BatchResult[] = [];
    for (let round = 0; round < 3; round++) {
      replies.push(
        (await post(`/events/${eventId}/check-ins/batch`, { scans }).expect(200))
          .body as BatchResult,
      );
    }
    // Part of the batch once more, with a scan of a cancelled registration added.
    const partial = (
      await post(`/events/${eventId}/check-ins/batch`, {
        scans: [
          scans[1],
          {
            clientScanId: `${device}:9`,
            code: cancelled.code,
            day: '2030-06-29',
            scannedAt: '2026-01-05T08:09:00+07:00',
          },
        ],
      }).expect(200)
    ).body as BatchResult;

    expect(replies[0]).toMatchObject({ recorded: 3, alreadyRecorded: 1, replayed: 0, refused: 0 });
    expect(replies[1]).toMatchObject({ recorded: 0, alreadyRecorded: 1, replayed: 3, refused: 0 });
    expect(replies[2]).toEqual(replies[1]);
    expect(partial).toMatchObject({ replayed: 1, refused: 1 });
    expect(partial.results[1]?.refusal).toMatchObject({ code: 'REGISTRATION_NOT_CONFIRMED' });
    // The scan time is the device's: 08.01 in Jakarta.
    expect(replies[0]?.results[1]?.entry).toMatchObject({
      occurredAt: '2026-01-05T01:01:00.000Z',
      localTime: '08.01',
      clientScanId: `${device}:1`,
    });
    const after = await chain();
    expect(after).toMatchObject({ valid: true, length: before.length + 3 });
  });

  it('should check in to a session of the day and check out, once each', async () => {
    const code = delegate(6).code;
    await checkIn({ code, day: '2030-06-29', action: 'check_out' })
      .expect(409)
      .expect((response) => expectProblem(response, 409, 'NOT_CHECKED_IN'));
    const session = await checkIn({ code, day: '2030-06-29', sessionId }).expect(201);
    expect((session.body as CheckInResult).message).toMatch(/^Tercatat hadir di sesi ini pukul /);
    await checkIn({ code, day: '2030-06-29', sessionId }).expect(200);
    // A session check-in is a check-in of the day: the delegate may check out.
    const out = await checkIn({ code, day: '2030-06-29', action: 'check_out' }).expect(201);
    expect((out.body as CheckInResult).message).toMatch(/^Tercatat pulang pukul /);
    await checkIn({ code, day: '2030-06-29', action: 'check_out' }).expect(200);
    // The door check-in of the day is still its own entry.
    await checkIn({ code, day: '2030-06-29' }).expect(201);
  });

  it('should refuse what cannot be checked in, with a problem naming the field', async () => {
    const cases: [object, number, string, string | undefined][] = [
      [{ code: cancelled.code, day: '2030-06-28' }, 409, 'REGISTRATION_NOT_CONFIRMED', undefined],
      [{ code: 'ZZZZ-ZZZZ-ZZ', day: '2030-06-28' }, 400, 'CODE_INVALID', 'code'],
      [{ payload: 'WIFI:S:Hotel;;', day: '2030-06-28' }, 400, 'CODE_INVALID', 'payload'],
      [{ code: delegate(7).code, day: '2030-07-01' }, 422, 'DAY_OUTSIDE_EVENT', 'day'],
      [{ code: delegate(7).code }, 422, 'DAY_OUTSIDE_EVENT', 'day'],
      [
        { code: delegate(7).code, day: '2030-06-28', sessionId },
        422,
        'SESSION_NOT_ON_DAY',
        'sessionId',
      ],
      [
        { code: delegate(7).code, day: '2030-06-29', sessionId: randomUUID() },
        404,
        'SESSION_NOT_FOUND',
        'sessionId',
      ],
      [
        { registrationId: randomUUID(), day: '2030-06-28' },
        404,
        'REGISTRATION_NOT_FOUND',
        'registrationId',
      ],
      [{ code: delegate(7).code, payload: delegate(7).code }, 400, 'VALIDATION_FAILED', 'payload'],
      [{}, 400, 'VALIDATION_FAILED', 'payload'],
      [{ code: delegate(7).code, day: '2030-02-30' }, 400, 'VALIDATION_FAILED', 'day'],
      [{ code: delegate(7).code, action: 'status' }, 400, 'VALIDATION_FAILED', 'action'],
      [{ code: delegate(7).code, clientScanId: 'a b' }, 400, 'VALIDATION_FAILED', 'clientScanId'],
      [
        { code: delegate(7).code, staffUserId: randomUUID() },
        400,
        'VALIDATION_FAILED',
        'staffUserId',
      ],
    ];
    const before = await chain();
    for (const [body, status, code, field] of cases) {
      const problem = expectProblem(await checkIn(body), status, code);
      if (field) expect(problem.errors?.map((error) => error.field)).toContain(field);
    }
    const bad = await post(`/events/${eventId}/check-ins/batch`, {
      scans: [{ clientScanId: 'x1', code: delegate(7).code, scannedAt: '29 Juni 2030' }],
    });
    expect(expectProblem(bad, 400, 'VALIDATION_FAILED').errors?.[0]?.field).toBe(
      'scans[0].scannedAt',
    );
    expectProblem(
      await post(`/events/${eventId}/check-ins/batch`, {
        scans: [{ code: delegate(7).code, scannedAt: '2030-06-29T08:00:00+07:00' }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await post(`/events/${randomUUID()}/check-ins`, { code: delegate(7).code }),
      404,
      'EVENT_NOT_FOUND',
    );
    expect(await chain()).toEqual(before);
  });

  it('should refuse a client scan id given to another scan, and a scan dated in the future', async () => {
    const clientScanId = randomUUID();
    await checkIn({ code: delegate(8).code, day: '2030-06-28', clientScanId }).expect(201);
    await checkIn({ code: delegate(8).code, day: '2030-06-28', clientScanId }).expect(200);
    expectProblem(
      await checkIn({ code: delegate(9).code, day: '2030-06-28', clientScanId }),
      409,
      'CLIENT_SCAN_ID_REUSED',
    );
    const future = (
      await post(`/events/${eventId}/check-ins/batch`, {
        scans: [
          {
            clientScanId: randomUUID(),
            code: delegate(9).code,
            day: '2030-06-28',
            scannedAt: new Date(Date.now() + 3_600_000).toISOString(),
          },
        ],
      }).expect(200)
    ).body as BatchResult;
    expect(future.results[0]?.refusal).toMatchObject({
      code: 'SCAN_IN_FUTURE',
      fields: ['scans[0].scannedAt'],
    });
  });

  it('should let organizers, not staff, set a status, and keep a representative on later scans', async () => {
    const path = `/events/${eventId}/attendance/days/2030-06-30/registrations/${delegate(10).id}`;
    expectProblem(await put(path, { status: 'izin' }), 403, 'ROLE_FORBIDDEN');
    expectProblem(await put(path, { status: 'diwakili' }, organizer), 400, 'VALIDATION_FAILED');
    expect(
      expectProblem(
        await put(path, { status: 'hadir', representativeName: 'Budi' }, organizer),
        400,
        'VALIDATION_FAILED',
      ).errors?.[0]?.field,
    ).toBe('representativeName');
    expectProblem(await put(path, { status: 'libur' }, organizer), 400, 'VALIDATION_FAILED');
    expectProblem(
      await put(
        `/events/${eventId}/attendance/days/2030-07-30/registrations/${delegate(10).id}`,
        { status: 'izin' },
        organizer,
      ),
      422,
      'DAY_OUTSIDE_EVENT',
    );
    expectProblem(
      await put(
        `/events/${eventId}/attendance/days/kemarin/registrations/${delegate(10).id}`,
        { status: 'izin' },
        organizer,
      ),
      400,
      'VALIDATION_FAILED',
    );

    // Quotes, a backslash, a line break and an emoji: the chain's SQL and TypeScript hashes must
    // still agree on the entry (the chain is verified in the last test).
    const representative = 'Drs. "Budi"\\ Santoso\n, M.Si 🇮🇩';
    const set = await put(
      path,
      { status: 'diwakili', representativeName: representative },
      organizer,
    ).expect(200);
    expect(set.body).toMatchObject({
      status: 'diwakili',
      representativeName: representative,
      checkedInAt: null,
      changed: true,
    });
    const same = await put(
      path,
      { status: 'diwakili', representativeName: representative },
      organizer,
    ).expect(200);
    expect(same.body).toMatchObject({ changed: false });

    const scan = await checkIn({ code: delegate(10).code, day: '2030-06-30' }).expect(201);
    expect(scan.body).toMatchObject({
      entry: { status: 'diwakili', representativeName: representative },
      message: expect.stringContaining(`(diwakili oleh ${representative})`),
    });
    const after = await put(path, { status: 'tidak_hadir' }, organizer).expect(200);
    expect(after.body).toMatchObject({
      status: 'tidak_hadir',
      representativeName: null,
      checkedInAt: (scan.body as CheckInResult).entry.occurredAt,
      changed: true,
    });
  });

  it('should let any staff member check in and verify, organizers and administrators set statuses, and nobody without a token', async () => {
    const admin = await t.tokenFor('admin');
    const body = { code: delegate(11).code, day: '2030-06-28' };
    const anonymous = [
      t.http.post(`/api/v1/events/${eventId}/check-ins`).send(body),
      t.http.post(`/api/v1/events/${eventId}/check-ins/batch`).send({ scans: [] }),
      t.http.get(`/api/v1/events/${eventId}/attendance/chain`),
      t.http
        .put(
          `/api/v1/events/${eventId}/attendance/days/2030-06-28/registrations/${delegate(11).id}`,
        )
        .send({ status: 'izin' }),
    ];
    for (const response of await Promise.all(anonymous)) {
      expectProblem(response, 401, 'TOKEN_MISSING');
    }
    await checkIn(body, organizer).expect(201);
    await checkIn(body, admin).expect(200);
    await get(`/events/${eventId}/attendance/chain`, {}, admin).expect(200);
    const path = `/events/${eventId}/attendance/days/2030-06-29/registrations/${delegate(11).id}`;
    expect((await put(path, { status: 'izin' }, admin).expect(200)).body).toMatchObject({
      status: 'izin',
      changed: true,
    });
    expectProblem(await put(path, { status: 'hadir' }), 403, 'ROLE_FORBIDDEN');
  });

  it('should verify the chain, and find an edited, a deleted and a truncated entry', async () => {
    const valid = await chain();
    expect(valid).toMatchObject({ valid: true, problem: null, brokenAtPosition: null });
    expect(valid.head).toMatch(/^[0-9a-f]{64}$/);
    expect(await chain({ head: valid.head as string })).toMatchObject({ headFound: true });
    expect(await chain({ head: 'f'.repeat(64) })).toMatchObject({ headFound: false });
    expectProblem(
      await get(`/events/${eventId}/attendance/chain`, { head: 'xyz' }),
      400,
      'VALIDATION_FAILED',
    );

    // A second event, whose chain this test may break.
    const other = await eventWithDelegates(t, { slug: 'check-ins-tamper', count: 3 });
    for (const { code } of other.delegates) {
      await post(`/events/${other.eventId}/check-ins`, { code, day: '2030-06-28' }).expect(201);
    }
    const otherChain = async () =>
      (await get(`/events/${other.eventId}/attendance/chain`).expect(200)).body as Chain;
    const sql = (text: string) => t.dataSource.query(text, [other.eventId]);
    expect(await otherChain()).toMatchObject({ valid: true, length: 3 });

    await sql(`UPDATE check_ins SET occurred_at = occurred_at - interval '1 minute'
                WHERE event_id = $1 AND position = 2`);
    expect(await otherChain()).toMatchObject({ valid: false, brokenAtPosition: 2, head: null });
    await sql(`UPDATE check_ins SET occurred_at = occurred_at + interval '1 minute'
                WHERE event_id = $1 AND position = 2`);
    expect(await otherChain()).toMatchObject({ valid: true, length: 3 });

    await sql(`DELETE FROM check_ins WHERE event_id = $1 AND position = 3`);
    const truncated = await otherChain();
    expect(truncated).toMatchObject({ valid: false, length: 2, brokenAtPosition: 3 });
    expect(truncated.problem).toMatch(/stored head/);

    await sql(`DELETE FROM check_ins WHERE event_id = $1 AND position = 1`);
    const gap = await otherChain();
    expect(gap).toMatchObject({ valid: false, length: 0, brokenAtPosition: 1 });
    expect(gap.problem).toMatch(/Entry 1 is missing/);
  });
});
