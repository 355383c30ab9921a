import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tickets_history_status" AS ENUM('new', 'in_progress', 'answered', 'closed');
  CREATE TYPE "public"."enum_tickets_type" AS ENUM('criticism', 'suggestion', 'complaint');
  CREATE TYPE "public"."enum_tickets_status" AS ENUM('new', 'in_progress', 'answered', 'closed');
  CREATE TYPE "public"."enum_tickets_priority" AS ENUM('low', 'normal', 'high', 'urgent');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'closeIdleTickets' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'closeIdleTickets' BEFORE 'schedulePublish';
  CREATE TABLE "tickets_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"status" "enum_tickets_history_status" NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"by" varchar
  );
  
  CREATE TABLE "tickets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar,
  	"subject" varchar NOT NULL,
  	"type" "enum_tickets_type" NOT NULL,
  	"department_id" integer NOT NULL,
  	"status" "enum_tickets_status" DEFAULT 'new' NOT NULL,
  	"priority" "enum_tickets_priority" DEFAULT 'normal' NOT NULL,
  	"assignee_id" integer,
  	"requester_id" integer NOT NULL,
  	"rating" numeric,
  	"rating_comment" varchar,
  	"answered_at" timestamp(3) with time zone,
  	"closed_at" timestamp(3) with time zone,
  	"last_message_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ticket_messages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"ticket_id" integer NOT NULL,
  	"body" varchar NOT NULL,
  	"internal" boolean DEFAULT false,
  	"from_staff" boolean DEFAULT false,
  	"author_name" varchar,
  	"author_reader_id" integer,
  	"author_staff_id" integer,
  	"requester_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ticket_messages_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"ticket_attachments_id" integer
  );
  
  CREATE TABLE "ticket_attachments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"original_name" varchar,
  	"uploaded_by_id" integer,
  	"uploaded_by_staff_id" integer,
  	"ticket_id" integer,
  	"message_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric
  );
  
  CREATE TABLE "departments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"email" varchar,
  	"active" boolean DEFAULT true,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "canned_responses" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ticket_counters" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"year" numeric NOT NULL,
  	"value" numeric DEFAULT 0 NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "readers" ADD COLUMN "signup_address_hash" varchar;
  ALTER TABLE "readers" ADD COLUMN "_verified" boolean;
  ALTER TABLE "readers" ADD COLUMN "_verificationtoken" varchar;
  -- Readers who registered before verification existed keep signing in: their accounts count as verified.
  UPDATE "readers" SET "_verified" = true;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "tickets_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ticket_messages_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ticket_attachments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "departments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "canned_responses_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ticket_counters_id" integer;
  ALTER TABLE "site_settings" ADD COLUMN "tickets_reopen_days" numeric DEFAULT 7;
  ALTER TABLE "site_settings" ADD COLUMN "tickets_auto_close_days" numeric DEFAULT 7;
  ALTER TABLE "tickets_history" ADD CONSTRAINT "tickets_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tickets" ADD CONSTRAINT "tickets_requester_id_readers_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."readers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_author_reader_id_readers_id_fk" FOREIGN KEY ("author_reader_id") REFERENCES "public"."readers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_author_staff_id_users_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_requester_id_readers_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."readers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_messages_rels" ADD CONSTRAINT "ticket_messages_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."ticket_messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "ticket_messages_rels" ADD CONSTRAINT "ticket_messages_rels_ticket_attachments_fk" FOREIGN KEY ("ticket_attachments_id") REFERENCES "public"."ticket_attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_uploaded_by_id_readers_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."readers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_uploaded_by_staff_id_users_id_fk" FOREIGN KEY ("uploaded_by_staff_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_message_id_ticket_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."ticket_messages"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "tickets_history_order_idx" ON "tickets_history" USING btree ("_order");
  CREATE INDEX "tickets_history_parent_id_idx" ON "tickets_history" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "tickets_code_idx" ON "tickets" USING btree ("code");
  CREATE INDEX "tickets_type_idx" ON "tickets" USING btree ("type");
  CREATE INDEX "tickets_department_idx" ON "tickets" USING btree ("department_id");
  CREATE INDEX "tickets_status_idx" ON "tickets" USING btree ("status");
  CREATE INDEX "tickets_priority_idx" ON "tickets" USING btree ("priority");
  CREATE INDEX "tickets_assignee_idx" ON "tickets" USING btree ("assignee_id");
  CREATE INDEX "tickets_requester_idx" ON "tickets" USING btree ("requester_id");
  CREATE INDEX "tickets_updated_at_idx" ON "tickets" USING btree ("updated_at");
  CREATE INDEX "tickets_created_at_idx" ON "tickets" USING btree ("created_at");
  CREATE INDEX "status_updatedAt_idx" ON "tickets" USING btree ("status","updated_at");
  CREATE INDEX "requester_createdAt_idx" ON "tickets" USING btree ("requester_id","created_at");
  CREATE INDEX "status_answeredAt_idx" ON "tickets" USING btree ("status","answered_at");
  CREATE INDEX "ticket_messages_ticket_idx" ON "ticket_messages" USING btree ("ticket_id");
  CREATE INDEX "ticket_messages_internal_idx" ON "ticket_messages" USING btree ("internal");
  CREATE INDEX "ticket_messages_author_reader_idx" ON "ticket_messages" USING btree ("author_reader_id");
  CREATE INDEX "ticket_messages_author_staff_idx" ON "ticket_messages" USING btree ("author_staff_id");
  CREATE INDEX "ticket_messages_requester_idx" ON "ticket_messages" USING btree ("requester_id");
  CREATE INDEX "ticket_messages_updated_at_idx" ON "ticket_messages" USING btree ("updated_at");
  CREATE INDEX "ticket_messages_created_at_idx" ON "ticket_messages" USING btree ("created_at");
  CREATE INDEX "ticket_createdAt_idx" ON "ticket_messages" USING btree ("ticket_id","created_at");
  CREATE INDEX "requester_internal_idx" ON "ticket_messages" USING btree ("requester_id","internal");
  CREATE INDEX "ticket_messages_rels_order_idx" ON "ticket_messages_rels" USING btree ("order");
  CREATE INDEX "ticket_messages_rels_parent_idx" ON "ticket_messages_rels" USING btree ("parent_id");
  CREATE INDEX "ticket_messages_rels_path_idx" ON "ticket_messages_rels" USING btree ("path");
  CREATE INDEX "ticket_messages_rels_ticket_attachments_id_idx" ON "ticket_messages_rels" USING btree ("ticket_attachments_id");
  CREATE INDEX "ticket_attachments_uploaded_by_idx" ON "ticket_attachments" USING btree ("uploaded_by_id");
  CREATE INDEX "ticket_attachments_uploaded_by_staff_idx" ON "ticket_attachments" USING btree ("uploaded_by_staff_id");
  CREATE INDEX "ticket_attachments_ticket_idx" ON "ticket_attachments" USING btree ("ticket_id");
  CREATE INDEX "ticket_attachments_message_idx" ON "ticket_attachments" USING btree ("message_id");
  CREATE INDEX "ticket_attachments_updated_at_idx" ON "ticket_attachments" USING btree ("updated_at");
  CREATE INDEX "ticket_attachments_created_at_idx" ON "ticket_attachments" USING btree ("created_at");
  CREATE UNIQUE INDEX "ticket_attachments_filename_idx" ON "ticket_attachments" USING btree ("filename");
  CREATE INDEX "departments_updated_at_idx" ON "departments" USING btree ("updated_at");
  CREATE INDEX "departments_created_at_idx" ON "departments" USING btree ("created_at");
  CREATE INDEX "canned_responses_updated_at_idx" ON "canned_responses" USING btree ("updated_at");
  CREATE INDEX "canned_responses_created_at_idx" ON "canned_responses" USING btree ("created_at");
  CREATE UNIQUE INDEX "ticket_counters_year_idx" ON "ticket_counters" USING btree ("year");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tickets_fk" FOREIGN KEY ("tickets_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ticket_messages_fk" FOREIGN KEY ("ticket_messages_id") REFERENCES "public"."ticket_messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ticket_attachments_fk" FOREIGN KEY ("ticket_attachments_id") REFERENCES "public"."ticket_attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_canned_responses_fk" FOREIGN KEY ("canned_responses_id") REFERENCES "public"."canned_responses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ticket_counters_fk" FOREIGN KEY ("ticket_counters_id") REFERENCES "public"."ticket_counters"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "readers_signup_address_hash_idx" ON "readers" USING btree ("signup_address_hash");
  CREATE INDEX "payload_locked_documents_rels_tickets_id_idx" ON "payload_locked_documents_rels" USING btree ("tickets_id");
  CREATE INDEX "payload_locked_documents_rels_ticket_messages_id_idx" ON "payload_locked_documents_rels" USING btree ("ticket_messages_id");
  CREATE INDEX "payload_locked_documents_rels_ticket_attachments_id_idx" ON "payload_locked_documents_rels" USING btree ("ticket_attachments_id");
  CREATE INDEX "payload_locked_documents_rels_departments_id_idx" ON "payload_locked_documents_rels" USING btree ("departments_id");
  CREATE INDEX "payload_locked_documents_rels_canned_responses_id_idx" ON "payload_locked_documents_rels" USING btree ("canned_responses_id");
  CREATE INDEX "payload_locked_documents_rels_ticket_counters_id_idx" ON "payload_locked_documents_rels" USING btree ("ticket_counters_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tickets_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tickets" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ticket_messages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ticket_messages_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ticket_attachments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "departments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "canned_responses" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ticket_counters" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "tickets_history" CASCADE;
  DROP TABLE "tickets" CASCADE;
  DROP TABLE "ticket_messages" CASCADE;
  DROP TABLE "ticket_messages_rels" CASCADE;
  DROP TABLE "ticket_attachments" CASCADE;
  DROP TABLE "departments" CASCADE;
  DROP TABLE "canned_responses" CASCADE;
  DROP TABLE "ticket_counters" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_tickets_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ticket_messages_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ticket_attachments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_departments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_canned_responses_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ticket_counters_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "readers_signup_address_hash_idx";
  DROP INDEX "payload_locked_documents_rels_tickets_id_idx";
  DROP INDEX "payload_locked_documents_rels_ticket_messages_id_idx";
  DROP INDEX "payload_locked_documents_rels_ticket_attachments_id_idx";
  DROP INDEX "payload_locked_documents_rels_departments_id_idx";
  DROP INDEX "payload_locked_documents_rels_canned_responses_id_idx";
  DROP INDEX "payload_locked_documents_rels_ticket_counters_id_idx";
  ALTER TABLE "readers" DROP COLUMN "signup_address_hash";
  ALTER TABLE "readers" DROP COLUMN "_verified";
  ALTER TABLE "readers" DROP COLUMN "_verificationtoken";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "tickets_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ticket_messages_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ticket_attachments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "departments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "canned_responses_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ticket_counters_id";
  ALTER TABLE "site_settings" DROP COLUMN "tickets_reopen_days";
  ALTER TABLE "site_settings" DROP COLUMN "tickets_auto_close_days";
  DROP TYPE "public"."enum_tickets_history_status";
  DROP TYPE "public"."enum_tickets_type";
  DROP TYPE "public"."enum_tickets_status";
  DROP TYPE "public"."enum_tickets_priority";`)
}
