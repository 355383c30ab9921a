import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Object storage (src/plugins/objectStorage.ts): upload collections keep their storage prefix
 * (`media`, `ticket-attachments`; existing rows get it as their default, matching the key layout
 * `<prefix>/<filename>`) and the plugin's `_objectKey`. Added with or without S3, so every
 * deployment has the same schema.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`prefix\` text DEFAULT 'media';`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`ticket_attachments\` ADD \`prefix\` text DEFAULT 'ticket-attachments';`)
  await db.run(sql`ALTER TABLE \`ticket_attachments\` ADD \`_objectkey\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`ticket_attachments\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`ticket_attachments\` DROP COLUMN \`_objectkey\`;`)
}
