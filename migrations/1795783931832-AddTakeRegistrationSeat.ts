import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One registration's seats in one call: the event's (within its capacity), then the delegation's
 * (within its quota), both or neither, in the lock order every seat change keeps (ADR 0009).
 * Returns 'taken', or what was full: 'event' or 'delegation'. One round trip instead of three
 * while the event's seat row is locked.
 */
export class AddTakeRegistrationSeat1795783931832 implements MigrationInterface {
  name = 'AddTakeRegistrationSeat1795783931832';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION take_registration_seat(p_event uuid, p_invitation uuid) RETURNS text
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO event_seats AS s (event_id, taken) VALUES (p_event, 1)
        ON CONFLICT (event_id) DO UPDATE SET taken = s.taken + 1
         WHERE s.taken < COALESCE((SELECT capacity FROM events WHERE id = p_event), 2147483647);
        IF NOT FOUND THEN
          RETURN 'event';
        END IF;
        IF p_invitation IS NOT NULL THEN
          UPDATE invitations SET seats_taken = seats_taken + 1, updated_at = now()
           WHERE id = p_invitation AND status = 'active' AND seats_taken < seat_quota;
          IF NOT FOUND THEN
            UPDATE event_seats SET taken = taken - 1 WHERE event_id = p_event;
            RETURN 'delegation';
          END IF;
        END IF;
        RETURN 'taken';
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION take_registration_seat(uuid, uuid)');
  }
}
