import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_comments_status" AS ENUM('pending', 'approved', 'rejected', 'spam');
  CREATE TABLE "comments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"body" varchar NOT NULL,
  	"status" "enum_comments_status" NOT NULL,
  	"article_id" integer NOT NULL,
  	"parent_id" integer,
  	"depth" numeric DEFAULT 0,
  	"author_name" varchar,
  	"is_staff_reply" boolean DEFAULT false,
  	"staff_author_id" integer,
  	"reader_id" integer,
  	"guest_name" varchar,
  	"guest_email" varchar,
  	"spam_reason" varchar,
  	"ip_hash" varchar,
  	"user_agent" varchar,
  	"fingerprint" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "comments_id" integer;
  ALTER TABLE "site_settings" ADD COLUMN "comments_allow_guests" boolean DEFAULT true;
  ALTER TABLE "site_settings" ADD COLUMN "comments_auto_approve_returning" boolean DEFAULT false;
  ALTER TABLE "site_settings" ADD COLUMN "comments_moderator_email" varchar;
  ALTER TABLE "site_settings" ADD COLUMN "comments_staff_name" varchar DEFAULT 'روابط عمومی';
  ALTER TABLE "site_settings" ADD COLUMN "comments_blocklist" varchar;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_staff_author_id_users_id_fk" FOREIGN KEY ("staff_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "comments" ADD CONSTRAINT "comments_reader_id_readers_id_fk" FOREIGN KEY ("reader_id") REFERENCES "public"."readers"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "comments_status_idx" ON "comments" USING btree ("status");
  CREATE INDEX "comments_article_idx" ON "comments" USING btree ("article_id");
  CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");
  CREATE INDEX "comments_staff_author_idx" ON "comments" USING btree ("staff_author_id");
  CREATE INDEX "comments_reader_idx" ON "comments" USING btree ("reader_id");
  CREATE INDEX "comments_ip_hash_idx" ON "comments" USING btree ("ip_hash");
  CREATE UNIQUE INDEX "comments_fingerprint_idx" ON "comments" USING btree ("fingerprint");
  CREATE INDEX "comments_updated_at_idx" ON "comments" USING btree ("updated_at");
  CREATE INDEX "comments_created_at_idx" ON "comments" USING btree ("created_at");
  CREATE INDEX "article_status_createdAt_idx" ON "comments" USING btree ("article_id","status","created_at");
  CREATE INDEX "ipHash_createdAt_idx" ON "comments" USING btree ("ip_hash","created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_comments_fk" FOREIGN KEY ("comments_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_comments_id_idx" ON "payload_locked_documents_rels" USING btree ("comments_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comments" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "comments" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_comments_fk";
  
  DROP INDEX "payload_locked_documents_rels_comments_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "comments_id";
  ALTER TABLE "site_settings" DROP COLUMN "comments_allow_guests";
  ALTER TABLE "site_settings" DROP COLUMN "comments_auto_approve_returning";
  ALTER TABLE "site_settings" DROP COLUMN "comments_moderator_email";
  ALTER TABLE "site_settings" DROP COLUMN "comments_staff_name";
  ALTER TABLE "site_settings" DROP COLUMN "comments_blocklist";
  DROP TYPE "public"."enum_comments_status";`)
}
