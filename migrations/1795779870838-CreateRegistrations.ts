import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegistrations1795779870838 implements MigrationInterface {
  name = 'CreateRegistrations1795779870838';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "idempotency_keys" ("scope" character varying(100) NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character(64) NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15de2f76fa9f27ad8f330983607" PRIMARY KEY ("scope", "key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "event_seats" ("event_id" uuid NOT NULL, "taken" integer NOT NULL DEFAULT \'0\', CONSTRAINT "CK_event_seats_taken" CHECK (taken >= 0), CONSTRAINT "PK_c0bf9355892dbc07962668a97a9" PRIMARY KEY ("event_id"))',
    );
    await queryRunner.query(
      'CREATE TYPE "public"."invitation_status" AS ENUM(\'active\', \'revoked\')',
    );
    await queryRunner.query(
      'CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "seat_quota" integer NOT NULL, "seats_taken" integer NOT NULL DEFAULT \'0\', "focal_name" character varying(200), "focal_email" character varying(254), "focal_phone" character varying(20), "token_hash" character(64) NOT NULL, "status" "public"."invitation_status" NOT NULL DEFAULT \'active\', "sort_key" character varying(400) COLLATE "C" NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_invitations_quota" CHECK (seat_quota > 0), CONSTRAINT "CK_invitations_seats" CHECK (seats_taken >= 0 AND seats_taken <= seat_quota), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_invitations_organization_id" ON "invitations"  ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_invitations_event_id_sort_key_id" ON "invitations"  ("event_id", "sort_key", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_invitations_token_hash" ON "invitations"  ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_invitations_event_id_organization_id" ON "invitations"  ("event_id", "organization_id") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"registration_status\" AS ENUM('pending', 'confirmed', 'waitlisted', 'rejected', 'cancelled')",
    );
    await queryRunner.query(
      'CREATE TABLE "registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "invitation_id" uuid, "organization_id" uuid, "code" character varying(16) NOT NULL, "code_hash" character(64) NOT NULL, "status" "public"."registration_status" NOT NULL, "queue_position" BIGSERIAL NOT NULL, "titles_before" character varying(100), "name" character varying(200) NOT NULL, "titles_after" character varying(100), "employment_type" character varying(10), "nip" character(18), "rank_grade" character varying(10), "position" character varying(300), "work_unit" character varying(300), "email" character varying(254) NOT NULL, "phone" character varying(20), "nik_encrypted" text, "consent_data_processing" boolean NOT NULL, "consent_photos" boolean NOT NULL DEFAULT false, "consented_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "status_reason" character varying(500), "search_text" text NOT NULL, "sort_key" character varying(400) COLLATE "C" NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_registrations_consent" CHECK (consent_data_processing), CONSTRAINT "PK_6013e724d7b22929da9cd7282d1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_registrations_organization_id" ON "registrations"  ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_registrations_invitation_id" ON "registrations"  ("invitation_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_registrations_waitlist" ON "registrations"  ("event_id", "queue_position") WHERE status = \'waitlisted\'',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_registrations_event_id_sort_key_id" ON "registrations"  ("event_id", "sort_key", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_registrations_live_nip" ON "registrations"  ("event_id", "nip") WHERE nip IS NOT NULL AND status IN (\'pending\', \'confirmed\', \'waitlisted\')',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_registrations_live_email" ON "registrations"  ("event_id", "email") WHERE status IN (\'pending\', \'confirmed\', \'waitlisted\')',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_registrations_code_hash" ON "registrations"  ("code_hash") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_registrations_code" ON "registrations"  ("code") ',
    );
    await queryRunner.query(
      'ALTER TABLE "event_seats" ADD CONSTRAINT "FK_c0bf9355892dbc07962668a97a9" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invitations" ADD CONSTRAINT "FK_d4dcb14581e4fafa601e15e3533" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invitations" ADD CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "registrations" ADD CONSTRAINT "FK_c082d66f7080c743a96c1e91807" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "registrations" ADD CONSTRAINT "FK_d2a57f50e01bf7d5c451d80a630" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "registrations" ADD CONSTRAINT "FK_b786ce23be2d914d496e8867881" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "registrations" DROP CONSTRAINT "FK_b786ce23be2d914d496e8867881"',
    );
    await queryRunner.query(
      'ALTER TABLE "registrations" DROP CONSTRAINT "FK_d2a57f50e01bf7d5c451d80a630"',
    );
    await queryRunner.query(
      'ALTER TABLE "registrations" DROP CONSTRAINT "FK_c082d66f7080c743a96c1e91807"',
    );
    await queryRunner.query(
      'ALTER TABLE "invitations" DROP CONSTRAINT "FK_42d1dbb4d85dc3643fdc6560af0"',
    );
    await queryRunner.query(
      'ALTER TABLE "invitations" DROP CONSTRAINT "FK_d4dcb14581e4fafa601e15e3533"',
    );
    await queryRunner.query(
      'ALTER TABLE "event_seats" DROP CONSTRAINT "FK_c0bf9355892dbc07962668a97a9"',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_registrations_code"');
    await queryRunner.query('DROP INDEX "public"."UQ_registrations_code_hash"');
    await queryRunner.query('DROP INDEX "public"."UQ_registrations_live_email"');
    await queryRunner.query('DROP INDEX "public"."UQ_registrations_live_nip"');
    await queryRunner.query('DROP INDEX "public"."IX_registrations_event_id_sort_key_id"');
    await queryRunner.query('DROP INDEX "public"."IX_registrations_waitlist"');
    await queryRunner.query('DROP INDEX "public"."IX_registrations_invitation_id"');
    await queryRunner.query('DROP INDEX "public"."IX_registrations_organization_id"');
    await queryRunner.query('DROP TABLE "registrations"');
    await queryRunner.query('DROP TYPE "public"."registration_status"');
    await queryRunner.query('DROP INDEX "public"."UQ_invitations_event_id_organization_id"');
    await queryRunner.query('DROP INDEX "public"."UQ_invitations_token_hash"');
    await queryRunner.query('DROP INDEX "public"."IX_invitations_event_id_sort_key_id"');
    await queryRunner.query('DROP INDEX "public"."IX_invitations_organization_id"');
    await queryRunner.query('DROP TABLE "invitations"');
    await queryRunner.query('DROP TYPE "public"."invitation_status"');
    await queryRunner.query('DROP TABLE "event_seats"');
    await queryRunner.query('DROP TABLE "idempotency_keys"');
  }
}
