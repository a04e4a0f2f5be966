import { createHash } from 'node:crypto';
import type { AttendanceAction, AttendanceStatus, CheckInMethod } from './attendance';

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
  action: AttendanceAction;
  method: CheckInMethod;
  status: AttendanceStatus;
  representativeName: string | null;
  /** An instant in any form `Date` reads; hashed as its `toISOString()`. */
  occurredAt: string | Date;
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
    record.action,
    record.method,
    record.status,
    record.representativeName,
    isoInstant(record.occurredAt),
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
 * Checks a chain one record at a time, in stored order, for chains too long to hold in memory.
 * `add` answers whether the record's hash matches; after the first that does not, the records
 * that follow are not judged, since they are chained to a hash that can no longer be trusted.
 */
export class ChainVerifier {
  private previous: string | null = null;
  private index = 0;
  private broken: { brokenAt: number; recordId: string } | null = null;

  add(record: ChainedCheckIn): boolean {
    if (this.broken) return false;
    if (chainHash(this.previous, record) !== record.hash) {
      this.broken = { brokenAt: this.index, recordId: record.id };
      return false;
    }
    this.previous = record.hash;
    this.index += 1;
    return true;
  }

  /** `head` is the last record's hash (null for no records), the value to publish. */
  result(): ChainVerification {
    return this.broken ? { ok: false, ...this.broken } : { ok: true, head: this.previous };
  }
}

/** Recomputes the chain over the records in their stored order (see `ChainVerifier`). */
export function verifyChain(records: Iterable<ChainedCheckIn>): ChainVerification {
  const verifier = new ChainVerifier();
  for (const record of records) {
    if (!verifier.add(record)) break;
  }
  return verifier.result();
}

function isoInstant(value: string | Date): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError(`occurredAt ${String(value)} is not an instant`);
  }
  return instant.toISOString();
}
