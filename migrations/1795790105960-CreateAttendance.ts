import type { MigrationInterface, QueryRunner } from 'typeorm';
import { composeDisplayName } from '../src/modules/people/domain/display-name';
import { maskPhone } from '../src/modules/people/domain/phone';

/**
 * Attendance: the chained ledger of check-ins (`check_ins`), each event's chain head, the day
 * statuses the ledger leaves, and `record_attendance`, which writes an entry. Registrations gain
 * the name with titles and the masked phone that lists and exports print, written by the
 * application like the search text.
 */
export class CreateAttendance1795790105960 implements MigrationInterface {
  name = 'CreateAttendance1795790105960';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"attendance_action\" AS ENUM('check_in', 'check_out', 'status')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"check_in_method\" AS ENUM('qr', 'code', 'manual')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"attendance_status\" AS ENUM('hadir', 'izin', 'diwakili', 'tidak_hadir')",
    );
    await queryRunner.query(
      'CREATE TABLE "check_ins" ("id" uuid NOT NULL, "event_id" uuid NOT NULL, "position" bigint NOT NULL, "registration_id" uuid NOT NULL, "day" date NOT NULL, "session_id" uuid, "action" "public"."attendance_action" NOT NULL, "method" "public"."check_in_method" NOT NULL, "status" "public"."attendance_status" NOT NULL, "representative_name" character varying(200), "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "staff_user_id" uuid NOT NULL, "client_scan_id" character varying(100), "hash" character(64) NOT NULL, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_check_ins_position" CHECK (position >= 1), CONSTRAINT "PK_fac7f27bc829a454ad477c13f62" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_check_ins_staff_user_id" ON "check_ins"  ("staff_user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_check_ins_session_id" ON "check_ins"  ("session_id") WHERE session_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_check_ins_check_out" ON "check_ins"  ("registration_id", "day") WHERE action = \'check_out\'',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_check_ins_session" ON "check_ins"  ("registration_id", "day", "session_id") WHERE action = \'check_in\' AND session_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_check_ins_day" ON "check_ins"  ("registration_id", "day") WHERE action = \'check_in\' AND session_id IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_check_ins_event_client_scan" ON "check_ins"  ("event_id", "client_scan_id") WHERE client_scan_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_check_ins_event_position" ON "check_ins"  ("event_id", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "attendance_chains" ("event_id" uuid NOT NULL, "length" bigint NOT NULL, "head" character(64) NOT NULL, CONSTRAINT "CK_attendance_chains_length" CHECK (length >= 0), CONSTRAINT "PK_c6ef9d0fa18b38f5686b989b0a8" PRIMARY KEY ("event_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "attendance_days" ("registration_id" uuid NOT NULL, "day" date NOT NULL, "event_id" uuid NOT NULL, "status" "public"."attendance_status" NOT NULL, "representative_name" character varying(200), "checked_in_at" TIMESTAMP(3) WITH TIME ZONE, "checked_out_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_ace90225639f7e67871e9cde746" PRIMARY KEY ("registration_id", "day"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_attendance_days_event_day" ON "attendance_days"  ("event_id", "day") ',
    );
    await queryRunner.query(
      'ALTER TABLE "registrations" ADD "display_name" character varying(420)',
    );
    await queryRunner.query('ALTER TABLE "registrations" ADD "phone_masked" character varying(20)');
    await fillDisplayNamesAndMaskedPhones(queryRunner);
    await queryRunner.query('ALTER TABLE "registrations" ALTER COLUMN "display_name" SET NOT NULL');
    await queryRunner.query(
      'ALTER TABLE "check_ins" ADD CONSTRAINT "FK_aa021e08eca9624b17bc501000a" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "check_ins" ADD CONSTRAINT "FK_ec62eb9e9e2b46305f66e50272c" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "check_ins" ADD CONSTRAINT "FK_38c1ee9b519e639d56965b26b07" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "check_ins" ADD CONSTRAINT "FK_b5b132b2d7d00ab2bfbe232b770" FOREIGN KEY ("staff_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "attendance_chains" ADD CONSTRAINT "FK_c6ef9d0fa18b38f5686b989b0a8" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "attendance_days" ADD CONSTRAINT "FK_ae8fe488f3cd5f4fb276743bacb" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "attendance_days" ADD CONSTRAINT "FK_872ebc3747939c9c66fc5409ce2" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(RECORD_ATTENDANCE);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION record_attendance');
    await queryRunner.query(
      'ALTER TABLE "attendance_days" DROP CONSTRAINT "FK_872ebc3747939c9c66fc5409ce2"',
    );
    await queryRunner.query(
      'ALTER TABLE "attendance_days" DROP CONSTRAINT "FK_ae8fe488f3cd5f4fb276743bacb"',
    );
    await queryRunner.query(
      'ALTER TABLE "attendance_chains" DROP CONSTRAINT "FK_c6ef9d0fa18b38f5686b989b0a8"',
    );
    await queryRunner.query(
      'ALTER TABLE "check_ins" DROP CONSTRAINT "FK_b5b132b2d7d00ab2bfbe232b770"',
    );
    await queryRunner.query(
      'ALTER TABLE "check_ins" DROP CONSTRAINT "FK_38c1ee9b519e639d56965b26b07"',
    );
    await queryRunner.query(
      'ALTER TABLE "check_ins" DROP CONSTRAINT "FK_ec62eb9e9e2b46305f66e50272c"',
    );
    await queryRunner.query(
      'ALTER TABLE "check_ins" DROP CONSTRAINT "FK_aa021e08eca9624b17bc501000a"',
    );
    await queryRunner.query('ALTER TABLE "registrations" DROP COLUMN "phone_masked"');
    await queryRunner.query('ALTER TABLE "registrations" DROP COLUMN "display_name"');
    await queryRunner.query('DROP INDEX "public"."IX_attendance_days_event_day"');
    await queryRunner.query('DROP TABLE "attendance_days"');
    await queryRunner.query('DROP TABLE "attendance_chains"');
    await queryRunner.query('DROP INDEX "public"."UQ_check_ins_event_position"');
    await queryRunner.query('DROP INDEX "public"."UQ_check_ins_event_client_scan"');
    await queryRunner.query('DROP INDEX "public"."UQ_check_ins_day"');
    await queryRunner.query('DROP INDEX "public"."UQ_check_ins_session"');
    await queryRunner.query('DROP INDEX "public"."UQ_check_ins_check_out"');
    await queryRunner.query('DROP INDEX "public"."IX_check_ins_session_id"');
    await queryRunner.query('DROP INDEX "public"."IX_check_ins_staff_user_id"');
    await queryRunner.query('DROP TABLE "check_ins"');
    await queryRunner.query('DROP TYPE "public"."attendance_status"');
    await queryRunner.query('DROP TYPE "public"."check_in_method"');
    await queryRunner.query('DROP TYPE "public"."attendance_action"');
  }
}

/** The display name and masked phone of the registrations made before the columns existed. */
async function fillDisplayNamesAndMaskedPhones(queryRunner: QueryRunner): Promise<void> {
  const rows = (await queryRunner.query(
    'SELECT id, titles_before, name, titles_after, phone FROM registrations',
  )) as {
    id: string;
    titles_before: string | null;
    name: string;
    titles_after: string | null;
    phone: string | null;
  }[];
  for (const row of rows) {
    await queryRunner.query(
      'UPDATE registrations SET display_name = $2, phone_masked = $3 WHERE id = $1',
      [
        row.id,
        composeDisplayName({
          titlesBefore: row.titles_before,
          name: row.name,
          titlesAfter: row.titles_after,
        }),
        row.phone === null ? null : maskPhone(row.phone),
      ],
    );
  }
}

/**
 * Writes one attendance entry, or says why not, one event at a time: the event's chain head is
 * locked first (lock_timeout 5 s), so concurrent scans of one code find each other's check-in and
 * every entry is chained to the one before. Returns the outcome, the registration's status and
 * the entry (new, or the earlier one a repeat finds):
 * - `replayed`: an entry with this client scan id exists already (an offline batch sent again);
 * - `not_found`: no such registration in the event; `not_confirmed`: it is not confirmed;
 * - `already`: checked in (to the day, or the session) or out already that day;
 * - `not_checked_in`: a check-out with no check-in that day;
 * - `unchanged`: a status that is the day's status already;
 * - `recorded`: the new entry, its hash computed exactly as `chainHash` in
 *   `src/modules/attendance/domain/hash-chain.ts` computes it, and the day's status updated.
 * A check-in leaves the day `hadir`, or `diwakili` when an organizer said someone comes instead.
 */
const RECORD_ATTENDANCE = `
  CREATE FUNCTION record_attendance(
    p_event uuid, p_registration uuid, p_day date, p_session uuid, p_action attendance_action,
    p_method check_in_method, p_status attendance_status, p_representative varchar,
    p_occurred_at timestamptz, p_staff uuid, p_client_scan_id varchar)
  RETURNS TABLE (outcome text, registration_status registration_status, entry check_ins)
  LANGUAGE plpgsql AS $$
  DECLARE
    v_length bigint;
    v_head char(64);
    v_registration registration_status;
    v_day attendance_days%ROWTYPE;
    v_entry check_ins%ROWTYPE;
  BEGIN
    PERFORM set_config('lock_timeout', '5s', true);
    SELECT c.length, c.head INTO v_length, v_head
      FROM attendance_chains c WHERE c.event_id = p_event FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO attendance_chains (event_id, length, head) VALUES (p_event, 0, repeat('0', 64))
      ON CONFLICT (event_id) DO NOTHING;
      SELECT c.length, c.head INTO v_length, v_head
        FROM attendance_chains c WHERE c.event_id = p_event FOR UPDATE;
    END IF;

    IF p_client_scan_id IS NOT NULL THEN
      SELECT * INTO v_entry FROM check_ins c
       WHERE c.event_id = p_event AND c.client_scan_id = p_client_scan_id;
      IF FOUND THEN
        RETURN QUERY SELECT 'replayed'::text, NULL::registration_status, v_entry;
        RETURN;
      END IF;
    END IF;

    SELECT r.status INTO v_registration FROM registrations r
     WHERE r.id = p_registration AND r.event_id = p_event FOR SHARE;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'not_found'::text, NULL::registration_status, NULL::check_ins;
      RETURN;
    END IF;
    IF v_registration <> 'confirmed' THEN
      RETURN QUERY SELECT 'not_confirmed'::text, v_registration, NULL::check_ins;
      RETURN;
    END IF;

    SELECT * INTO v_day FROM attendance_days d
     WHERE d.registration_id = p_registration AND d.day = p_day;
    IF p_action = 'check_in' THEN
      IF p_session IS NULL THEN
        SELECT * INTO v_entry FROM check_ins c
         WHERE c.registration_id = p_registration AND c.day = p_day
           AND c.action = 'check_in' AND c.session_id IS NULL;
      ELSE
        SELECT * INTO v_entry FROM check_ins c
         WHERE c.registration_id = p_registration AND c.day = p_day
           AND c.action = 'check_in' AND c.session_id = p_session;
      END IF;
      IF FOUND THEN
        RETURN QUERY SELECT 'already'::text, v_registration, v_entry;
        RETURN;
      END IF;
      IF v_day.status = 'diwakili' THEN
        v_entry.status := 'diwakili';
        v_entry.representative_name := v_day.representative_name;
      ELSE
        v_entry.status := 'hadir';
      END IF;
    ELSIF p_action = 'check_out' THEN
      SELECT * INTO v_entry FROM check_ins c
       WHERE c.registration_id = p_registration AND c.day = p_day AND c.action = 'check_out';
      IF FOUND THEN
        RETURN QUERY SELECT 'already'::text, v_registration, v_entry;
        RETURN;
      END IF;
      IF v_day.checked_in_at IS NULL THEN
        RETURN QUERY SELECT 'not_checked_in'::text, v_registration, NULL::check_ins;
        RETURN;
      END IF;
      v_entry.status := v_day.status;
      v_entry.representative_name := v_day.representative_name;
    ELSE
      IF v_day.status = p_status
         AND v_day.representative_name IS NOT DISTINCT FROM p_representative THEN
        RETURN QUERY SELECT 'unchanged'::text, v_registration, NULL::check_ins;
        RETURN;
      END IF;
      v_entry.status := p_status;
      v_entry.representative_name := p_representative;
    END IF;

    v_entry.id := gen_random_uuid();
    v_entry.event_id := p_event;
    v_entry.position := v_length + 1;
    v_entry.registration_id := p_registration;
    v_entry.day := p_day;
    v_entry.session_id := p_session;
    v_entry.action := p_action;
    v_entry.method := p_method;
    v_entry.occurred_at := p_occurred_at::timestamptz(3);
    v_entry.staff_user_id := p_staff;
    v_entry.client_scan_id := p_client_scan_id;
    v_entry.recorded_at := now();
    v_entry.hash := encode(sha256(convert_to(
      v_head || E'\\n[' || concat_ws(',',
        to_json('rakor.check-in.v1'::text)::text,
        to_json(v_entry.id::text)::text,
        to_json(p_event::text)::text,
        to_json(p_registration::text)::text,
        to_json(to_char(p_day, 'YYYY-MM-DD'))::text,
        COALESCE(to_json(p_session::text)::text, 'null'),
        to_json(p_action::text)::text,
        to_json(p_method::text)::text,
        to_json(v_entry.status::text)::text,
        COALESCE(to_json(v_entry.representative_name::text)::text, 'null'),
        to_json(to_char(v_entry.occurred_at AT TIME ZONE 'UTC',
                        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text,
        to_json(p_staff::text)::text,
        COALESCE(to_json(p_client_scan_id::text)::text, 'null')) || ']',
      'UTF8')), 'hex');
    INSERT INTO check_ins SELECT v_entry.*;
    UPDATE attendance_chains SET length = v_entry.position, head = v_entry.hash
     WHERE event_id = p_event;

    INSERT INTO attendance_days AS d
      (registration_id, day, event_id, status, representative_name, checked_in_at, checked_out_at)
    VALUES (p_registration, p_day, p_event, v_entry.status, v_entry.representative_name,
      CASE WHEN p_action = 'check_in' THEN v_entry.occurred_at END,
      CASE WHEN p_action = 'check_out' THEN v_entry.occurred_at END)
    ON CONFLICT (registration_id, day) DO UPDATE SET
      status = EXCLUDED.status,
      representative_name = EXCLUDED.representative_name,
      checked_in_at = LEAST(d.checked_in_at, EXCLUDED.checked_in_at),
      checked_out_at = COALESCE(EXCLUDED.checked_out_at, d.checked_out_at);

    RETURN QUERY SELECT 'recorded'::text, v_registration, v_entry;
  END
  $$`;
