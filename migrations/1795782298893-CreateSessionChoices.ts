import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSessionChoices1795782298893 implements MigrationInterface {
  name = 'CreateSessionChoices1795782298893';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "registration_sessions" ("registration_id" uuid NOT NULL, "session_id" uuid NOT NULL, CONSTRAINT "PK_0880c0452385fe97c2046e2a67e" PRIMARY KEY ("registration_id", "session_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_registration_sessions_session_id" ON "registration_sessions"  ("session_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "session_seats" ("session_id" uuid NOT NULL, "taken" integer NOT NULL DEFAULT \'0\', CONSTRAINT "CK_session_seats_taken" CHECK (taken >= 0), CONSTRAINT "PK_0d1db917c920f49166827db24a6" PRIMARY KEY ("session_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "registration_sessions" ADD CONSTRAINT "FK_ec56b51957a85894d7ba0333741" FOREIGN KEY ("registration_id") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "registration_sessions" ADD CONSTRAINT "FK_59f3d0a252cd1b23888cfed2079" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_seats" ADD CONSTRAINT "FK_0d1db917c920f49166827db24a6" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "session_seats" DROP CONSTRAINT "FK_0d1db917c920f49166827db24a6"',
    );
    await queryRunner.query(
      'ALTER TABLE "registration_sessions" DROP CONSTRAINT "FK_59f3d0a252cd1b23888cfed2079"',
    );
    await queryRunner.query(
      'ALTER TABLE "registration_sessions" DROP CONSTRAINT "FK_ec56b51957a85894d7ba0333741"',
    );
    await queryRunner.query('DROP TABLE "session_seats"');
    await queryRunner.query('DROP INDEX "public"."IX_registration_sessions_session_id"');
    await queryRunner.query('DROP TABLE "registration_sessions"');
  }
}
