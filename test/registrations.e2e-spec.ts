import { randomUUID } from 'node:crypto';
import { pdfText } from './support/pdf-text';
import { buildDelegate, eventWithDelegations } from './support/registration';
import { apiRequests, binary, expectProblem, startTestApp, type TestApp } from './support/test-app';

interface Registration {
  id: string;
  code: string;
  status: string;
  waitlistPosition: number | null;
  organization: { id: string; name: string } | null;
  displayName: string;
  email: string;
  phone: string | null;
  nip: string | null;
  nikMasked: string | null;
  warnings: { field: string }[];
}

describe('Registrations (e2e)', () => {
  let t: TestApp;
  let organizer: string;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    [organizer, staff] = await Promise.all([t.tokenFor('organizer'), t.tokenFor('staff')]);
  });
  afterAll(() => t.close());

  const { post, get, patch } = apiRequests(
    () => t,
    () => organizer,
  );
  const register = (eventId: string, body: object, key?: string) => {
    const request = t.http.post(`/api/v1/events/${eventId}/registrations`).send(body);
    return key === undefined ? request : request.set('Idempotency-Key', key);
  };
  const own = (code: string) => t.http.get(`/api/v1/registrations/${code}`);

  it('should confirm within the quota, waitlist beyond it, and promote in order when a seat frees', async () => {
    const { eventId, invitations } = await eventWithDelegations(t, {
      slug: 'reg-quota',
      delegations: 1,
      quota: 2,
    });
    const token = invitations[0]?.token as string;
    const results: Registration[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await register(eventId, buildDelegate({ invitationToken: token })).expect(
        201,
      );
      results.push(response.body as Registration);
    }
    expect(results.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    // The POST answers the registration as stored: a read of it shows the same (bar the warnings
    // about what was sent).
    for (const made of results) {
      const read = (await get(`/events/${eventId}/registrations/${made.id}`).expect(200))
        .body as Registration;
      expect({ ...made, warnings: [] }).toEqual(read);
    }
    expect(results[0]?.code).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}$/,
    );
    expect(results[0]?.phone).toBe('+6281234567890');

    // The delegate cancels with the code, typed loosely; the first on the waitlist takes the seat.
    const [first, , third, fourth] = results as [
      Registration,
      Registration,
      Registration,
      Registration,
    ];
    const typed = first.code.toLowerCase().replaceAll('-', ' ');
    const cancelled = await t.http.delete(`/api/v1/registrations/${typed}`).send({}).expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      statusReason: 'Dibatalkan oleh peserta',
    });
    expect((await own(third.code).expect(200)).body).toMatchObject({ status: 'confirmed' });
    expect((await own(fourth.code).expect(200)).body).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    const invitation = (
      await get(`/events/${eventId}/invitations/${invitations[0]?.id}`).expect(200)
    ).body as { seatsTaken: number };
    expect(invitation.seatsTaken).toBe(2);

    // Raising the quota seats the next one at once; it cannot go below the seats held.
    await patch(`/events/${eventId}/invitations/${invitations[0]?.id}`, { seatQuota: 3 }).expect(
      200,
    );
    expect((await own(fourth.code).expect(200)).body).toMatchObject({ status: 'confirmed' });
    const below = expectProblem(
      await patch(`/events/${eventId}/invitations/${invitations[0]?.id}`, { seatQuota: 2 }),
      409,
      'INVITATION_QUOTA_BELOW_SEATS',
    );
    expect(below.errors?.[0]?.field).toBe('seatQuota');
  });

  it('should hold the event capacity across delegations, and refuse when the waitlist is off', async () => {
    const { eventId, invitations } = await eventWithDelegations(t, {
      slug: 'reg-capacity',
      capacity: 2,
      delegations: 2,
      quota: 2,
      settings: { waitlistEnabled: false },
    });
    const [a, b] = invitations as unknown as [{ token: string }, { token: string }];
    await register(eventId, buildDelegate({ invitationToken: a.token })).expect(201);
    await register(eventId, buildDelegate({ invitationToken: b.token })).expect(201);
    const before = (await get(`/events/${eventId}/registrations`).expect(200)).body as {
      items: unknown[];
    };
    expectProblem(
      await register(eventId, buildDelegate({ invitationToken: a.token })),
      409,
      'EVENT_FULL',
    );
    const after = (await get(`/events/${eventId}/registrations`).expect(200)).body as {
      items: unknown[];
    };
    expect(after.items).toHaveLength(before.items.length);
  });

  it('should hold seats for pending registrations until approved or rejected', async () => {
    const { eventId, invitations } = await eventWithDelegations(t, {
      slug: 'reg-approval',
      delegations: 1,
      quota: 1,
      settings: { approvalRequired: true },
    });
    const token = invitations[0]?.token as string;
    const pending = (await register(eventId, buildDelegate({ invitationToken: token })).expect(201))
      .body as Registration;
    const waiting = (await register(eventId, buildDelegate({ invitationToken: token })).expect(201))
      .body as Registration;
    expect([pending.status, waiting.status]).toEqual(['pending', 'waitlisted']);

    expectProblem(
      await post(`/events/${eventId}/registrations/${waiting.id}/approve`, {}),
      409,
      'NO_SEAT_AVAILABLE',
    );
    expectProblem(
      await post(`/events/${eventId}/registrations/${pending.id}/approve`, {}, staff),
      403,
      'ROLE_FORBIDDEN',
    );
    const rejected = await post(`/events/${eventId}/registrations/${pending.id}/reject`, {
      reason: 'Bukan pejabat yang ditunjuk',
    }).expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      statusReason: 'Bukan pejabat yang ditunjuk',
    });
    // The freed seat went to the waitlist, pending approval in turn.
    expect((await own(waiting.code).expect(200)).body).toMatchObject({ status: 'pending' });
    const bulk = await post(`/events/${eventId}/registrations/approve`, {
      registrationIds: [waiting.id, pending.id],
    }).expect(200);
    expect(bulk.body).toEqual({
      done: [waiting.id],
      refused: [
        {
          registrationId: pending.id,
          code: 'REGISTRATION_STATUS',
          detail: expect.stringContaining('rejected'),
        },
      ],
    });
    expect((await own(waiting.code).expect(200)).body).toMatchObject({ status: 'confirmed' });
  });

  it('should answer a retried POST with the first registration, and refuse a reused key', async () => {
    const { eventId, invitations } = await eventWithDelegations(t, {
      slug: 'reg-idempotency',
      delegations: 1,
      quota: 5,
    });
    const body = buildDelegate({ invitationToken: invitations[0]?.token });
    const key = randomUUID();
    const [one, two] = await Promise.all([
      register(eventId, body, key),
      register(eventId, body, key),
    ]);
    expect([one.status, two.status]).toEqual([201, 201]);
    const third = await register(eventId, body, key).expect(201);
    expect((two.body as Registration).id).toBe((one.body as Registration).id);
    expect(third.body).toEqual(one.body);
    const list = (await get(`/events/${eventId}/registrations`).expect(200)).body as {
      items: unknown[];
    };
    expect(list.items).toHaveLength(1);

    const reused = expectProblem(
      await register(eventId, { ...body, name: 'Orang Lain' }, key),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
    expect(reused.errors?.[0]?.field).toBe('Idempotency-Key');
    expectProblem(await register(eventId, body, 'kunci dengan spasi'), 400, 'VALIDATION_FAILED');
    // Without a key, the same person again is a duplicate.
    const duplicate = expectProblem(await register(eventId, body), 409, 'REGISTRATION_DUPLICATE');
    expect(duplicate.errors?.[0]?.field).toBe('email');
  });

  it('should let the focal point see the delegation, and substitute a delegate keeping the seat', async () => {
    const { eventId, invitations } = await eventWithDelegations(t, {
      slug: 'reg-focal',
      delegations: 1,
      quota: 1,
    });
    const token = invitations[0]?.token as string;
    const seated = (await register(eventId, buildDelegate({ invitationToken: token })).expect(201))
      .body as Registration;
    const waiting = (await register(eventId, buildDelegate({ invitationToken: token })).expect(201))
      .body as Registration;
    const focal = (path: string) => t.http.get(`/api/v1${path}`).set('X-Invitation-Token', token);
    const delegation = (await focal('/delegation').expect(200)).body as {
      seatQuota: number;
      seatsTaken: number;
      registrations: Registration[];
    };
    expect(delegation).toMatchObject({ seatQuota: 1, seatsTaken: 1 });
    expect(delegation.registrations.map((r) => r.id).sort()).toEqual(
      [seated.id, waiting.id].sort(),
    );

    const substitute = await t.http
      .post(`/api/v1/delegation/registrations/${seated.id}/substitute`)
      .set('X-Invitation-Token', token)
      .send(buildDelegate({ name: 'Muhammad Iswanto' }))
      .expect(201);
    const replacement = substitute.body as Registration;
    expect(replacement).toMatchObject({
      status: 'confirmed',
      displayName: 'Muhammad Iswanto, S.IP',
    });
    expect(replacement.code).not.toBe(seated.code);
    expect((await own(seated.code).expect(200)).body).toMatchObject({ status: 'cancelled' });
    // The seat never passed to the waitlist.
    expect((await own(waiting.code).expect(200)).body).toMatchObject({ status: 'waitlisted' });

    expectProblem(
      await t.http.get('/api/v1/delegation').set('X-Invitation-Token', 'not-a-token'),
      401,
      'INVITATION_TOKEN_INVALID',
    );
    expectProblem(await t.http.get('/api/v1/delegation'), 401, 'INVITATION_TOKEN_INVALID');
  });

  it('should let the delegate change contact details and get the QR code', async () => {
    const { eventId, invitations } = await eventWithDelegations(t, {
      slug: 'reg-self',
      delegations: 1,
      quota: 2,
    });
    const created = (
      await register(eventId, buildDelegate({ invitationToken: invitations[0]?.token })).expect(201)
    ).body as Registration;
    const changed = await t.http
      .patch(`/api/v1/registrations/${created.code}`)
      .send({ phone: '+62 811-1234-5678', position: 'Kepala Bidang' })
      .expect(200);
    expect(changed.body).toMatchObject({ phone: '+628111234567' + '8', position: 'Kepala Bidang' });
    const bad = expectProblem(
      await t.http.patch(`/api/v1/registrations/${created.code}`).send({ phone: 'nomor saya' }),
      400,
      'INVALID_DELEGATE',
    );
    expect(bad.errors?.map((e) => e.field)).toEqual(['phone']);

    const png = await t.http
      .get(`/api/v1/registrations/${created.code}/qr`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((png.body as Buffer).subarray(1, 4).toString('latin1')).toBe('PNG');
    const svg = await t.http.get(`/api/v1/registrations/${created.code}/qr?format=svg`).expect(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expectProblem(await own('ABCD-EFGH-JKM'), 404, 'REGISTRATION_NOT_FOUND');
    expectProblem(await own('x'), 404, 'REGISTRATION_NOT_FOUND');
  });

  it.each([
    ['consent.dataProcessing', { consent: { dataProcessing: false } }, 'VALIDATION_FAILED'],
    ['consent', { consent: undefined }, 'VALIDATION_FAILED'],
    ['email', { email: 'bukan-email' }, 'INVALID_DELEGATE'],
    ['name', { name: 42 }, 'VALIDATION_FAILED'],
    ['nip', { employmentType: 'PNS', nip: '198602302015051001' }, 'INVALID_DELEGATE'],
    ['phone', { phone: '12' }, 'INVALID_DELEGATE'],
    ['position', { position: null }, 'INVALID_DELEGATE'],
    ['rankGrade', { employmentType: 'PNS', rankGrade: 'V/z' }, 'INVALID_DELEGATE'],
    ['employmentType', { employmentType: 'honorer' }, 'INVALID_DELEGATE'],
    ['invitationToken', { invitationToken: undefined }, 'INVITATION_REQUIRED'],
    ['invitationToken', { invitationToken: 'bukan-token' }, 'INVITATION_TOKEN_INVALID'],
  ])('should refuse a registration naming %s and write nothing', async (field, change, code) => {
    badEvent ??= await eventWithDelegations(t, { slug: 'reg-bad-input', delegations: 1, quota: 5 });
    const body = {
      ...buildDelegate({ invitationToken: badEvent.invitations[0]?.token }),
      ...change,
    };
    const response = await register(badEvent.eventId, body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const problem = expectProblem(response, response.status, code);
    expect(problem.errors?.map((e) => e.field)).toContain(field);
    const list = (await get(`/events/${badEvent.eventId}/registrations`).expect(200)).body as {
      items: unknown[];
    };
    expect(list.items).toHaveLength(0);
  });
  let badEvent: Awaited<ReturnType<typeof eventWithDelegations>> | undefined;

  it('should refuse registration while the event is not open, and after a token is revoked', async () => {
    const { eventId, invitations } = await eventWithDelegations(t, {
      slug: 'reg-closed',
      delegations: 1,
      quota: 2,
    });
    const invitation = invitations[0] as { id: string; token: string };
    await post(`/events/${eventId}/invitations/${invitation.id}/revoke`, {}).expect(200);
    expectProblem(
      await register(eventId, buildDelegate({ invitationToken: invitation.token })),
      403,
      'INVITATION_REVOKED',
    );
    const reissued = (
      await post(`/events/${eventId}/invitations/${invitation.id}/token`, {}).expect(200)
    ).body as { token: string; status: string };
    expect(reissued.status).toBe('active');
    expectProblem(
      await register(eventId, buildDelegate({ invitationToken: invitation.token })),
      401,
      'INVITATION_TOKEN_INVALID',
    );
    await post(`/events/${eventId}/status`, { status: 'closed' }).expect(200);
    expectProblem(
      await register(eventId, buildDelegate({ invitationToken: reissued.token })),
      409,
      'REGISTRATION_CLOSED',
    );
    expectProblem(
      await register('00000000-0000-4000-8000-000000000000', buildDelegate()),
      404,
      'EVENT_NOT_FOUND',
    );
  });

  it("should invite every province of the event's time in bulk, once, and keep tokens secret", async () => {
    const event = (
      await post('/events', {
        slug: 'reg-bulk',
        title: 'Rakor Kehumasan 2022',
        startDate: '2022-06-28',
        endDate: '2022-06-30',
      }).expect(201)
    ).body as { id: string };
    const bulk = (
      await post(`/events/${event.id}/invitations/bulk`, { kind: 'province', seatQuota: 2 }).expect(
        201,
      )
    ).body as {
      created: { organization: { regionCode: string }; token: string; seatQuota: number }[];
      alreadyInvited: string[];
    };
    expect(bulk.created).toHaveLength(34);
    expect(bulk.created.every((i) => i.token.length >= 43 && i.seatQuota === 2)).toBe(true);
    expect(new Set(bulk.created.map((i) => i.token)).size).toBe(34);
    const again = (
      await post(`/events/${event.id}/invitations/bulk`, { kind: 'province' }).expect(201)
    ).body as {
      created: unknown[];
      alreadyInvited: string[];
    };
    expect([again.created.length, again.alreadyInvited.length]).toEqual([0, 34]);
    const list = (await get(`/events/${event.id}/invitations`, { limit: '100' }, staff).expect(200))
      .body as {
      items: Record<string, unknown>[];
    };
    expect(list.items).toHaveLength(34);
    expect(list.items.some((item) => 'token' in item || 'tokenHash' in item)).toBe(false);
    expectProblem(
      await post(`/events/${event.id}/invitations/bulk`, { kind: 'province' }, staff),
      403,
      'ROLE_FORBIDDEN',
    );
    expectProblem(await post(`/events/${event.id}/invitations/bulk`, {}), 400, 'NOTHING_TO_INVITE');
    const first = list.items[0] as { organization: { id: string } };
    const duplicate = expectProblem(
      await post(`/events/${event.id}/invitations`, { organizationId: first.organization.id }),
      409,
      'INVITATION_EXISTS',
    );
    expect(duplicate.errors?.[0]?.field).toBe('organizationId');
  });

  it("should hold each parallel session's seats, and free them when the delegate cancels", async () => {
    const { eventId, invitations } = await eventWithDelegations(t, {
      slug: 'reg-sessions',
      delegations: 1,
      quota: 3,
    });
    const session = async (title: string, startsAt: string, endsAt: string, capacity?: number) =>
      (
        (
          await post(`/events/${eventId}/sessions`, {
            type: 'workshop',
            title,
            startsAt,
            endsAt,
            ...(capacity ? { capacity } : {}),
          }).expect(201)
        ).body as { id: string }
      ).id;
    const kelasA = await session(
      'Kelas A: Media Sosial',
      '2030-06-29T08:00',
      '2030-06-29T11:00',
      1,
    );
    const kelasB = await session('Kelas B: Krisis', '2030-06-29T08:00', '2030-06-29T11:00', 5);
    const sore = await session('Kelas Sore', '2030-06-29T13:00', '2030-06-29T15:00', 5);
    const pleno = await session('Pleno', '2030-06-30T08:00', '2030-06-30T09:00');
    const token = invitations[0]?.token as string;
    const [first, second] = [
      (await register(eventId, buildDelegate({ invitationToken: token })).expect(201))
        .body as Registration,
      (await register(eventId, buildDelegate({ invitationToken: token })).expect(201))
        .body as Registration,
    ];
    const choose = (code: string, sessionIds: string[]) =>
      t.http.put(`/api/v1/registrations/${code}/sessions`).send({ sessionIds });

    expect((await choose(first.code, [kelasA, sore]).expect(200)).body).toMatchObject({
      sessionIds: [kelasA, sore].sort(),
    });
    const full = expectProblem(await choose(second.code, [sore, kelasA]), 409, 'SESSION_FULL');
    expect(full.errors?.[0]?.field).toBe('sessionIds[1]');
    expect((await own(second.code).expect(200)).body).toMatchObject({ sessionIds: [] });
    const overlap = expectProblem(
      await choose(second.code, [kelasB, kelasA]),
      400,
      'INVALID_SESSION_CHOICE',
    );
    expect(overlap.errors?.map((e) => e.field)).toEqual(['sessionIds[1]']);
    const plenary = expectProblem(
      await choose(second.code, [pleno]),
      400,
      'INVALID_SESSION_CHOICE',
    );
    expect(plenary.errors?.map((e) => e.field)).toEqual(['sessionIds[0]']);
    expectProblem(await choose(second.code, ['x']), 400, 'VALIDATION_FAILED');

    // Cancelling frees Kelas A's seat for the next delegate.
    await t.http.delete(`/api/v1/registrations/${first.code}`).send({}).expect(200);
    expect((await choose(second.code, [kelasA]).expect(200)).body).toMatchObject({
      sessionIds: [kelasA],
    });

    // The delegate's agenda: the plenary and the chosen class, not the other parallel ones.
    expectProblem(await own(`${second.code}/agenda`), 404, 'AGENDA_NOT_PUBLISHED');
    await post(`/events/${eventId}/agenda/publish`, { acknowledgeConflicts: true }).expect(201);
    const agenda = await own(`${second.code}/agenda?format=json`).expect(200);
    expect((agenda.body as { items: { id: string }[] }).items.map((item) => item.id)).toEqual([
      kelasA,
      pleno,
    ]);
    const ics = await own(`${second.code}/agenda`).expect(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.text).toContain(`UID:${kelasA}@rakor`);
    expect(ics.text).not.toContain(kelasB);
  });

  it('should print name tags of the confirmed delegates, for staff', async () => {
    const { eventId, invitations } = await eventWithDelegations(t, {
      slug: 'reg-name-tags',
      delegations: 1,
      quota: 1,
    });
    const token = invitations[0]?.token as string;
    await register(
      eventId,
      buildDelegate({ invitationToken: token, name: 'Muhammad Iswanto' }),
    ).expect(201);
    await register(
      eventId,
      buildDelegate({ invitationToken: token, name: 'Menunggu Kursi' }),
    ).expect(201);
    const pdf = await get(`/events/${eventId}/name-tags`, {}, staff)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.body as Buffer);
    expect(text).toContain('Muhammad Iswanto, S.IP');
    expect(text).toContain('PESERTA');
    expect(text).not.toContain('Menunggu Kursi');
    expectProblem(await t.http.get(`/api/v1/events/${eventId}/name-tags`), 401, 'TOKEN_MISSING');
    expectProblem(
      await get(`/events/${eventId}/name-tags`, { invitationId: 'x' }, staff),
      400,
      'VALIDATION_FAILED',
    );
  });

  it.each([
    ['organizationId', 'post', '', { organizationId: 'aceh' }],
    ['organizationId', 'post', '', { organizationId: '00000000-0000-4000-8000-000000000000' }],
    ['seatQuota', 'post', '', { seatQuota: 0 }],
    ['focalPoint.email', 'post', '', { focalPoint: { email: 'bukan-email' } }],
    ['focalPoint.phone', 'post', '', { focalPoint: { phone: '12' } }],
    ['seatQuota', 'patch', '/ID', { seatQuota: 1001 }],
    ['kind', 'post', '/bulk', { kind: 'kabupaten' }],
    ['organizationIds', 'post', '/bulk', { organizationIds: [] }],
  ])(
    'should refuse an invitation naming %s (%s%s) and write nothing',
    async (field, method, path, body) => {
      invitationEvent ??= await eventWithDelegations(t, {
        slug: 'inv-bad-input',
        delegations: 1,
        quota: 2,
      });
      const { eventId, invitations } = invitationEvent;
      const base = `/events/${eventId}/invitations${path.replace('/ID', `/${invitations[0]?.id}`)}`;
      const organization = (
        await post('/organizations', {
          kind: 'external',
          name: `Tim ${field} ${method}${path}`,
        }).expect(201)
      ).body as { id: string };
      const send =
        method === 'post'
          ? post(base, { organizationId: organization.id, ...body })
          : patch(base, body);
      const response = await send;
      const unknown = JSON.stringify(body).includes('00000000-0000');
      const code = unknown ? 'UNKNOWN_ORGANIZATION' : 'VALIDATION_FAILED';
      const problem = expectProblem(response, 400, code);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
      const list = (await get(`/events/${eventId}/invitations`).expect(200)).body as {
        items: { seatQuota: number }[];
      };
      expect(list.items.map((i) => i.seatQuota)).toEqual([2]);
    },
  );
  let invitationEvent: Awaited<ReturnType<typeof eventWithDelegations>> | undefined;

  it('should rate limit the public endpoints with a 429 and Retry-After', async () => {
    const limited = await startTestApp({ PUBLIC_RATE_LIMIT: '3', PUBLIC_RATE_WINDOW: '60' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await limited.http.get('/api/v1/registrations/ABCD-EFGH-JKM')).status);
      }
      expect(statuses).toEqual([404, 404, 404]);
      const response = await limited.http.get('/api/v1/registrations/ABCD-EFGH-JKM');
      expectProblem(response, 429, 'TOO_MANY_REQUESTS');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
