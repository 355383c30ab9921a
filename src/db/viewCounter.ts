import type { Payload } from 'payload'

import { drivers } from './drivers'
import { databaseKind } from './kind'

type Batch = { views: number; waiting: { resolve(views: number | null): void; reject(error: unknown): void }[] }

/** Per article: the views waiting for the next write, while one write is under way. */
const queued = new Map<string, Batch>()
const writing = new Set<string>()

/**
 * Adds one view to a published article and returns the new count — or null when no published
 * article has that id. Answers only once the view is stored.
 *
 * Group commit: while one write for an article is under way, the views arriving meanwhile wait
 * and are then stored together with one `views = views + n`. A popular article costs one
 * statement per round trip instead of one per reader, and every acknowledged view is counted
 * exactly once (a failed write rejects every view in it, none of them stored).
 */
export function incrementArticleViews(payload: Payload, id: number | string): Promise<number | null> {
  const key = String(id)
  return new Promise((resolve, reject) => {
    const batch = queued.get(key) ?? { views: 0, waiting: [] }
    batch.views++
    batch.waiting.push({ resolve, reject })
    queued.set(key, batch)
    if (!writing.has(key)) void writeQueued(payload, key)
  })
}

async function writeQueued(payload: Payload, key: string): Promise<void> {
  writing.add(key)
  try {
    for (let batch = queued.get(key); batch; batch = queued.get(key)) {
      queued.delete(key)
      try {
        const total = await addViews(payload, key, batch.views)
        // Each view gets its own ordinal, as if stored one by one: the batch's last is the total.
        batch.waiting.forEach((w, i) => w.resolve(total === null ? null : total - batch.views + 1 + i))
      } catch (error) {
        for (const w of batch.waiting) w.reject(error)
      }
    }
  } finally {
    writing.delete(key)
  }
}

/**
 * Adds `n` views, atomically in the database (never read-modify-write). The latest version row
 * is incremented too: the admin lists drafted collections from their latest versions, so
 * editors would otherwise sort by a stale number.
 */
async function addViews(payload: Payload, id: string, n: number): Promise<number | null> {
  const db = drivers(payload)
  switch (databaseKind()) {
    case 'sqlite': {
      // One transaction: both rows or neither, and one commit instead of two.
      const [article] = await db.client!.batch(
        [
          {
            sql: `UPDATE articles SET views = COALESCE(views, 0) + ? WHERE id = ? AND _status = 'published' RETURNING views`,
            args: [n, id],
          },
          {
            sql: `UPDATE _articles_v SET version_views = COALESCE(version_views, 0) + ? WHERE parent_id = ? AND latest = 1 AND EXISTS (SELECT 1 FROM articles WHERE id = ? AND _status = 'published')`,
            args: [n, id, id],
          },
        ],
        'write',
      )
      return article!.rows.length ? Number(article!.rows[0]!.views) : null
    }
    case 'postgres': {
      // One statement, one round trip: the version row only when the article row was counted.
      const { rows } = await db.pool!.query(
        `WITH counted AS (UPDATE articles SET views = COALESCE(views, 0) + $2 WHERE id = $1 AND _status = 'published' RETURNING views),
              latest AS (UPDATE _articles_v SET version_views = COALESCE(version_views, 0) + $2 WHERE parent_id = $1 AND latest = true AND EXISTS (SELECT 1 FROM counted))
         SELECT views FROM counted`,
        [id, n],
      )
      return rows.length ? Number(rows[0]!.views) : null
    }
    case 'mongodb': {
      const doc = await db.collections!.articles!.findOneAndUpdate(
        { _id: id, _status: 'published' },
        { $inc: { views: n } },
        { new: true, lean: true },
      )
      if (!doc) return null
      await db.versions!.articles!.updateOne({ parent: id, latest: true }, { $inc: { 'version.views': n } })
      return Number(doc.views)
    }
  }
}
