import pg from 'pg'
import type { Payload, Where } from 'payload'

import {
  indexTerms,
  JOINED_MARK,
  MIN_PREFIX_LENGTH,
  queryAlternatives,
  type SearchQuery,
} from '../lib/persian/searchTerms'
import { richTextToPlain } from '../lib/richTextPlain'
import { drivers } from './drivers'
import { env } from '../lib/env'
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
export type SearchPage = { ids: (number | string)[]; titleMatches: Set<string>; total: number; capped: boolean }

/** The searchable text of an article: title, lead and body, normalised. */
export function articleSearchFields(doc: { title?: string | null; lead?: string | null; body?: unknown }) {
  return {
    searchTitle: indexTerms(doc.title ?? ''),
    searchText: indexTerms([doc.title ?? '', doc.lead ?? '', richTextToPlain(doc.body)].join('\n')),
  }
}

// Words reach the database only as quoted literals; they hold letters and digits only anyway.
// A word matches as a prefix (Persian suffixes: دهیاری → دهیاری‌ها) unless it is very short; a
// joined pair matches the indexed pair or the same letters written as one word.
const ftsTerm = (word: string) => `"${word.replace(/"/g, '""')}"${word.length >= MIN_PREFIX_LENGTH ? '*' : ''}`
const tsTerm = (word: string) => `'${word.replace(/['\\]/g, '')}'${word.length >= MIN_PREFIX_LENGTH ? ':*' : ''}`
// A single word also matches an indexed pair written exactly so («توسعهیافته» finds «توسعه یافته»):
// exactly, since a prefix over all pairs starting with a common word would be slow.
const ftsWord = (word: string) =>
  word.startsWith(JOINED_MARK)
    ? `(${ftsTerm(word)} OR ${ftsTerm(word.slice(1))})`
    : word.length >= MIN_PREFIX_LENGTH
      ? `(${ftsTerm(word)} OR "${JOINED_MARK}${word}")`
      : ftsTerm(word)
const tsWord = (word: string) =>
  word.startsWith(JOINED_MARK)
    ? `(${tsTerm(word)} | ${tsTerm(word.slice(1))})`
    : word.length >= MIN_PREFIX_LENGTH
      ? `(${tsTerm(word)} | '${JOINED_MARK}${word}')`
      : tsTerm(word)

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

/** Beyond this many matches we say «more than …»: counting 95,000 matches costs more than it tells. */
export const SEARCH_COUNT_CAP = 1000

/** One adapter's way to count and list the title matches and the other (body-only) matches, newest first. */
type Source = {
  count(part: 'title' | 'all', cap: number): Promise<number>
  /**
   * Up to `limit` matches after `offset`, newest first. `matches` (the capped total, or a promise
   * of it) lets a source pick its strategy without waiting for the count when it need not.
   */
  list(part: 'title' | 'body', limit: number, offset: number, matches: Promise<number>): Promise<(number | string)[]>
}

async function titleFirstPage(source: Source, page: number, limit: number): Promise<SearchPage> {
  const offset = (page - 1) * limit
  const capped = (total: number) => ({ total: Math.min(total, SEARCH_COUNT_CAP), capped: total > SEARCH_COUNT_CAP })
  if (offset === 0) {
    // The first page (nearly every search) needs no title count to know where titles end.
    const counting = source.count('all', SEARCH_COUNT_CAP + 1)
    const [total, titles, bodies] = await Promise.all([
      counting,
      source.list('title', limit, 0, counting),
      source.list('body', limit, 0, counting),
    ])
    const fromBodies = bodies.slice(0, limit - titles.length)
    return { ids: [...titles, ...fromBodies], titleMatches: new Set(titles.map(String)), ...capped(total) }
  }
  const [titleCount, total] = await Promise.all([
    source.count('title', SEARCH_COUNT_CAP + 1),
    source.count('all', SEARCH_COUNT_CAP + 1),
  ])
  if (offset >= Math.min(total, SEARCH_COUNT_CAP)) return { ids: [], titleMatches: new Set(), ...capped(total) }
  const known = Promise.resolve(total)
  const fromTitles = offset < titleCount ? await source.list('title', limit, offset, known) : []
  const rest = limit - fromTitles.length
  const fromBodies = rest > 0 ? await source.list('body', rest, Math.max(0, offset - titleCount), known) : []
  return { ids: [...fromTitles, ...fromBodies], titleMatches: new Set(fromTitles.map(String)), ...capped(total) }
}

// SQLite: the FTS rowid is an ordering key, publication minute × 10^7 + article id (see the
// triggers below), so `ORDER BY rowid DESC` is newest first straight from the index, a date range is
// a rowid range, and the category is a token in the indexed text.
const KEY_FACTOR = 10_000_000
const minuteKey = (date: Date) => Math.floor(date.getTime() / 60_000) * KEY_FACTOR
const categoryToken = (id: number | string) => `"sarkhatcat${Number(id)}"`

function sqliteSource(payload: Payload, query: SearchQuery, filters: SearchFilters): Source {
  const client = drivers(payload).client!
  const match = ftsExpression(query)
  const inCategory = filters.categoryId === undefined ? '' : ` AND {search_text}: ${categoryToken(filters.categoryId)}`
  const expressions = {
    title: `({search_title}: (${match}))${inCategory}`,
    all: `(${match})${inCategory}`,
    body: `((${match}) NOT ({search_title}: (${match})))${inCategory}`,
  }
  const low = filters.from ? minuteKey(filters.from) : -Number.MAX_SAFE_INTEGER
  const high = filters.to ? minuteKey(filters.to) : Number.MAX_SAFE_INTEGER
  const where = 'articles_search MATCH ? AND rowid >= ? AND rowid < ?'
  return {
    async count(part, cap) {
      const { rows } = await client.execute({
        sql: `SELECT count(*) AS n FROM (SELECT 1 FROM articles_search WHERE ${where} LIMIT ?)`,
        args: [expressions[part], low, high, cap],
      })
      return Number(rows[0]!.n)
    },
    async list(part, limit, offset) {
      const { rows } = await client.execute({
        sql: `SELECT rowid AS k FROM articles_search WHERE ${where} ORDER BY rowid DESC LIMIT ? OFFSET ?`,
        args: [expressions[part], low, high, limit, offset],
      })
      return rows.map((row) => ((Number(row.k) % KEY_FACTOR) + KEY_FACTOR) % KEY_FACTOR)
    },
  }
}

/**
 * PostgreSQL: search statements run on a small pool of their own whose sessions allow only bitmap
 * scans. With a LIMIT the planner likes to walk the table (or the date index) testing every row
 * until it has enough, which for a word in 2% of the articles means thousands of rows; the GIN
 * bitmap finds them in milliseconds. Set per connection at startup, so each statement is one
 * round trip (no BEGIN / SET LOCAL / COMMIT around it).
 */
let bitmapPool: pg.Pool | undefined
function withBitmapScans(payload: Payload, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  if (!bitmapPool) {
    bitmapPool = new pg.Pool({
      connectionString: env().databaseURI,
      max: env().searchPoolMax,
      options: '-c enable_seqscan=off -c enable_indexscan=off',
      idleTimeoutMillis: 30_000,
      allowExitOnIdle: true,
    })
    // An idle connection dropped by a database restart must not take the process down.
    bitmapPool.on('error', (error) => payload.logger.warn(`اتصال جستجو قطع شد: ${error.message}`))
  }
  return bitmapPool.query(sql, params).then((result) => result.rows)
}

export async function closeSearchPool(): Promise<void> {
  const pool = bitmapPool
  bitmapPool = undefined
  await pool?.end()
}

// Newest matches first without sorting every match: look in the last month, then wider windows,
// until the window holds enough (a common word needs only the first; a rare one has few anyway).
const WINDOWS_DAYS = [7, 31, 180, 730, null]
const FEW_MATCHES = SEARCH_COUNT_CAP

function postgresSource(payload: Payload, query: SearchQuery, filters: SearchFilters): Source {
  const params: unknown[] = [tsqueryExpression(query)]
  let where = `_status = 'published'`
  const condition = (sql: string, value: unknown) => {
    params.push(value)
    where += ` AND ${sql} $${params.length}`
  }
  if (filters.categoryId !== undefined) condition('category_id =', Number(filters.categoryId))
  if (filters.from) condition('published_at >=', filters.from.toISOString())
  if (filters.to) condition('published_at <', filters.to.toISOString())
  // search_words / search_title_words: stored tsvector columns generated from search_text / search_title.
  const inTitle = `search_title_words @@ $1::tsquery`
  const inText = `search_words @@ $1::tsquery`
  const conditions = { title: inTitle, all: inText, body: `${inText} AND NOT (${inTitle})` }
  const next = params.length
  return {
    async count(part, cap) {
      const rows = await withBitmapScans(
        payload,
        `SELECT count(*) AS n FROM (SELECT 1 FROM articles WHERE ${where} AND ${conditions[part]} LIMIT $${next + 1}) hits`,
        [...params, cap],
      )
      return Number(rows[0]!.n)
    },
    async list(part, limit, offset, matches) {
      const newest = (days: number | null) =>
        withBitmapScans(
          payload,
          `SELECT id FROM articles WHERE ${where} AND ${conditions[part]}${days === null ? '' : ` AND published_at >= now() - interval '${days} days'`}
           ORDER BY published_at DESC NULLS LAST, id DESC LIMIT $${next + 1}`,
          [...params, offset + limit],
        )
      // Many matches: the newest are in a recent window (tried while the count runs). Few: one
      // pass over all of them is cheapest.
      let rows = await newest(WINDOWS_DAYS[0]!)
      if (rows.length >= offset + limit) return rows.slice(offset).map((row) => row.id as number)
      const windows = (await matches) <= FEW_MATCHES ? [null] : WINDOWS_DAYS.slice(1)
      for (const days of windows) {
        rows = await newest(days)
        if (rows.length >= offset + limit || days === null) break
      }
      return rows.slice(offset).map((row) => row.id as number)
    },
  }
}

export async function searchPublishedArticles(
  payload: Payload,
  query: SearchQuery,
  filters: SearchFilters,
  page: number,
  limit: number,
): Promise<SearchPage> {
  if (query.words.length === 0) return { ids: [], titleMatches: new Set(), total: 0, capped: false }
  const kind = databaseKind()
  if (kind === 'sqlite') return titleFirstPage(sqliteSource(payload, query, filters), page, limit)
  if (kind === 'postgres') return titleFirstPage(postgresSource(payload, query, filters), page, limit)

  // MongoDB: every word (or a joined pair) must occur in the normalised text.
  const or: Where[] = queryAlternatives(query).map((words) => ({
    and: words.map((word) => ({ searchText: { like: word } })),
  }))
  const and: Where[] = [{ _status: { equals: 'published' } }, { or }]
  if (filters.categoryId !== undefined) and.push({ category: { equals: filters.categoryId } })
  if (filters.from) and.push({ publishedAt: { greater_than_equal: filters.from.toISOString() } })
  if (filters.to) and.push({ publishedAt: { less_than: filters.to.toISOString() } })
  const result = await payload.find({
    collection: 'articles',
    where: { and },
    sort: '-publishedAt',
    page,
    limit,
    depth: 0,
    select: { title: true },
    overrideAccess: true,
  })
  return { ids: result.docs.map((d) => d.id), titleMatches: new Set(), total: result.totalDocs, capped: false }
}

// The FTS row of an article: key = publication minute × 10^7 + id (newest first by rowid), its
// words, and its category as a token. Only published rows are indexed.
const SQLITE_KEY = (row: 'new' | 'old') =>
  `(CAST(strftime('%s', coalesce(${row}.published_at, ${row}.created_at)) AS INTEGER) / 60) * ${KEY_FACTOR} + ${row}.id`
const SQLITE_ROW = `${SQLITE_KEY('new')}, new.search_title, new.search_text || coalesce(' sarkhatcat' || new.category_id, '')`
const SQLITE_INDEX = [
  `CREATE VIRTUAL TABLE IF NOT EXISTS articles_search USING fts5(search_title, search_text, tokenize = 'unicode61')`,
  `CREATE TRIGGER IF NOT EXISTS articles_search_insert AFTER INSERT ON articles WHEN new._status = 'published' BEGIN
     INSERT INTO articles_search (rowid, search_title, search_text) VALUES (${SQLITE_ROW});
   END`,
  // Only saves that change what is searchable; the view counter's updates do not touch the index.
  `CREATE TRIGGER IF NOT EXISTS articles_search_update AFTER UPDATE OF search_title, search_text, _status, published_at, category_id ON articles BEGIN
     DELETE FROM articles_search WHERE rowid = ${SQLITE_KEY('old')};
     INSERT INTO articles_search (rowid, search_title, search_text) SELECT ${SQLITE_ROW} WHERE new._status = 'published';
   END`,
  `CREATE TRIGGER IF NOT EXISTS articles_search_delete AFTER DELETE ON articles BEGIN
     DELETE FROM articles_search WHERE rowid = ${SQLITE_KEY('old')};
   END`,
]
const SQLITE_REFILL = `INSERT INTO articles_search (rowid, search_title, search_text)
  SELECT ${SQLITE_ROW.replace(/new\./g, '')} FROM articles WHERE _status = 'published'`
// The words as stored tsvectors (generated by PostgreSQL from the text Payload writes), each with
// a partial GIN index over published rows.
const POSTGRES_INDEX = [
  `ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_words tsvector GENERATED ALWAYS AS (${POSTGRES_WORDS('search_text')}) STORED`,
  `ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_title_words tsvector GENERATED ALWAYS AS (${POSTGRES_WORDS('search_title')}) STORED`,
  `CREATE INDEX IF NOT EXISTS articles_search_words_idx ON articles USING gin (search_words) WHERE _status = 'published'`,
  `CREATE INDEX IF NOT EXISTS articles_search_title_words_idx ON articles USING gin (search_title_words) WHERE _status = 'published'`,
]

/** The adapter's index objects, created if missing (SQL statements usable in a migration too). */
export const searchIndexStatements = (kind: 'sqlite' | 'postgres') =>
  kind === 'sqlite' ? SQLITE_INDEX : POSTGRES_INDEX

// Set once every article has its words: articles saved before search existed get them on the
// first boot after the upgrade, not a table scan at every boot.
const WORDS_FILLED_KEY = 'sarkhat:search-words-filled'

/** Computes the words of articles that have none (or of all, `force`), in batches by id. */
async function fillSearchWords(payload: Payload, force: boolean): Promise<number> {
  let recomputed = 0
  for (let lastId: number | string | null = null; ;) {
    const batch: { docs: { id: number | string; title?: string | null; lead?: string | null; body?: unknown }[] } =
      await payload.find({
        collection: 'articles',
        where: {
          and: [
            ...(lastId === null ? [] : [{ id: { greater_than: lastId } }]),
            ...(force ? [] : [{ searchText: { exists: false } }]),
          ],
        },
        select: { title: true, lead: true, body: true },
        sort: 'id',
        limit: 500,
        depth: 0,
        pagination: false,
        overrideAccess: true,
      })
    if (batch.docs.length === 0) return recomputed
    for (const doc of batch.docs) {
      // Straight to the row (the index follows it): no new version, no hooks, updatedAt unchanged.
      await payload.db.updateOne({ collection: 'articles', id: doc.id, data: articleSearchFields(doc) })
      recomputed++
    }
    lastId = batch.docs[batch.docs.length - 1]!.id
  }
}

/**
 * Makes sure the index exists and is complete, cheaply enough for every boot: creates index
 * objects that are missing (a later SQLite migration that rebuilds `articles` drops its triggers)
 * and then refills the FTS table; fills the words of articles saved before search existed, once.
 * `force` recomputes every article's words (after a change to the normaliser).
 */
export async function ensureSearchIndex(payload: Payload, { force = false } = {}): Promise<{ recomputed: number }> {
  const kind = databaseKind()
  let refill = false
  if (kind === 'sqlite') {
    const client = drivers(payload).client!
    const { rows } = await client.execute(
      `SELECT count(*) AS n FROM sqlite_master WHERE name IN ('articles_search', 'articles_search_insert', 'articles_search_update', 'articles_search_delete')`,
    )
    if (Number(rows[0]!.n) < 4) {
      for (const sql of SQLITE_INDEX) await client.execute(sql)
      refill = true
    }
  } else if (kind === 'postgres') {
    // Only when missing: ALTER TABLE takes a lock on articles even when it has nothing to do.
    const pool = drivers(payload).pool!
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM information_schema.columns WHERE table_name = 'articles' AND column_name IN ('search_words', 'search_title_words'))
            + (SELECT count(*) FROM pg_indexes WHERE tablename = 'articles' AND indexname IN ('articles_search_words_idx', 'articles_search_title_words_idx')) AS n`,
    )
    if (Number(rows[0]!.n) < 4) for (const sql of POSTGRES_INDEX) await pool.query(sql)
  }

  let recomputed = 0
  if (force || !(await payload.kv.has(WORDS_FILLED_KEY))) {
    recomputed = await fillSearchWords(payload, force)
    await payload.kv.set(WORDS_FILLED_KEY, { at: new Date().toISOString() })
  }
  if (refill) {
    const client = drivers(payload).client!
    await client.execute('DELETE FROM articles_search')
    await client.execute(SQLITE_REFILL)
  }
  return { recomputed }
}
