import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "readers" ADD COLUMN "pending_email" varchar;
  ALTER TABLE "readers" ADD COLUMN "pending_email_token" varchar;
  ALTER TABLE "readers" ADD COLUMN "pending_email_expires" timestamp(3) with time zone;
  CREATE INDEX "readers_pending_email_token_idx" ON "readers" USING btree ("pending_email_token");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "readers_pending_email_token_idx";
  ALTER TABLE "readers" DROP COLUMN "pending_email";
  ALTER TABLE "readers" DROP COLUMN "pending_email_token";
  ALTER TABLE "readers" DROP COLUMN "pending_email_expires";`)
}
