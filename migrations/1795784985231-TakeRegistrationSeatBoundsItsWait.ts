import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * take_registration_seat bounds its own lock wait (lock_timeout 5 s for the rest of the
 * transaction), so a registration can run as one statement without an explicit transaction and
 * hold the event's seat row only while that statement runs.
 */
export class TakeRegistrationSeatBoundsItsWait1795784985231 implements MigrationInterface {
  name = 'TakeRegistrationSeatBoundsItsWait1795784985231';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(takeSeat(`PERFORM set_config('lock_timeout', '5s', true);`));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(takeSeat(''));
  }
}

function takeSeat(firstStep: string): string {
  return `
    CREATE OR REPLACE FUNCTION take_registration_seat(p_event uuid, p_invitation uuid) RETURNS text
    LANGUAGE plpgsql AS $$
    BEGIN
      ${firstStep}
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
    $$`;
}
