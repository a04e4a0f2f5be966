import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1795768195849 implements MigrationInterface {
  name = 'CreateUsers1795768195849';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"user_role\" AS ENUM('admin', 'organizer', 'staff')",
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "display_name" character varying(200) NOT NULL, "role" "public"."user_role" NOT NULL, "password_hash" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "token_version" integer NOT NULL DEFAULT \'0\', "last_login_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CK_users_token_version" CHECK (token_version >= 0), CONSTRAINT "CK_users_email_lower_case" CHECK (email = lower(email)), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IX_users_created_at_id" ON "users"  ("created_at", "id") ',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "UQ_users_email" ON "users"  ("email") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."UQ_users_email"');
    await queryRunner.query('DROP INDEX "public"."IX_users_created_at_id"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TYPE "public"."user_role"');
  }
}
