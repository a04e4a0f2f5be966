import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../problem/domain-error';

/** The answer first given to a request with this key. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

export class IdempotencyKeyReusedError extends DomainError<'IDEMPOTENCY_KEY_REUSED'> {
  constructor() {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      { status: 422, title: 'Idempotency key reused' },
      'This Idempotency-Key was already used for a different request; use a new key for a new request.',
      [{ field: 'Idempotency-Key', message: 'the key belongs to another request' }],
    );
  }
}

/** The fingerprint of a request: what it is for and what it says, as SHA-256 hex. */
export function requestFingerprint(scope: string, body: unknown): string {
  return createHash('sha256').update(scope).update('\n').update(JSON.stringify(body)).digest('hex');
}

/**
 * `Idempotency-Key` for POSTs that create something: the key is claimed inside the request's own
 * transaction, before anything else is written, and the answer is stored in the same transaction.
 * A retry of a committed request gets the stored answer; a retry racing the first waits on the
 * key's row until the first commits or rolls back; a failed request leaves no key behind, so it
 * can simply be tried again.
 */
@Injectable()
export class IdempotencyStore {
  /** Null when the key is new (now claimed); the stored answer when it is a retry. */
  async claim(
    manager: EntityManager,
    scope: string,
    key: string,
    fingerprint: string,
  ): Promise<StoredAnswer | null> {
    const inserted = await manager.query<{ key: string }[]>(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, fingerprint],
    );
    if (inserted.length === 1) return null;
    const rows = await manager.query<
      { request_hash: string; response_status: number | null; response_body: unknown }[]
    >(
      'SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    const row = rows[0];
    if (!row || row.request_hash !== fingerprint || row.response_status === null) {
      throw new IdempotencyKeyReusedError();
    }
    return { status: row.response_status, body: row.response_body };
  }

  async record(
    manager: EntityManager,
    scope: string,
    key: string,
    answer: StoredAnswer,
  ): Promise<void> {
    await manager.query(
      'UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2',
      [scope, key, answer.status, JSON.stringify(answer.body)],
    );
  }
}
