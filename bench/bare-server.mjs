// The baseline: a bare Fastify server doing the same work as Rakor's endpoints, nothing more.
//
//   GET /health              the JSON that Rakor's liveness probe answers
//   GET /api/v1/auth/me      verify the HS256 access token (jsonwebtoken, issuer rakor), one
//                            SELECT of the user row by id, and the user as JSON
//
// BARE_DB=pg reads through a `pg` pool (DATABASE_URL, BARE_POOL_SIZE connections, as Rakor's
// DATABASE_POOL_SIZE); BARE_DB=pglite opens PGlite on DATA_DIR directly, with the token secret
// kept in that directory. The token secret is given to jsonwebtoken as a KeyObject made once;
// BARE_JWT_KEY=string passes the string instead, as Rakor does through @nestjs/jwt (run.mjs
// measures that too, to show what it costs). Started by run.mjs; exits when its stdin closes.
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import { Buffer } from 'node:buffer';
import { createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const env = process.env;
const HEALTH = { status: 'ok', info: {}, error: {}, details: {} };
// The columns TypeORM selects for UsersRepository.findById (the whole entity), one row by id.
const SELECT_USER =
  'SELECT id, email, display_name, role, password_hash, active, token_version, last_login_at, ' +
  'created_at, updated_at FROM users WHERE id = $1 LIMIT 1';
const UUID = /^[0-9a-f-]{36}$/;

async function openDatabase() {
  if (env.BARE_DB === 'pg') {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: Number(env.BARE_POOL_SIZE ?? 10),
    });
    return {
      secret: env.AUTH_SECRET,
      query: async (text, values) => (await pool.query(text, values)).rows,
      close: () => pool.end(),
    };
  }
  if (env.BARE_DB === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(env.DATA_DIR);
    return {
      secret: readFileSync(join(env.DATA_DIR, 'auth-secret'), 'utf8').trim(),
      query: async (text, values) => (await db.query(text, values)).rows,
      close: () => db.close(),
    };
  }
  throw new Error(`BARE_DB must be pg or pglite, not ${env.BARE_DB}`);
}

const db = await openDatabase();
await db.query('SELECT 1');
// Given a string, jsonwebtoken first tries to parse it as a PEM public key (createPublicKey,
// which throws) on every verify, and that costs more than the HMAC itself.
const key =
  env.BARE_JWT_KEY === 'string' ? db.secret : createSecretKey(Buffer.from(db.secret, 'utf8'));

const app = Fastify({ logger: false });

app.get('/health', async () => HEALTH);

app.get('/api/v1/auth/me', async (request, reply) => {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  let claims;
  try {
    claims = jwt.verify(match?.[1] ?? '', key, { algorithms: ['HS256'], issuer: 'rakor' });
  } catch {
    return reply.code(401).send({ title: 'Unauthorized' });
  }
  const [user] = UUID.test(claims.sub) ? await db.query(SELECT_USER, [claims.sub]) : [];
  if (!user || !user.active || user.token_version !== claims.ver) {
    return reply.code(401).send({ title: 'Unauthorized' });
  }
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    active: user.active,
    lastLoginAt: user.last_login_at?.toISOString() ?? null,
    createdAt: user.created_at.toISOString(),
    updatedAt: user.updated_at.toISOString(),
  };
});

let closing = false;
const close = () => {
  if (closing) return;
  closing = true;
  app
    .close()
    .then(() => db.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
process.stdin.on('end', close).on('error', close).resume();

await app.listen({ host: '127.0.0.1', port: Number(env.PORT) });
