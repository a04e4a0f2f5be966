import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadSnapshot } from '../../database/read-snapshot';
import { eventNotFound } from '../events/events.errors';
import { type ChainHead, chainHeadOf, ENTRY_COLUMNS, toStoredEntry } from './attendance.repository';
import { ChainVerifier, GENESIS_HASH } from './domain/hash-chain';
import type { ChainVerificationDto } from './dto/check-in.dto';

/**
 * Checks an event's attendance chain: every entry's hash recomputed from the one before, in
 * position order, and the stored head compared with the last entry, so that an edited, inserted,
 * deleted or truncated entry shows. Reads one snapshot through a cursor, whatever the length.
 */
@Injectable()
export class AttendanceChainService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(eventId: string, head?: string): Promise<ChainVerificationDto> {
    const snapshot = await ReadSnapshot.open(this.dataSource);
    try {
      const events = await snapshot.query<{ length: string | null; head: string | null }>(
        `SELECT c.length, c.head FROM events e
           LEFT JOIN attendance_chains c ON c.event_id = e.id WHERE e.id = $1`,
        [eventId],
      );
      const event = events[0];
      if (!event) throw eventNotFound(eventId);
      const stored: ChainHead = chainHeadOf(event.length, event.head);

      const verifier = new ChainVerifier();
      let checked = 0;
      let brokenAtPosition: number | null = null;
      let headPosition: number | null = null;
      let problem: string | null = null;
      for await (const row of snapshot.rows<Parameters<typeof toStoredEntry>[0]>(
        `SELECT ${ENTRY_COLUMNS} FROM check_ins WHERE event_id = $1 ORDER BY position`,
        [eventId],
      )) {
        const entry = toStoredEntry(row);
        if (!entry) continue;
        if (brokenAtPosition === null) {
          if (entry.position !== checked + 1) {
            brokenAtPosition = checked + 1;
            problem = `Entry ${checked + 1} is missing: the next stored entry is ${entry.position}.`;
          } else if (!verifier.add(entry)) {
            brokenAtPosition = entry.position;
            problem = `Entry ${entry.position} does not match its hash: it, or the one before it, was changed.`;
          } else {
            checked += 1;
          }
        }
        if (head !== undefined && entry.hash === head) headPosition = entry.position;
      }
      const result = verifier.result();
      const recomputed = result.ok ? (result.head ?? GENESIS_HASH) : null;
      if (problem === null && (stored.length !== checked || stored.head !== recomputed)) {
        problem = `The chain's stored head (entry ${stored.length}) is not its last entry (${checked}): entries were removed or added around it.`;
        brokenAtPosition = Math.min(stored.length, checked) + 1;
      }
      const valid = problem === null;
      return {
        valid,
        length: checked,
        head: valid ? recomputed : null,
        brokenAtPosition,
        brokenEntryId: result.ok ? null : result.recordId,
        problem,
        headFound:
          head === undefined
            ? null
            : headPosition !== null &&
              (brokenAtPosition === null || headPosition < brokenAtPosition),
        headPosition: head === undefined ? null : headPosition,
      };
    } finally {
      await snapshot.close();
    }
  }
}
