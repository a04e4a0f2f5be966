import { createHash } from 'node:crypto';
import type { AttendanceStatus, CheckInMethod } from './attendance';

/**
 * Tamper evidence for check-ins: each record's hash covers the hash before it, so that editing,
 * inserting or deleting a stored record breaks every hash from that record on. It shows that the
 * attendance behind certificates and hotel invoices was not altered afterwards; it does not stop
 * someone who can rewrite the whole chain, which is what publishing or countersigning the head is
 * for.
 */

/** One check-in as it is chained. */
export interface CheckInRecord {
  id: string;
  eventId: string;
  registrationId: string;
  /** Local date, `YYYY-MM-DD`. */
  day: string;
  sessionId: string | null;
  method: CheckInMethod;
  status: AttendanceStatus;
  /** An instant in any form `Date` reads; hashed as its `toISOString()`. */
  checkedInAt: string;
  staffUserId: string;
  clientScanId: string | null;
}

/** A stored check-in with the hash that links it to the one before. */
export interface ChainedCheckIn extends CheckInRecord {
  hash: string;
}

/**
 * The version of the serialization, hashed with every record: a new field or a new encoding gets
 * a new version, and records hashed under the old one can still be told apart and verified.
 */
export const CHECK_IN_SERIALIZATION_VERSION = 'rakor.check-in.v1';

/** What the first record is chained to: 64 zeros, a SHA-256 hex that no record hashes to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The record as one string: a JSON array of the version and the fields in a fixed order. An array
 * rather than an object, so that the key order of whoever built the record does not matter; JSON,
 * so that no value can imitate a separator. The instant is normalized to `toISOString()`, so that
 * "…T01:12:00Z" from the database and "…T01:12:00.000Z" from a device hash alike.
 */
export function canonicalCheckIn(record: CheckInRecord): string {
  return JSON.stringify([
    CHECK_IN_SERIALIZATION_VERSION,
    record.id,
    record.eventId,
    record.registrationId,
    record.day,
    record.sessionId,
    record.method,
    record.status,
    isoInstant(record.checkedInAt),
    record.staffUserId,
    record.clientScanId,
  ]);
}

/** SHA-256 hex over the previous hash (the genesis hash for the first record), a newline and the canonical record. */
export function chainHash(previousHash: string | null, record: CheckInRecord): string {
  return createHash('sha256')
    .update(`${previousHash ?? GENESIS_HASH}\n${canonicalCheckIn(record)}`, 'utf8')
    .digest('hex');
}

/** The outcome of a verification: the last hash, or the first record whose hash does not match. */
export type ChainVerification =
  { ok: true; head: string | null } | { ok: false; brokenAt: number; recordId: string };

/**
 * Recomputes the chain over the records in their stored order. `head` is the last record's hash
 * (null for no records), the value to chain the next record to and to publish. A record whose
 * hash differs from the recomputed one is where the chain breaks; the records after it are not
 * judged, since they are chained to a hash that can no longer be trusted.
 */
export function verifyChain(records: Iterable<ChainedCheckIn>): ChainVerification {
  let previous: string | null = null;
  let index = 0;
  for (const record of records) {
    if (chainHash(previous, record) !== record.hash) {
      return { ok: false, brokenAt: index, recordId: record.id };
    }
    previous = record.hash;
    index += 1;
  }
  return { ok: true, head: previous };
}

function isoInstant(value: string): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError(`checkedInAt ${value} is not an instant`);
  }
  return instant.toISOString();
}
