import type { Payload, Where } from 'payload'

import { indexTerms, queryAlternatives, type SearchQuery } from '../lib/persian/searchTerms'
import { richTextToPlain } from '../lib/richTextPlain'
import { drivers } from './drivers'
import { databaseKind } from './kind'

/**
 * Full-text search over published articles, on a real index per adapter:
 * - SQLite: an FTS5 table `articles_search` (rowid = article id) kept current by triggers on
 *   `articles` that copy `search_title` / `search_text` of published rows;
 * - PostgreSQL: a partial GIN index over the words of `search_text` (our own words, so no text
 *   search configuration or locale is involved);
 * - MongoDB: `like` filters on `searchText` (not index-backed; no MongoDB here to tune it on).
 * Both columns hold the output of indexTerms(): normalised words and joined neighbour pairs.
 */
export type SearchFilters = { categoryId?: number | string; from?: Date; to?: Date }
export type SearchPage = { ids: (number | string)[]; titleMatches: Set<string>; total: number }

/** The searchable text of an article: title, lead and body, normalised. */
export function articleSearchFields(doc: { title?: string | null; lead?: string | null; body?: unknown }) {
  return {
    searchTitle: indexTerms(doc.title ?? ''),
    searchText: indexTerms([doc.title ?? '', doc.lead ?? '', richTextToPlain(doc.body)].join('\n')),
  }
}

// Words reach the database only as quoted literals; they hold letters and digits only anyway.
const ftsWord = (word: string) => `"${word.replace(/"/g, '""')}"*`
const tsWord = (word: string) => `'${word.replace(/['\\]/g, '')}':*`

export function ftsExpression(query: SearchQuery): string {
  return queryAlternatives(query)
    .map((words) => `(${words.map(ftsWord).join(' AND ')})`)
    .join(' OR ')
}

export function tsqueryExpression(query: SearchQuery): string {
  return queryAlternatives(query)
    .map((words) => `(${words.map(tsWord).join(' & ')})`)
    .join(' | ')
}

const POSTGRES_WORDS = (column: string) => `array_to_tsvector(string_to_array(coalesce(${column}, ''), ' '))`

export async function searchPublishedArticles(payload: Payload, query: SearchQuery, filters: SearchFilters, page: number, limit: number): Promise<SearchPage> {
  if (query.words.length === 0) return { ids: [], titleMatches: new Set(), total: 0 }
  const offset = (page - 1) * limit
  const kind = databaseKind()

  if (kind === 'sqlite') {
    const match = ftsExpression(query)
    const args: (string | number)[] = [`{search_title}: (${match})`, match]
    let where = ''
    if (filters.categoryId !== undefined) (where += ' AND a.category_id = ?'), args.push(Number(filters.categoryId))
    if (filters.from) (where += ' AND a.published_at >= ?'), args.push(filters.from.toISOString())
    if (filters.to) (where += ' AND a.published_at < ?'), args.push(filters.to.toISOString())
    args.push(limit, offset)
    const { rows } = await drivers(payload).client!.execute({
      // The index drives (CROSS JOIN keeps that order; otherwise SQLite may re-run the MATCH once
      // per article), and the title matches are found once (MATERIALIZED).
      sql: `WITH title_hits (id) AS MATERIALIZED (SELECT rowid FROM articles_search WHERE articles_search MATCH ?)
            SELECT a.id AS id, t.id IS NOT NULL AS in_title, count(*) OVER () AS total
            FROM articles_search s CROSS JOIN articles a ON a.id = s.rowid LEFT JOIN title_hits t ON t.id = a.id
            WHERE articles_search MATCH ? AND a._status = 'published'${where}
            ORDER BY in_title DESC, a.published_at DESC LIMIT ? OFFSET ?`,
      args,
    })
    return pageFrom(rows)
  }

  if (kind === 'postgres') {
    const params: unknown[] = [tsqueryExpression(query)]
    let where = ''
    if (filters.categoryId !== undefined) params.push(Number(filters.categoryId)), (where += ` AND category_id = $${params.length}`)
    if (filters.from) params.push(filters.from.toISOString()), (where += ` AND published_at >= $${params.length}`)
    if (filters.to) params.push(filters.to.toISOString()), (where += ` AND published_at < $${params.length}`)
    params.push(limit, offset)
    const { rows } = await drivers(payload).pool!.query(
      `SELECT id, ${POSTGRES_WORDS('search_title')} @@ $1::tsquery AS in_title, count(*) OVER () AS total
       FROM articles
       WHERE _status = 'published' AND ${POSTGRES_WORDS('search_text')} @@ $1::tsquery${where}
       ORDER BY in_title DESC, published_at DESC NULLS LAST LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )
    return pageFrom(rows)
  }

  // MongoDB: every word (or a joined pair) must occur in the normalised text.
  const or: Where[] = queryAlternatives(query).map((words) => ({ and: words.map((word) => ({ searchText: { like: word } })) }))
  const and: Where[] = [{ _status: { equals: 'published' } }, { or }]
  if (filters.categoryId !== undefined) and.push({ category: { equals: filters.categoryId } })
  if (filters.from) and.push({ publishedAt: { greater_than_equal: filters.from.toISOString() } })
  if (filters.to) and.push({ publishedAt: { less_than: filters.to.toISOString() } })
  const result = await payload.find({ collection: 'articles', where: { and }, sort: '-publishedAt', page, limit, depth: 0, select: { title: true }, overrideAccess: true })
  return { ids: result.docs.map((d) => d.id), titleMatches: new Set(), total: result.totalDocs }
}

function pageFrom(rows: Record<string, unknown>[]): SearchPage {
  return {
    ids: rows.map((row) => row.id as number),
    titleMatches: new Set(rows.filter((row) => Boolean(Number(row.in_title)) || row.in_title === true).map((row) => String(row.id))),
    total: Number(rows[0]?.total ?? 0),
  }
}

const SQLITE_INDEX = [
  `CREATE VIRTUAL TABLE IF NOT EXISTS articles_search USING fts5(search_title, search_text, tokenize = 'unicode61', prefix = '2 3 4')`,
  `CREATE TRIGGER IF NOT EXISTS articles_search_insert AFTER INSERT ON articles WHEN new._status = 'published' BEGIN
     INSERT INTO articles_search (rowid, search_title, search_text) VALUES (new.id, new.search_title, new.search_text);
   END`,
  // Only saves that change what is searchable; the view counter's updates do not touch the index.
  `CREATE TRIGGER IF NOT EXISTS articles_search_update AFTER UPDATE OF search_title, search_text, _status ON articles BEGIN
     DELETE FROM articles_search WHERE rowid = old.id;
     INSERT INTO articles_search (rowid, search_title, search_text) SELECT new.id, new.search_title, new.search_text WHERE new._status = 'published';
   END`,
  `CREATE TRIGGER IF NOT EXISTS articles_search_delete AFTER DELETE ON articles BEGIN
     DELETE FROM articles_search WHERE rowid = old.id;
   END`,
]
const POSTGRES_INDEX = [
  `CREATE INDEX IF NOT EXISTS articles_search_text_idx ON articles USING gin (${POSTGRES_WORDS('search_text')}) WHERE _status = 'published'`,
]

/** The adapter's index objects, created if missing (SQL statements usable in a migration too). */
export const searchIndexStatements = (kind: 'sqlite' | 'postgres') => (kind === 'sqlite' ? SQLITE_INDEX : POSTGRES_INDEX)

/**
 * Makes sure the index exists and is complete: creates what is missing (a later SQLite migration
 * that rebuilds `articles` drops its triggers), fills the normalised text of articles that have
 * none, and on SQLite refills the FTS table when it does not hold every published article.
 * `force` recomputes every article's text (after a change to the normaliser).
 */
export async function ensureSearchIndex(payload: Payload, { force = false } = {}): Promise<{ recomputed: number }> {
  const kind = databaseKind()
  let recomputed = 0
  // In batches by id: a rebuild of 100,000 articles must not hold every body in memory at once.
  for (let lastId: number | string | null = null; ; ) {
    const batch: { docs: { id: number | string; title?: string | null; lead?: string | null; body?: unknown }[] } = await payload.find({
      collection: 'articles',
      where: { and: [...(lastId === null ? [] : [{ id: { greater_than: lastId } }]), ...(force ? [] : [{ searchText: { exists: false } }])] },
      select: { title: true, lead: true, body: true },
      sort: 'id',
      limit: 500,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    if (batch.docs.length === 0) break
    for (const doc of batch.docs) {
      // Straight to the row: no new version, no hooks, updatedAt unchanged.
      await payload.db.updateOne({ collection: 'articles', id: doc.id, data: articleSearchFields(doc) })
      recomputed++
    }
    lastId = batch.docs[batch.docs.length - 1]!.id
  }
  if (kind === 'sqlite') {
    const client = drivers(payload).client!
    for (const sql of SQLITE_INDEX) await client.execute(sql)
    const [indexed, published] = await Promise.all([
      client.execute('SELECT count(*) AS n FROM articles_search'),
      client.execute(`SELECT count(*) AS n FROM articles WHERE _status = 'published'`),
    ])
    if (force || Number(indexed.rows[0]!.n) !== Number(published.rows[0]!.n)) {
      await client.execute('DELETE FROM articles_search')
      await client.execute(`INSERT INTO articles_search (rowid, search_title, search_text) SELECT id, search_title, search_text FROM articles WHERE _status = 'published'`)
    }
  } else if (kind === 'postgres') {
    for (const sql of POSTGRES_INDEX) await drivers(payload).pool!.query(sql)
  }
  return { recomputed }
}
