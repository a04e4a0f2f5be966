import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCatalog1795769911029 implements MigrationInterface {
  name = 'CreateCatalog1795769911029';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"organization_kind\" AS ENUM('ministry', 'coordinating_ministry', 'agency', 'non_structural', 'state_institution', 'tni', 'polri', 'province', 'regency', 'city', 'unit', 'external')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"reporting_group\" AS ENUM('K/L', 'Pemda', 'Lainnya')",
    );
    await queryRunner.query(
      'CREATE TYPE "public"."organization_source" AS ENUM(\'catalog\', \'organizer\')',
    );
    await queryRunner.query(
      'CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."organization_kind" NOT NULL, "reporting_group" "public"."reporting_group" NOT NULL, "name" character varying(300) NOT NULL, "acronym" character varying(60), "region_code" character varying(13), "time_zone" character varying(64), "parent_id" uuid, "valid_from" date, "valid_to" date, "source" "public"."organization_source" NOT NULL, "search_text" text NOT NULL, "sort_key" character varying(400) COLLATE "C" NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_organizations_not_own_parent" CHECK (parent_id IS NULL OR parent_id <> id), CONSTRAINT "CK_organizations_valid_dates" CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from), CONSTRAINT "CK_organizations_region_code" CHECK (region_code ~ \'^[0-9]{2}(\\.[0-9]{2}){0,3}$\'), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_organizations_current_region_code" ON "organizations"  ("region_code") WHERE valid_to IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_organizations_region_code" ON "organizations"  ("region_code") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_organizations_parent_id" ON "organizations"  ("parent_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_organizations_sort_key_id" ON "organizations"  ("sort_key", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "rooms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "name_key" character varying(100) NOT NULL, "capacity" integer, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_rooms_capacity" CHECK (capacity IS NULL OR capacity > 0), CONSTRAINT "PK_0368a2d7c215f2d0458a54933f2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_rooms_event_id_name_key" ON "rooms"  ("event_id", "name_key") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"event_status\" AS ENUM('draft', 'published', 'closed', 'completed', 'cancelled')",
    );
    await queryRunner.query(
      'CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(100) NOT NULL, "title" character varying(300) NOT NULL, "description" text, "organizer_id" uuid, "venue_name" character varying(200), "venue_address" character varying(500), "venue_city" character varying(100), "time_zone" character varying(64) NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "capacity" integer, "registration_opens_at" TIMESTAMP(3) WITH TIME ZONE, "registration_closes_at" TIMESTAMP(3) WITH TIME ZONE, "settings" jsonb NOT NULL, "status" "public"."event_status" NOT NULL DEFAULT \'draft\', "search_text" text NOT NULL, "sort_key" character varying(120) COLLATE "C" NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_events_registration_window" CHECK (registration_opens_at IS NULL OR registration_closes_at IS NULL OR registration_closes_at > registration_opens_at), CONSTRAINT "CK_events_capacity" CHECK (capacity IS NULL OR capacity > 0), CONSTRAINT "CK_events_dates" CHECK (end_date >= start_date), CONSTRAINT "CK_events_slug" CHECK (slug ~ \'^[a-z0-9]+(-[a-z0-9]+)*$\'), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IX_events_organizer_id" ON "events"  ("organizer_id") ');
    await queryRunner.query(
      'CREATE INDEX "IX_events_sort_key_id" ON "events"  ("sort_key", "id") ',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_events_slug" ON "events"  ("slug") ');
    await queryRunner.query(
      'CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "titles_before" character varying(100), "name" character varying(200) NOT NULL, "titles_after" character varying(100), "position" character varying(300), "organization_id" uuid, "nip" character varying(18), "email" character varying(254), "phone" character varying(16), "search_text" text NOT NULL, "sort_key" character varying(400) COLLATE "C" NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_people_email_lower_case" CHECK (email = lower(email)), CONSTRAINT "CK_people_phone_e164" CHECK (phone ~ \'^\\+[1-9][0-9]{6,14}$\'), CONSTRAINT "CK_people_nip_digits" CHECK (nip ~ \'^[0-9]{18}$\'), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_people_nip" ON "people"  ("nip") ');
    await queryRunner.query(
      'CREATE INDEX "IX_people_organization_id" ON "people"  ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_people_sort_key_id" ON "people"  ("sort_key", "id") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"session_type\" AS ENUM('opening', 'remarks', 'report', 'keynote', 'plenary', 'panel', 'workshop', 'discussion', 'break', 'meal_prayer', 'closing', 'other')",
    );
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "type" "public"."session_type" NOT NULL, "title" character varying(300) NOT NULL, "description" text, "day" date, "starts_at" TIMESTAMP(3) WITH TIME ZONE, "ends_at" TIMESTAMP(3) WITH TIME ZONE, "duration_minutes" integer NOT NULL, "room_id" uuid, "track" character varying(100), "capacity" integer, "position" integer NOT NULL, "sort_key" character varying(80) COLLATE "C" NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_sessions_capacity" CHECK (capacity IS NULL OR capacity > 0), CONSTRAINT "CK_sessions_duration" CHECK (duration_minutes BETWEEN 1 AND 1440), CONSTRAINT "CK_sessions_ends_after_start" CHECK (ends_at IS NULL OR ends_at > starts_at), CONSTRAINT "CK_sessions_scheduled_both_ends" CHECK ((starts_at IS NULL) = (ends_at IS NULL)), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IX_sessions_room_id" ON "sessions"  ("room_id") ');
    await queryRunner.query(
      'CREATE INDEX "IX_sessions_event_id_sort_key_id" ON "sessions"  ("event_id", "sort_key", "id") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"session_role\" AS ENUM('speaker', 'moderator', 'mc', 'note_taker', 'official', 'reporter', 'panelist')",
    );
    await queryRunner.query(
      'CREATE TABLE "session_role_holders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "role" "public"."session_role" NOT NULL, "person_id" uuid, "organization_id" uuid, "position" integer NOT NULL, CONSTRAINT "CK_session_role_holders_one_holder" CHECK (num_nonnulls(person_id, organization_id) = 1), CONSTRAINT "PK_90982d8717cba8e155d6b914b86" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_session_role_holders_organization_id" ON "session_role_holders"  ("organization_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_session_role_holders_person_id" ON "session_role_holders"  ("person_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_session_role_holders_organization" ON "session_role_holders"  ("session_id", "role", "organization_id") WHERE organization_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_session_role_holders_person" ON "session_role_holders"  ("session_id", "role", "person_id") WHERE person_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_session_role_holders_session_id_position" ON "session_role_holders"  ("session_id", "position") ',
    );
    await queryRunner.query(
      'ALTER TABLE "organizations" ADD CONSTRAINT "FK_f3a7c9411eaa5f9cbc5363de331" FOREIGN KEY ("parent_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "rooms" ADD CONSTRAINT "FK_1cdce9c95b3cd5e56b9e0f7f154" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "events" ADD CONSTRAINT "FK_14c9ce53a2c2a1c781b8390123e" FOREIGN KEY ("organizer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "people" ADD CONSTRAINT "FK_cf52f7332103f758b27bd99c5ef" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_98fcc611bf939573cac8251a2ac" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_385ceb9a1f74fe2c97543f5453f" FOREIGN KEY ("room_id") REFERENCES "rooms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_role_holders" ADD CONSTRAINT "FK_96f51628e3733f512e1436accf9" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_role_holders" ADD CONSTRAINT "FK_bd438c332c59aa5097dc4fd7d86" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_role_holders" ADD CONSTRAINT "FK_7043c88521ed80cad95696298a4" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "session_role_holders" DROP CONSTRAINT "FK_7043c88521ed80cad95696298a4"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_role_holders" DROP CONSTRAINT "FK_bd438c332c59aa5097dc4fd7d86"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_role_holders" DROP CONSTRAINT "FK_96f51628e3733f512e1436accf9"',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" DROP CONSTRAINT "FK_385ceb9a1f74fe2c97543f5453f"',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" DROP CONSTRAINT "FK_98fcc611bf939573cac8251a2ac"',
    );
    await queryRunner.query(
      'ALTER TABLE "people" DROP CONSTRAINT "FK_cf52f7332103f758b27bd99c5ef"',
    );
    await queryRunner.query(
      'ALTER TABLE "events" DROP CONSTRAINT "FK_14c9ce53a2c2a1c781b8390123e"',
    );
    await queryRunner.query('ALTER TABLE "rooms" DROP CONSTRAINT "FK_1cdce9c95b3cd5e56b9e0f7f154"');
    await queryRunner.query(
      'ALTER TABLE "organizations" DROP CONSTRAINT "FK_f3a7c9411eaa5f9cbc5363de331"',
    );
    await queryRunner.query('DROP INDEX "public"."IX_session_role_holders_session_id_position"');
    await queryRunner.query('DROP INDEX "public"."UQ_session_role_holders_person"');
    await queryRunner.query('DROP INDEX "public"."UQ_session_role_holders_organization"');
    await queryRunner.query('DROP INDEX "public"."IX_session_role_holders_person_id"');
    await queryRunner.query('DROP INDEX "public"."IX_session_role_holders_organization_id"');
    await queryRunner.query('DROP TABLE "session_role_holders"');
    await queryRunner.query('DROP TYPE "public"."session_role"');
    await queryRunner.query('DROP INDEX "public"."IX_sessions_event_id_sort_key_id"');
    await queryRunner.query('DROP INDEX "public"."IX_sessions_room_id"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP TYPE "public"."session_type"');
    await queryRunner.query('DROP INDEX "public"."IX_people_sort_key_id"');
    await queryRunner.query('DROP INDEX "public"."IX_people_organization_id"');
    await queryRunner.query('DROP INDEX "public"."UQ_people_nip"');
    await queryRunner.query('DROP TABLE "people"');
    await queryRunner.query('DROP INDEX "public"."UQ_events_slug"');
    await queryRunner.query('DROP INDEX "public"."IX_events_sort_key_id"');
    await queryRunner.query('DROP INDEX "public"."IX_events_organizer_id"');
    await queryRunner.query('DROP TABLE "events"');
    await queryRunner.query('DROP TYPE "public"."event_status"');
    await queryRunner.query('DROP INDEX "public"."UQ_rooms_event_id_name_key"');
    await queryRunner.query('DROP TABLE "rooms"');
    await queryRunner.query('DROP INDEX "public"."IX_organizations_sort_key_id"');
    await queryRunner.query('DROP INDEX "public"."IX_organizations_parent_id"');
    await queryRunner.query('DROP INDEX "public"."IX_organizations_region_code"');
    await queryRunner.query('DROP INDEX "public"."UQ_organizations_current_region_code"');
    await queryRunner.query('DROP TABLE "organizations"');
    await queryRunner.query('DROP TYPE "public"."organization_source"');
    await queryRunner.query('DROP TYPE "public"."reporting_group"');
    await queryRunner.query('DROP TYPE "public"."organization_kind"');
  }
}
