import { expectProblem, startTestApp, type TestApp } from './support/test-app';

describe('HTTP conventions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://rakor.example', BODY_LIMIT: '4096' });
  });
  afterAll(() => t.close());

  it('should answer an unknown route with a 404 problem', async () => {
    const body = expectProblem(await t.http.get('/api/v1/no-such-thing'), 404, 'NOT_FOUND');
    expect(body).toMatchObject({ title: 'Not Found', instance: '/api/v1/no-such-thing' });
  });

  it('should answer an unknown method on a known path with a problem', async () => {
    expectProblem(await t.http.put('/api/v1/auth/login').send({}), 404, 'NOT_FOUND');
  });

  it('should answer malformed JSON with a 400 MALFORMED_JSON problem', async () => {
    const response = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": "a@b.c",');
    expect(expectProblem(response, 400, 'MALFORMED_JSON').detail).toMatch(/not valid JSON/);
  });

  it('should answer an empty JSON body with a 400 MALFORMED_JSON problem', async () => {
    const response = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json');
    expectProblem(response, 400, 'MALFORMED_JSON');
  });

  it('should refuse a prototype-poisoning body', async () => {
    const response = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":"a@b.c","password":"x","__proto__":{"admin":true}}');
    expectProblem(response, 400, 'MALFORMED_JSON');
  });

  it('should answer an oversized body with a 413 problem', async () => {
    const response = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'a@b.c', password: 'x'.repeat(5000) });
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('should answer a body that is not JSON with a 415 problem', async () => {
    const response = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'text/plain')
      .send('email=a@b.c');
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('should name unknown fields and wrong types', async () => {
    const response = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 42, password: ['x'], admin: true });
    expect(expectProblem(response, 400, 'VALIDATION_FAILED').errors).toEqual([
      { field: 'admin', message: 'admin is not a known field' },
      { field: 'email', message: 'email must be an email' },
      { field: 'password', message: 'password must be a string' },
    ]);
  });

  it('should echo a sensible X-Request-Id and replace a hostile one', async () => {
    const kept = await t.http.get('/health').set('x-request-id', 'trace-42.a:b');
    expect(kept.headers['x-request-id']).toBe('trace-42.a:b');
    const replaced = await t.http.get('/health').set('x-request-id', 'bad id\twith spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should send security headers', async () => {
    const response = await t.http.get('/health').expect(200);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
  });

  it('should allow only the configured CORS origin', async () => {
    const allowed = await t.http
      .options('/api/v1/auth/me')
      .set('origin', 'https://rakor.example')
      .set('access-control-request-method', 'GET')
      .set('access-control-request-headers', 'authorization');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://rakor.example');
    const other = await t.http.get('/health').set('origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('should serve the interactive docs with their assets', async () => {
    const page = await t.http.get('/docs').redirects(1).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      const url = new URL(asset, 'http://localhost/docs').pathname;
      const response = await t.http.get(url);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
    }
  });

  it('should serve the OpenAPI 3 document at /docs-json', async () => {
    const response = await t.http.get('/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/auth/me',
        '/api/v1/users',
        '/health',
        '/health/ready',
      ]),
    );
  });
});
