import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/config';

const SECRET_FILE = 'auth-secret';

/**
 * The key that signs access tokens: AUTH_SECRET when set; on the embedded database, one kept in
 * the data directory so that tokens survive a restart (an in-memory database gets a fresh one).
 */
export function resolveAuthSecret(config: Pick<AppConfig, 'authSecret' | 'database'>): string {
  if (config.authSecret !== undefined) return config.authSecret;
  if (config.database.kind === 'server') {
    throw new Error('AUTH_SECRET is required with DATABASE_URL');
  }
  if (config.database.dataDir.startsWith('memory://')) return randomBytes(32).toString('base64url');
  const path = join(config.database.dataDir, SECRET_FILE);
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
