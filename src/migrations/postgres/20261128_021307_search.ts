import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "search_title" varchar;
  ALTER TABLE "articles" ADD COLUMN "search_text" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_search_title" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_search_text" varchar;`)
  // Written by hand: the full-text index of published articles (see src/db/search.ts): our own
  // normalised words as stored tsvectors (no text search configuration or locale involved), each
  // with a partial GIN index.
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN IF NOT EXISTS "search_words" tsvector
     GENERATED ALWAYS AS (array_to_tsvector(string_to_array(coalesce(search_text, ''), ' '))) STORED;
   ALTER TABLE "articles" ADD COLUMN IF NOT EXISTS "search_title_words" tsvector
     GENERATED ALWAYS AS (array_to_tsvector(string_to_array(coalesce(search_title, ''), ' '))) STORED;
   CREATE INDEX IF NOT EXISTS "articles_search_words_idx" ON "articles" USING gin ("search_words") WHERE _status = 'published';
   CREATE INDEX IF NOT EXISTS "articles_search_title_words_idx" ON "articles" USING gin ("search_title_words") WHERE _status = 'published';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX IF EXISTS "articles_search_words_idx";
   DROP INDEX IF EXISTS "articles_search_title_words_idx";
   ALTER TABLE "articles" DROP COLUMN IF EXISTS "search_words";
   ALTER TABLE "articles" DROP COLUMN IF EXISTS "search_title_words";
   ALTER TABLE "articles" DROP COLUMN "search_title";
  ALTER TABLE "articles" DROP COLUMN "search_text";
  ALTER TABLE "_articles_v" DROP COLUMN "version_search_title";
  ALTER TABLE "_articles_v" DROP COLUMN "version_search_text";`)
}
