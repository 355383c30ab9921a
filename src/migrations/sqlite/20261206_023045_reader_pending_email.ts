import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`readers\` ADD \`pending_email\` text;`)
  await db.run(sql`ALTER TABLE \`readers\` ADD \`pending_email_token\` text;`)
  await db.run(sql`ALTER TABLE \`readers\` ADD \`pending_email_expires\` text;`)
  await db.run(sql`CREATE INDEX \`readers_pending_email_token_idx\` ON \`readers\` (\`pending_email_token\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`readers_pending_email_token_idx\`;`)
  await db.run(sql`ALTER TABLE \`readers\` DROP COLUMN \`pending_email\`;`)
  await db.run(sql`ALTER TABLE \`readers\` DROP COLUMN \`pending_email_token\`;`)
  await db.run(sql`ALTER TABLE \`readers\` DROP COLUMN \`pending_email_expires\`;`)
}
