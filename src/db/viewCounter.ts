import type { Payload } from 'payload'

import { drivers } from './drivers'
import { databaseKind } from './kind'

/**
 * Adds one view to a published article, atomically in the database (never read-modify-write),
 * and returns the new count — or null when no published article has that id.
 *
 * The latest version row is incremented too: the admin lists drafted collections from their
 * latest versions, so editors would otherwise sort by a stale number.
 */
export async function incrementArticleViews(payload: Payload, id: number | string): Promise<number | null> {
  const db = drivers(payload)
  switch (databaseKind()) {
    case 'sqlite': {
      // One transaction: both rows or neither, and one commit instead of two.
      const [article] = await db.client!.batch(
        [
          { sql: `UPDATE articles SET views = COALESCE(views, 0) + 1 WHERE id = ? AND _status = 'published' RETURNING views`, args: [id] },
          {
            sql: `UPDATE _articles_v SET version_views = COALESCE(version_views, 0) + 1 WHERE parent_id = ? AND latest = 1 AND EXISTS (SELECT 1 FROM articles WHERE id = ? AND _status = 'published')`,
            args: [id, id],
          },
        ],
        'write',
      )
      return article!.rows.length ? Number(article!.rows[0]!.views) : null
    }
    case 'postgres': {
      // One statement, one round trip: the version row only when the article row was counted.
      const { rows } = await db.pool!.query(
        `WITH counted AS (UPDATE articles SET views = COALESCE(views, 0) + 1 WHERE id = $1 AND _status = 'published' RETURNING views),
              latest AS (UPDATE _articles_v SET version_views = COALESCE(version_views, 0) + 1 WHERE parent_id = $1 AND latest = true AND EXISTS (SELECT 1 FROM counted))
         SELECT views FROM counted`,
        [id],
      )
      return rows.length ? Number(rows[0]!.views) : null
    }
    case 'mongodb': {
      const doc = await db.collections!.articles!.findOneAndUpdate({ _id: id, _status: 'published' }, { $inc: { views: 1 } }, { new: true, lean: true })
      if (!doc) return null
      await db.versions!.articles!.updateOne({ parent: id, latest: true }, { $inc: { 'version.views': 1 } })
      return Number(doc.views)
    }
  }
}
