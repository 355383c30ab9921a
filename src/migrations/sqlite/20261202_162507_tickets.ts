import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`tickets_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`status\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`by\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`tickets\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`tickets_history_order_idx\` ON \`tickets_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`tickets_history_parent_id_idx\` ON \`tickets_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`tickets\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`code\` text,
  	\`subject\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`department_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`priority\` text DEFAULT 'normal' NOT NULL,
  	\`assignee_id\` integer,
  	\`requester_id\` integer NOT NULL,
  	\`rating\` numeric,
  	\`rating_comment\` text,
  	\`answered_at\` text,
  	\`closed_at\` text,
  	\`last_message_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`requester_id\`) REFERENCES \`readers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`tickets_code_idx\` ON \`tickets\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`tickets_type_idx\` ON \`tickets\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`tickets_department_idx\` ON \`tickets\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`tickets_status_idx\` ON \`tickets\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`tickets_priority_idx\` ON \`tickets\` (\`priority\`);`)
  await db.run(sql`CREATE INDEX \`tickets_assignee_idx\` ON \`tickets\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`tickets_requester_idx\` ON \`tickets\` (\`requester_id\`);`)
  await db.run(sql`CREATE INDEX \`tickets_updated_at_idx\` ON \`tickets\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`tickets_created_at_idx\` ON \`tickets\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_updatedAt_idx\` ON \`tickets\` (\`status\`,\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`requester_createdAt_idx\` ON \`tickets\` (\`requester_id\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_answeredAt_idx\` ON \`tickets\` (\`status\`,\`answered_at\`);`)
  await db.run(sql`CREATE TABLE \`ticket_messages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`ticket_id\` integer NOT NULL,
  	\`body\` text NOT NULL,
  	\`internal\` integer DEFAULT false,
  	\`from_staff\` integer DEFAULT false,
  	\`author_name\` text,
  	\`author_reader_id\` integer,
  	\`author_staff_id\` integer,
  	\`requester_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`ticket_id\`) REFERENCES \`tickets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_reader_id\`) REFERENCES \`readers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_staff_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`requester_id\`) REFERENCES \`readers\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`ticket_messages_ticket_idx\` ON \`ticket_messages\` (\`ticket_id\`);`)
  await db.run(sql`CREATE INDEX \`ticket_messages_internal_idx\` ON \`ticket_messages\` (\`internal\`);`)
  await db.run(sql`CREATE INDEX \`ticket_messages_author_reader_idx\` ON \`ticket_messages\` (\`author_reader_id\`);`)
  await db.run(sql`CREATE INDEX \`ticket_messages_author_staff_idx\` ON \`ticket_messages\` (\`author_staff_id\`);`)
  await db.run(sql`CREATE INDEX \`ticket_messages_requester_idx\` ON \`ticket_messages\` (\`requester_id\`);`)
  await db.run(sql`CREATE INDEX \`ticket_messages_updated_at_idx\` ON \`ticket_messages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`ticket_messages_created_at_idx\` ON \`ticket_messages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`ticket_createdAt_idx\` ON \`ticket_messages\` (\`ticket_id\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`requester_internal_idx\` ON \`ticket_messages\` (\`requester_id\`,\`internal\`);`)
  await db.run(sql`CREATE TABLE \`ticket_messages_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`ticket_attachments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`ticket_messages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`ticket_attachments_id\`) REFERENCES \`ticket_attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`ticket_messages_rels_order_idx\` ON \`ticket_messages_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`ticket_messages_rels_parent_idx\` ON \`ticket_messages_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`ticket_messages_rels_path_idx\` ON \`ticket_messages_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`ticket_messages_rels_ticket_attachments_id_idx\` ON \`ticket_messages_rels\` (\`ticket_attachments_id\`);`)
  await db.run(sql`CREATE TABLE \`ticket_attachments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`original_name\` text,
  	\`uploaded_by_id\` integer,
  	\`uploaded_by_staff_id\` integer,
  	\`ticket_id\` integer,
  	\`message_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`readers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`uploaded_by_staff_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`ticket_id\`) REFERENCES \`tickets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`message_id\`) REFERENCES \`ticket_messages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`ticket_attachments_uploaded_by_idx\` ON \`ticket_attachments\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`ticket_attachments_uploaded_by_staff_idx\` ON \`ticket_attachments\` (\`uploaded_by_staff_id\`);`)
  await db.run(sql`CREATE INDEX \`ticket_attachments_ticket_idx\` ON \`ticket_attachments\` (\`ticket_id\`);`)
  await db.run(sql`CREATE INDEX \`ticket_attachments_message_idx\` ON \`ticket_attachments\` (\`message_id\`);`)
  await db.run(sql`CREATE INDEX \`ticket_attachments_updated_at_idx\` ON \`ticket_attachments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`ticket_attachments_created_at_idx\` ON \`ticket_attachments\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`ticket_attachments_filename_idx\` ON \`ticket_attachments\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`departments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`email\` text,
  	\`active\` integer DEFAULT true,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`departments_updated_at_idx\` ON \`departments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`departments_created_at_idx\` ON \`departments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`canned_responses\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`canned_responses_updated_at_idx\` ON \`canned_responses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`canned_responses_created_at_idx\` ON \`canned_responses\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`ticket_counters\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`value\` numeric DEFAULT 0 NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`ticket_counters_year_idx\` ON \`ticket_counters\` (\`year\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`readers\` ADD \`signup_address_hash\` text;`)
  await db.run(sql`ALTER TABLE \`readers\` ADD \`_verified\` integer;`)
  // Readers who registered before verification existed keep signing in: their accounts count as verified.
  await db.run(sql`UPDATE \`readers\` SET \`_verified\` = 1;`)
  await db.run(sql`ALTER TABLE \`readers\` ADD \`_verificationtoken\` text;`)
  await db.run(sql`CREATE INDEX \`readers_signup_address_hash_idx\` ON \`readers\` (\`signup_address_hash\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`tickets_id\` integer REFERENCES tickets(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`ticket_messages_id\` integer REFERENCES ticket_messages(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`ticket_attachments_id\` integer REFERENCES ticket_attachments(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`departments_id\` integer REFERENCES departments(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`canned_responses_id\` integer REFERENCES canned_responses(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`ticket_counters_id\` integer REFERENCES ticket_counters(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tickets_id_idx\` ON \`payload_locked_documents_rels\` (\`tickets_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ticket_messages_id_idx\` ON \`payload_locked_documents_rels\` (\`ticket_messages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ticket_attachments_id_idx\` ON \`payload_locked_documents_rels\` (\`ticket_attachments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_departments_id_idx\` ON \`payload_locked_documents_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_canned_responses_id_idx\` ON \`payload_locked_documents_rels\` (\`canned_responses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ticket_counters_id_idx\` ON \`payload_locked_documents_rels\` (\`ticket_counters_id\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`tickets_reopen_days\` numeric DEFAULT 7;`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`tickets_auto_close_days\` numeric DEFAULT 7;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`tickets_history\`;`)
  await db.run(sql`DROP TABLE \`tickets\`;`)
  await db.run(sql`DROP TABLE \`ticket_messages\`;`)
  await db.run(sql`DROP TABLE \`ticket_messages_rels\`;`)
  await db.run(sql`DROP TABLE \`ticket_attachments\`;`)
  await db.run(sql`DROP TABLE \`departments\`;`)
  await db.run(sql`DROP TABLE \`canned_responses\`;`)
  await db.run(sql`DROP TABLE \`ticket_counters\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`categories_id\` integer,
  	\`tags_id\` integer,
  	\`media_id\` integer,
  	\`pages_id\` integer,
  	\`comments_id\` integer,
  	\`users_id\` integer,
  	\`readers_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`readers_id\`) REFERENCES \`readers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "categories_id", "tags_id", "media_id", "pages_id", "comments_id", "users_id", "readers_id") SELECT "id", "order", "parent_id", "path", "articles_id", "categories_id", "tags_id", "media_id", "pages_id", "comments_id", "users_id", "readers_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tags_id_idx\` ON \`payload_locked_documents_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_readers_id_idx\` ON \`payload_locked_documents_rels\` (\`readers_id\`);`)
  await db.run(sql`DROP INDEX \`readers_signup_address_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`readers\` DROP COLUMN \`signup_address_hash\`;`)
  await db.run(sql`ALTER TABLE \`readers\` DROP COLUMN \`_verified\`;`)
  await db.run(sql`ALTER TABLE \`readers\` DROP COLUMN \`_verificationtoken\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`tickets_reopen_days\`;`)
  await db.run(sql`ALTER TABLE \`site_settings\` DROP COLUMN \`tickets_auto_close_days\`;`)
}
