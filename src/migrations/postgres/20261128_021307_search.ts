import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "search_title" varchar;
  ALTER TABLE "articles" ADD COLUMN "search_text" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_search_title" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_search_text" varchar;`)
  // Written by hand: the full-text index of published articles (see src/db/search.ts), over our
  // own normalised words, so no text search configuration or locale is involved.
  await db.execute(sql`
   CREATE INDEX IF NOT EXISTS "articles_search_text_idx" ON "articles"
     USING gin (array_to_tsvector(string_to_array(coalesce(search_text, ''), ' '))) WHERE _status = 'published';
   CREATE INDEX IF NOT EXISTS "articles_search_title_idx" ON "articles"
     USING gin (array_to_tsvector(string_to_array(coalesce(search_title, ''), ' '))) WHERE _status = 'published';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX IF EXISTS "articles_search_text_idx";
   DROP INDEX IF EXISTS "articles_search_title_idx";
   ALTER TABLE "articles" DROP COLUMN "search_title";
  ALTER TABLE "articles" DROP COLUMN "search_text";
  ALTER TABLE "_articles_v" DROP COLUMN "version_search_title";
  ALTER TABLE "_articles_v" DROP COLUMN "version_search_text";`)
}
