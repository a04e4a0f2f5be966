import { ConfigError, loadConfig } from './config';

const SECRET = 'x'.repeat(32);

describe(loadConfig.name, () => {
  it('should default to the embedded database in ./data, migrating at start', () => {
    expect(loadConfig({})).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      database: { kind: 'embedded', dataDir: './data' },
      migrateOnStart: true,
      demoData: false,
      authSecret: undefined,
      authTokenTtlSeconds: 28800,
      admin: undefined,
      corsOrigins: undefined,
      logLevel: 'info',
      loginRateLimit: { limit: 10, ttlSeconds: 60 },
      publicRateLimit: { limit: 60, ttlSeconds: 60 },
    });
  });

  it('should use the server and not migrate at start when DATABASE_URL is set', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u@db:5432/rakor', AUTH_SECRET: SECRET }),
    ).toMatchObject({
      database: { kind: 'server', url: 'postgres://u@db:5432/rakor', poolSize: 10 },
      migrateOnStart: false,
    });
  });

  it.each([
    [{ AUTH_TOKEN_TTL: '900' }, 'authTokenTtlSeconds', 900],
    [{ AUTH_TOKEN_TTL: '15m' }, 'authTokenTtlSeconds', 900],
    [{ AUTH_TOKEN_TTL: '1d' }, 'authTokenTtlSeconds', 86400],
    [{ MIGRATE_ON_START: 'no' }, 'migrateOnStart', false],
    [{ DEMO_DATA: 'true' }, 'demoData', true],
    [{ CORS_ORIGINS: '*' }, 'corsOrigins', '*'],
    [
      { CORS_ORIGINS: 'https://a.go.id, https://b.go.id' },
      'corsOrigins',
      ['https://a.go.id', 'https://b.go.id'],
    ],
    [
      { ADMIN_EMAIL: 'Admin@Kemendagri.go.id', ADMIN_PASSWORD: 'long-enough-pass' },
      'admin',
      { email: 'admin@kemendagri.go.id', password: 'long-enough-pass' },
    ],
    [{ PORT: '' }, 'port', 3000],
  ])('should read %j', (env, key, value) => {
    expect(loadConfig(env)[key as keyof ReturnType<typeof loadConfig>]).toEqual(value);
  });

  it.each([
    [{ PORT: '70000' }, 'PORT', 'must be at most 65535 (got "70000")'],
    [{ PORT: '-1' }, 'PORT', 'must be a whole number (got "-1")'],
    [{ AUTH_TOKEN_TTL: '30' }, 'AUTH_TOKEN_TTL', 'must be at least 60 seconds (got "30")'],
    [{ MIGRATE_ON_START: 'perhaps' }, 'MIGRATE_ON_START', 'must be true or false (got "perhaps")'],
    [{ DEMO_DATA: 'ya' }, 'DEMO_DATA', 'must be true or false (got "ya")'],
    [
      { CORS_ORIGINS: 'rakor.go.id' },
      'CORS_ORIGINS',
      'must be * or a comma-separated list of origins',
    ],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET', 'must be at least 32 characters'],
    [{ ADMIN_PASSWORD: 'long-enough-pass' }, 'ADMIN_EMAIL', 'must be set together with the other'],
    [
      { ADMIN_EMAIL: 'nope', ADMIN_PASSWORD: 'long-enough-pass' },
      'ADMIN_EMAIL',
      'must be an email address (got "nope")',
    ],
  ])('should refuse %j naming %s', (env, variable, message) => {
    const error = (() => {
      try {
        loadConfig(env);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const issue = (error as ConfigError).issues.find((i) => i.variable === variable);
    expect(issue?.message).toContain(message);
  });

  it('should never echo a secret back in its message', () => {
    expect(() => loadConfig({ AUTH_SECRET: 'hunter2' })).toThrow(
      /AUTH_SECRET: must be at least 32 characters$/m,
    );
  });

  it('should report every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(
      /PORT: must be a whole number[\s\S]*LOG_LEVEL: must be one of/,
    );
  });
});
