import {
  ADMIN,
  buildUser,
  createUser,
  expectProblem,
  startTestApp,
  type TestApp,
} from './support/test-app';

describe('Users', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  it('should create an account and return it without its password', async () => {
    const input = buildUser({ email: '  Petugas.Satu@Kemendagri.GO.ID ', role: 'organizer' });
    const response = await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .send(input)
      .expect(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: 'petugas.satu@kemendagri.go.id',
      displayName: input.displayName,
      role: 'organizer',
      active: true,
      lastLoginAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const fetched = await t.http
      .get(`/api/v1/users/${response.body.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(fetched.body).toEqual(response.body);
  });

  it('should refuse a second account with the same email in another case', async () => {
    const input = buildUser();
    await createUser(t, input);
    const response = await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .send({ ...input, email: input.email.toUpperCase() });
    expect(expectProblem(response, 409, 'USER_EMAIL_TAKEN').errors).toEqual([
      { field: 'email', message: `Another account already uses ${input.email}.` },
    ]);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email', 'email must be an email'],
    [
      { role: 'superuser' },
      'role',
      'role must be one of the following values: admin, organizer, staff',
    ],
    [{ password: 'short' }, 'password', 'password must be longer than or equal to 12 characters'],
    [
      { displayName: '' },
      'displayName',
      'displayName must be longer than or equal to 1 characters',
    ],
    [{ displayName: 7 }, 'displayName', 'displayName must be a string'],
    [{ isAdmin: true }, 'isAdmin', 'isAdmin is not a known field'],
  ])('should refuse %j naming the field and write nothing', async (override, field, message) => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM users');
    const response = await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .send({ ...buildUser(), ...override });
    expect(expectProblem(response, 400, 'VALIDATION_FAILED').errors).toEqual([{ field, message }]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
  });

  it('should page through accounts in creation order without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: '2' };
      if (cursor) query.cursor = cursor;
      const page = await t.http
        .get('/api/v1/users')
        .query(query)
        .auth(admin, { type: 'bearer' })
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((user: { email: string }) => user.email));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await t.dataSource.query('SELECT email FROM users ORDER BY created_at, id');
    expect(seen).toEqual(all.map((row: { email: string }) => row.email));
    expect(seen[0]).toBe(ADMIN.email);
  });

  it('should filter by role, state and text', async () => {
    const unique = `cari-${Date.now()}`;
    const staff = await createUser(t, { role: 'staff', displayName: `Petugas ${unique}` });
    await createUser(t, { role: 'organizer', displayName: `Panitia ${unique}` });
    const found = await t.http
      .get('/api/v1/users')
      .query({ role: 'staff', active: 'true', q: unique.toUpperCase() })
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(found.body).toEqual({
      items: [expect.objectContaining({ id: staff.id })],
      nextCursor: null,
    });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: 'many' }, 'limit'],
    [{ active: 'maybe' }, 'active'],
    [{ role: 'boss' }, 'role'],
    [{ sort: 'email' }, 'sort'],
  ])('should refuse the query %j naming the parameter', async (query, field) => {
    const response = await t.http.get('/api/v1/users').query(query).auth(admin, { type: 'bearer' });
    expect(
      expectProblem(response, 400, 'VALIDATION_FAILED').errors?.map((error) => error.field),
    ).toEqual([field]);
  });

  it('should refuse a forged cursor', async () => {
    const response = await t.http
      .get('/api/v1/users')
      .query({ cursor: 'bm90LWEtY3Vyc29y' })
      .auth(admin, { type: 'bearer' });
    expectProblem(response, 400, 'INVALID_CURSOR');
  });

  it('should answer 404 for an unknown id and 400 for a malformed one', async () => {
    expectProblem(
      await t.http
        .get('/api/v1/users/00000000-0000-4000-8000-000000000000')
        .auth(admin, { type: 'bearer' }),
      404,
      'USER_NOT_FOUND',
    );
    const malformed = await t.http.get('/api/v1/users/42').auth(admin, { type: 'bearer' });
    expect(expectProblem(malformed, 400, 'VALIDATION_FAILED').errors).toEqual([
      { field: 'userId', message: 'userId must be a UUID' },
    ]);
  });

  it('should change role and name, and deactivate', async () => {
    const user = await createUser(t);
    const updated = await t.http
      .patch(`/api/v1/users/${user.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ role: 'organizer', displayName: 'Panitia Baru' })
      .expect(200);
    expect(updated.body).toMatchObject({
      role: 'organizer',
      displayName: 'Panitia Baru',
      active: true,
    });
    await t.http.delete(`/api/v1/users/${user.id}`).auth(admin, { type: 'bearer' }).expect(204);
    const after = await t.http
      .get(`/api/v1/users/${user.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(after.body.active).toBe(false);
  });

  it('should keep the last active administrator when two demote each other at once', async () => {
    const second = buildUser({ role: 'admin' });
    const other = await createUser(t, second);
    const otherToken = (
      await t.http
        .post('/api/v1/auth/login')
        .send({ email: second.email, password: second.password })
        .expect(200)
    ).body.accessToken as string;
    const adminId = (
      await t.dataSource.query('SELECT id FROM users WHERE email = $1', [ADMIN.email])
    )[0].id;
    const results = await Promise.all([
      t.http
        .patch(`/api/v1/users/${other.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ role: 'staff' }),
      t.http
        .patch(`/api/v1/users/${adminId}`)
        .auth(otherToken, { type: 'bearer' })
        .send({ role: 'staff' }),
    ]);
    // One demotion wins; the other is refused, by the last-admin rule or because its caller
    // has just stopped being an administrator. Either way one administrator remains.
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const admins = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`,
    );
    expect(admins).toEqual([{ n: 1 }]);
    await t.dataSource.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [adminId]);
  });

  it('should refuse to demote or deactivate the only administrator', async () => {
    const adminId = (
      await t.dataSource.query('SELECT id FROM users WHERE email = $1', [ADMIN.email])
    )[0].id;
    await t.dataSource.query(`UPDATE users SET role = 'staff' WHERE role = 'admin' AND id <> $1`, [
      adminId,
    ]);
    const demote = await t.http
      .patch(`/api/v1/users/${adminId}`)
      .auth(admin, { type: 'bearer' })
      .send({ role: 'organizer' });
    expect(expectProblem(demote, 409, 'LAST_ADMIN').errors).toEqual([
      { field: 'role', message: expect.stringContaining('only active administrator') },
    ]);
    expectProblem(
      await t.http.delete(`/api/v1/users/${adminId}`).auth(admin, { type: 'bearer' }),
      409,
      'LAST_ADMIN',
    );
  });

  it.each(['organizer', 'staff'] as const)(
    'should forbid %s from managing accounts',
    async (role) => {
      const token = await t.tokenFor(role);
      expectProblem(
        await t.http.get('/api/v1/users').auth(token, { type: 'bearer' }),
        403,
        'ROLE_FORBIDDEN',
      );
      expectProblem(
        await t.http.post('/api/v1/users').auth(token, { type: 'bearer' }).send(buildUser()),
        403,
        'ROLE_FORBIDDEN',
      );
      const me = await t.http.get('/api/v1/auth/me').auth(token, { type: 'bearer' }).expect(200);
      expect(me.body.role).toBe(role);
    },
  );
});
