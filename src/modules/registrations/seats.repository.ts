import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What taking a seat came to: taken, or which limit was reached. */
export type SeatOutcome = 'taken' | 'event' | 'delegation';

/** How long a seat change waits for another one holding the event's seats before giving up. */
const LOCK_TIMEOUT = '5s';

/**
 * The seat counters: the event's (`event_seats`) and each delegation's (`invitations.seats_taken`).
 * Every change is a conditional UPDATE that the database settles, never a count read and then
 * written. Lock order, always: the event's row, then the delegation's, then registrations; so
 * concurrent changes queue on the event's row and never deadlock.
 */
@Injectable()
export class SeatsRepository {
  /** Bounds every lock wait of the transaction; a wait past it fails with 55P03. */
  async boundLockWaits(manager: EntityManager): Promise<void> {
    await manager.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
  }

  /** Locks the event's counter (creating it at 0), before a change that may free seats. */
  async lockEventSeats(manager: EntityManager, eventId: string): Promise<void> {
    await manager.query(
      `INSERT INTO event_seats (event_id, taken) VALUES ($1, 0) ON CONFLICT (event_id) DO NOTHING`,
      [eventId],
    );
    await manager.query('SELECT taken FROM event_seats WHERE event_id = $1 FOR UPDATE', [eventId]);
  }

  async releaseEventSeats(manager: EntityManager, eventId: string, count = 1): Promise<void> {
    await manager.query('UPDATE event_seats SET taken = taken - $2 WHERE event_id = $1', [
      eventId,
      count,
    ]);
  }

  async releaseDelegationSeat(manager: EntityManager, invitationId: string): Promise<void> {
    await manager.query(
      'UPDATE invitations SET seats_taken = seats_taken - 1, updated_at = now() WHERE id = $1',
      [invitationId],
    );
  }

  /** Takes a seat of a session within its capacity (no capacity: always); true when taken. */
  async takeSessionSeat(manager: EntityManager, sessionId: string): Promise<boolean> {
    const rows = await manager.query<{ taken: number }[]>(
      `INSERT INTO session_seats AS s (session_id, taken) VALUES ($1, 1)
       ON CONFLICT (session_id) DO UPDATE SET taken = s.taken + 1
        WHERE s.taken < COALESCE((SELECT capacity FROM sessions WHERE id = $1), 2147483647)
       RETURNING s.taken`,
      [sessionId],
    );
    return rows.length === 1;
  }

  async releaseSessionSeats(manager: EntityManager, sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await manager.query(
      'UPDATE session_seats SET taken = taken - 1 WHERE session_id = ANY($1::uuid[])',
      [sessionIds],
    );
  }

  /**
   * Takes a seat of the event (within its capacity) and, for a delegate, of the delegation
   * (within its quota): both or neither, by the database function `take_registration_seat`, in
   * one round trip. What was full when neither: 'event' or 'delegation'.
   */
  async takeSeat(
    manager: EntityManager,
    eventId: string,
    invitationId: string | null,
  ): Promise<SeatOutcome> {
    const rows = await manager.query<{ outcome: SeatOutcome }[]>(
      'SELECT take_registration_seat($1, $2) AS outcome',
      [eventId, invitationId],
    );
    const outcome = rows[0]?.outcome;
    if (!outcome) throw new Error('take_registration_seat gave no answer');
    return outcome;
  }

  /** Gives back a registration's seat: the event's and its delegation's. */
  async releaseSeat(
    manager: EntityManager,
    eventId: string,
    invitationId: string | null,
  ): Promise<void> {
    await this.releaseEventSeats(manager, eventId);
    if (invitationId !== null) await this.releaseDelegationSeat(manager, invitationId);
  }
}
