import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Where the data lives: PGlite in-process (embedded) or a PostgreSQL server. */
export type DatabaseConfig =
  { kind: 'embedded'; dataDir: string } | { kind: 'server'; url: string; poolSize: number };

export interface AppConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Apply pending migrations when the service starts. */
  migrateOnStart: boolean;
  /** Load the reference workshop at start (idempotent), as `npm run demo` does. */
  demoData: boolean;
  /** HMAC secret for access tokens; undefined means "keep one in the data directory". */
  authSecret: string | undefined;
  authTokenTtlSeconds: number;
  /** The first administrator, created on a database that has no users yet. */
  admin: { email: string; password: string } | undefined;
  corsOrigins: string[] | '*' | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  loginRateLimit: { limit: number; ttlSeconds: number };
  /** Requests to the public registration endpoints allowed per client address per window. */
  publicRateLimit: { limit: number; ttlSeconds: number };
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  trustProxy: boolean;
  /** Processes serving the port together (1: this process alone); only on a PostgreSQL server. */
  workers: number;
}

export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' +
        issues.map((issue) => `  ${issue.variable}: ${issue.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const boolean = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ['true', 'false', '1', '0', 'yes', 'no'].includes(value), {
    message: 'must be true or false',
  })
  .transform((value) => ['true', '1', 'yes'].includes(value));

const duration = z
  .string()
  .trim()
  .regex(/^\d+[smhd]?$/, 'must be a duration such as 900, 15m, 8h or 1d')
  .transform((value) => {
    const unit = /[smhd]$/.test(value) ? value.slice(-1) : 's';
    return Number.parseInt(value, 10) * (DURATION_UNITS[unit] ?? 1);
  })
  .pipe(z.number().int().min(60, 'must be at least 60 seconds'));

const postgresUrl = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
      } catch {
        return false;
      }
    },
    { message: 'must be a postgres:// or postgresql:// URL' },
  );

const schema = z
  .object({
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: integer(0, 65535).default(3000),
    DATABASE_URL: postgresUrl.optional(),
    // At least two: migrating at start holds one connection for its lock while it works on another.
    DATABASE_POOL_SIZE: integer(2, 200).default(10),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    MIGRATE_ON_START: boolean.optional(),
    DEMO_DATA: boolean.default(false),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    AUTH_TOKEN_TTL: duration.default(8 * 3600),
    ADMIN_EMAIL: z.email('must be an email address').optional(),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    CORS_ORIGINS: z
      .string()
      .trim()
      .optional()
      .transform((value) =>
        value === undefined || value === ''
          ? undefined
          : value === '*'
            ? ('*' as const)
            : value.split(',').map((origin) => origin.trim()),
      )
      .refine(
        (origins) =>
          origins === undefined ||
          origins === '*' ||
          origins.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)),
        { message: 'must be * or a comma-separated list of origins such as https://rakor.go.id' },
      ),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    LOGIN_RATE_LIMIT: integer(1, 100000).default(10),
    LOGIN_RATE_WINDOW: duration.default(60),
    PUBLIC_RATE_LIMIT: integer(1, 1000000).default(60),
    PUBLIC_RATE_WINDOW: duration.default(60),
    BODY_LIMIT: integer(1024, 100 * 1024 * 1024).default(1024 * 1024),
    SHUTDOWN_TIMEOUT_MS: integer(0, 600000).default(10000),
    TRUST_PROXY: boolean.default(false),
    WORKERS: z
      .string()
      .trim()
      .default('1')
      .transform((value) => (value === 'auto' ? String(availableParallelism()) : value))
      .pipe(integer(1, 64)),
  })
  .superRefine((env, ctx) => {
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      const missing = env.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'must be set together with the other of ADMIN_EMAIL and ADMIN_PASSWORD',
      });
    }
    if (env.WORKERS > 1 && env.DATABASE_URL === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['WORKERS'],
        message:
          'more than one worker needs DATABASE_URL: the embedded database belongs to one process',
      });
    }
    if (env.DATABASE_URL !== undefined && env.AUTH_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message:
          'is required when DATABASE_URL is set (several processes must share one secret); use at least 32 random characters',
      });
    }
  });

/** Reads and validates the environment. Throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const relevant = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, emptyToUndefined(env[key])]),
  );
  const parsed = schema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? 'environment'),
        message: describeIssue(issue, relevant),
      })),
    );
  }
  const e = parsed.data;
  const database: DatabaseConfig =
    e.DATABASE_URL !== undefined
      ? { kind: 'server', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'embedded', dataDir: e.DATA_DIR };
  return {
    host: e.HOST,
    port: e.PORT,
    database,
    migrateOnStart: e.MIGRATE_ON_START ?? database.kind === 'embedded',
    demoData: e.DEMO_DATA,
    authSecret: e.AUTH_SECRET,
    authTokenTtlSeconds: e.AUTH_TOKEN_TTL,
    admin:
      e.ADMIN_EMAIL !== undefined && e.ADMIN_PASSWORD !== undefined
        ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD }
        : undefined,
    corsOrigins: e.CORS_ORIGINS,
    logLevel: e.LOG_LEVEL,
    loginRateLimit: { limit: e.LOGIN_RATE_LIMIT, ttlSeconds: e.LOGIN_RATE_WINDOW },
    publicRateLimit: { limit: e.PUBLIC_RATE_LIMIT, ttlSeconds: e.PUBLIC_RATE_WINDOW },
    bodyLimitBytes: e.BODY_LIMIT,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
    workers: e.WORKERS,
  };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function describeIssue(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const variable = issue.path[0];
  const secret = typeof variable === 'string' && /SECRET|PASSWORD/.test(variable);
  const got = typeof variable === 'string' ? env[variable] : undefined;
  const message =
    issue.code === 'invalid_value' ? `must be one of ${issue.values.join(', ')}` : issue.message;
  return got === undefined || secret ? message : `${message} (got "${got}")`;
}
