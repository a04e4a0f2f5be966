import { JwtService } from '@nestjs/jwt';
import {
  ADMIN,
  buildUser,
  createUser,
  expectProblem,
  startTestApp,
  type TestApp,
  TEST_SECRET,
} from './support/test-app';

describe('Auth', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('should return a bearer token with its expiry when the credentials are right', async () => {
    const before = Date.now();
    const response = await t.http.post('/api/v1/auth/login').send(ADMIN).expect(200);
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 8 * 3600,
      user: { email: ADMIN.email, role: 'admin', active: true },
    });
    const expiresAt = Date.parse(response.body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 8 * 3600 * 1000 - 1000);
    const me = await t.http
      .get('/api/v1/auth/me')
      .auth(response.body.accessToken, { type: 'bearer' })
      .expect(200);
    expect(me.body).toMatchObject({
      email: ADMIN.email,
      role: 'admin',
      displayName: 'Administrator',
    });
    expect(me.body.lastLoginAt).not.toBeNull();
  });

  it('should give the same 401 for a wrong password and an unknown email', async () => {
    const wrong = await t.http
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '10.0.0.1')
      .send({ ...ADMIN, password: 'not-the-password' });
    const unknown = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@rakor.test', password: 'whatever-password' });
    const a = expectProblem(wrong, 401, 'INVALID_CREDENTIALS');
    const b = expectProblem(unknown, 401, 'INVALID_CREDENTIALS');
    expect({ ...a, requestId: undefined }).toEqual({ ...b, requestId: undefined });
  });

  it('should refuse a deactivated account with the same 401', async () => {
    const user = buildUser();
    const created = await createUser(t, user);
    await t.http
      .delete(`/api/v1/users/${created.id}`)
      .auth(await t.tokenFor('admin'), { type: 'bearer' })
      .expect(204);
    const response = await t.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: user.password });
    expectProblem(response, 401, 'INVALID_CREDENTIALS');
  });

  it('should accept the email in any case', async () => {
    await t.http
      .post('/api/v1/auth/login')
      .send({ ...ADMIN, email: ADMIN.email.toUpperCase() })
      .expect(200);
  });

  it.each([
    ['no header', undefined, 'TOKEN_MISSING'],
    ['a non-bearer scheme', 'Basic YWRtaW46YWRtaW4=', 'TOKEN_MISSING'],
    ['garbage', 'Bearer not-a-jwt', 'TOKEN_INVALID'],
  ])('should answer 401 to /auth/me with %s', async (_name, header, code) => {
    const call = t.http.get('/api/v1/auth/me');
    const response = await (header ? call.set('authorization', header) : call);
    expectProblem(response, 401, code);
  });

  it('should answer 401 TOKEN_EXPIRED to an expired token', async () => {
    const user = (
      await t.dataSource.query(`SELECT id, token_version FROM users WHERE email = $1`, [
        ADMIN.email,
      ])
    )[0];
    const jwt = new JwtService({ secret: TEST_SECRET });
    const token = jwt.sign(
      { sub: user.id, ver: user.token_version, exp: Math.floor(Date.now() / 1000) - 10 },
      { algorithm: 'HS256', issuer: 'rakor' },
    );
    expectProblem(
      await t.http.get('/api/v1/auth/me').auth(token, { type: 'bearer' }),
      401,
      'TOKEN_EXPIRED',
    );
  });

  it('should answer 401 TOKEN_INVALID to a token signed with another secret', async () => {
    const user = (
      await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [ADMIN.email])
    )[0];
    const token = new JwtService({ secret: 'another-secret-another-secret-another' }).sign(
      { sub: user.id, ver: 0 },
      { algorithm: 'HS256', issuer: 'rakor', expiresIn: 600 },
    );
    expectProblem(
      await t.http.get('/api/v1/auth/me').auth(token, { type: 'bearer' }),
      401,
      'TOKEN_INVALID',
    );
  });

  it('should revoke older tokens when the password changes', async () => {
    const user = buildUser();
    const created = await createUser(t, user);
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(200);
    await t.http
      .patch(`/api/v1/users/${created.id}`)
      .auth(await t.tokenFor('admin'), { type: 'bearer' })
      .send({ password: 'a-brand-new-password' })
      .expect(200);
    expectProblem(
      await t.http.get('/api/v1/auth/me').auth(login.body.accessToken, { type: 'bearer' }),
      401,
      'TOKEN_REVOKED',
    );
    await t.http
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: 'a-brand-new-password' })
      .expect(200);
  });

  it('should reject bad login bodies naming the field', async () => {
    const response = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'not-an-email', password: 'x', remember: true });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([
      { field: 'remember', message: 'remember is not a known field' },
      { field: 'email', message: 'email must be an email' },
    ]);
  });

  it('should rate limit logins with a 429 problem and Retry-After', async () => {
    const app = await startTestApp({ LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW: '60' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push(
          (await app.http.post('/api/v1/auth/login').send({ ...ADMIN, password: 'wrong-password' }))
            .status,
        );
      }
      const limited = await app.http.post('/api/v1/auth/login').send(ADMIN);
      expect(statuses).toEqual([401, 401, 401]);
      expectProblem(limited, 429, 'TOO_MANY_REQUESTS');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
