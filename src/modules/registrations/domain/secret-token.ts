import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits: an invitation link cannot be guessed, however many tries an attacker makes. */
const TOKEN_BYTES = 32;

/**
 * A new invitation token: 256 random bits as base64url (43 characters), so it travels in a URL
 * without escaping. Only its {@link hashSecret} is stored; the token itself is shown once.
 */
export function generateSecretToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * The SHA-256 of a secret as 64 lower-case hex digits: what the database keeps instead of the
 * token, so that a leaked table does not hand out invitation links. A plain hash suffices (no salt
 * or slow hash) because the token is 256 random bits, not a password someone chose.
 */
export function hashSecret(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Whether two secrets (or two stored hashes) are equal, in time that does not depend on where
 * they first differ, so that response times do not leak a secret symbol by symbol. Both are hashed
 * first because `timingSafeEqual` wants inputs of equal length, and comparing lengths would leak.
 */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
