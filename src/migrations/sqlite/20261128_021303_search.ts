import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`search_title\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`search_text\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_search_title\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_search_text\` text;`)
  // Written by hand: the full-text index of published articles (see src/db/search.ts). The
  // server fills search_text of existing articles and this index at boot (ensureSearchIndex).
  // FTS rowid = publication minute × 10^7 + article id, so the index lists newest first.
  await db.run(sql.raw(`CREATE VIRTUAL TABLE IF NOT EXISTS articles_search USING fts5(search_title, search_text, tokenize = 'unicode61')`))
  await db.run(sql.raw(`CREATE TRIGGER IF NOT EXISTS articles_search_insert AFTER INSERT ON articles WHEN new._status = 'published' BEGIN
     INSERT INTO articles_search (rowid, search_title, search_text) VALUES ((CAST(strftime('%s', coalesce(new.published_at, new.created_at)) AS INTEGER) / 60) * 10000000 + new.id, new.search_title, new.search_text || coalesce(' sarkhatcat' || new.category_id, ''));
   END`))
  await db.run(sql.raw(`CREATE TRIGGER IF NOT EXISTS articles_search_update AFTER UPDATE OF search_title, search_text, _status, published_at, category_id ON articles BEGIN
     DELETE FROM articles_search WHERE rowid = (CAST(strftime('%s', coalesce(old.published_at, old.created_at)) AS INTEGER) / 60) * 10000000 + old.id;
     INSERT INTO articles_search (rowid, search_title, search_text) SELECT (CAST(strftime('%s', coalesce(new.published_at, new.created_at)) AS INTEGER) / 60) * 10000000 + new.id, new.search_title, new.search_text || coalesce(' sarkhatcat' || new.category_id, '') WHERE new._status = 'published';
   END`))
  await db.run(sql.raw(`CREATE TRIGGER IF NOT EXISTS articles_search_delete AFTER DELETE ON articles BEGIN
     DELETE FROM articles_search WHERE rowid = (CAST(strftime('%s', coalesce(old.published_at, old.created_at)) AS INTEGER) / 60) * 10000000 + old.id;
   END`))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TRIGGER IF EXISTS articles_search_insert;`)
  await db.run(sql`DROP TRIGGER IF EXISTS articles_search_update;`)
  await db.run(sql`DROP TRIGGER IF EXISTS articles_search_delete;`)
  await db.run(sql`DROP TABLE IF EXISTS articles_search;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`search_title\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`search_text\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_search_title\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_search_text\`;`)
}
