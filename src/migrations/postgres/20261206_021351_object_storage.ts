import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Object storage (src/plugins/objectStorage.ts): upload collections keep their storage prefix
 * (`media`, `ticket-attachments`; existing rows get it as their default, matching the key layout
 * `<prefix>/<filename>`) and the plugin's `_objectKey`. Added with or without S3, so every
 * deployment has the same schema.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" ADD COLUMN "prefix" varchar DEFAULT 'media';
  ALTER TABLE "media" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "ticket_attachments" ADD COLUMN "prefix" varchar DEFAULT 'ticket-attachments';
  ALTER TABLE "ticket_attachments" ADD COLUMN "_objectkey" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "media" DROP COLUMN "prefix";
  ALTER TABLE "media" DROP COLUMN "_objectkey";
  ALTER TABLE "ticket_attachments" DROP COLUMN "prefix";
  ALTER TABLE "ticket_attachments" DROP COLUMN "_objectkey";`)
}
