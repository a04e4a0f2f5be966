import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgendaPlansAndVersions1795778153034 implements MigrationInterface {
  name = 'CreateAgendaPlansAndVersions1795778153034';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "agenda_plans" ("event_id" uuid NOT NULL, "day_windows" jsonb NOT NULL, "break_rules" jsonb NOT NULL, "ordering" jsonb NOT NULL, "pinned_session_ids" jsonb NOT NULL, "availability" jsonb NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da75999171a1f7d7ff4704dbdfc" PRIMARY KEY ("event_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "agenda_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "number" integer NOT NULL, "published_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "published_by" uuid, "note" character varying(500), "event_snapshot" jsonb NOT NULL, "items" jsonb NOT NULL, "acknowledged_conflicts" jsonb NOT NULL, CONSTRAINT "CK_agenda_versions_number" CHECK (number > 0), CONSTRAINT "PK_2efa6bc44e470999a0e961a3084" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_agenda_versions_event_id_number" ON "agenda_versions"  ("event_id", "number") ',
    );
    await queryRunner.query(
      'ALTER TABLE "agenda_plans" ADD CONSTRAINT "FK_da75999171a1f7d7ff4704dbdfc" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "agenda_versions" ADD CONSTRAINT "FK_1326a2851a51d29a60af44333d9" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "agenda_versions" ADD CONSTRAINT "FK_c0295f0d31c230fa3db385155e1" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "agenda_versions" DROP CONSTRAINT "FK_c0295f0d31c230fa3db385155e1"',
    );
    await queryRunner.query(
      'ALTER TABLE "agenda_versions" DROP CONSTRAINT "FK_1326a2851a51d29a60af44333d9"',
    );
    await queryRunner.query(
      'ALTER TABLE "agenda_plans" DROP CONSTRAINT "FK_da75999171a1f7d7ff4704dbdfc"',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_agenda_versions_event_id_number"');
    await queryRunner.query('DROP TABLE "agenda_versions"');
    await queryRunner.query('DROP TABLE "agenda_plans"');
  }
}
