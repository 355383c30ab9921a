// What the database holds against what the clients were told, read straight from PostgreSQL:
// every write answered 2xx is stored exactly once, a failed one at most once (a commit whose answer
// was lost on the way is not a duplicate), ticket codes are never shared, and the article's view
// counter grew by at least the beacons acknowledged.
import pg from 'pg'

import { isOk } from './writeLoad.mjs'

const TABLES = { comment: { table: 'comments', column: 'body' }, ticket: { table: 'tickets', column: 'subject' } }

const viewsIn = async (db, articleId) =>
  Number((await db.query('SELECT views FROM articles WHERE id = $1', [articleId])).rows[0]?.views ?? 0)
/** The article's stored view counter. */
export const viewsOf = (uri, articleId) => withClient(uri, (db) => viewsIn(db, articleId))

/** `tag` is the run's marker prefix: every marker is `${tag}-${n}`, unique per kind. */
export async function checkStoredWrites(uri, records, { tag, articleId, viewsBefore }) {
  return withClient(uri, async (db) => {
    const result = {}
    for (const [kind, { table, column }] of Object.entries(TABLES)) {
      const stored = new Map()
      const { rows } = await db.query(`SELECT ${column} AS text FROM ${table} WHERE ${column} LIKE $1`, [`%${tag}-%`])
      for (const { text } of rows)
        for (const [marker] of text.matchAll(new RegExp(`${tag}-\\d+`, 'g')))
          stored.set(marker, (stored.get(marker) ?? 0) + 1)
      const row = { acknowledged: 0, missing: 0, duplicated: 0, storedUnacknowledged: 0 }
      for (const r of records.filter((x) => x.kind === kind)) {
        const count = stored.get(r.marker) ?? 0
        if (isOk(r)) {
          row.acknowledged++
          if (count === 0) row.missing++
        } else if (count === 1) row.storedUnacknowledged++
        if (count > 1) row.duplicated++
      }
      result[kind] = row
    }
    // Every ticket in the database, the seeded ones included.
    result.ticketCodesShared = Number(
      (
        await db.query(
          'SELECT count(*) AS n FROM (SELECT code FROM tickets GROUP BY code HAVING count(*) > 1) AS shared',
        )
      ).rows[0].n,
    )
    result.ticketsWithoutCode = Number(
      (await db.query('SELECT count(*) AS n FROM tickets WHERE code IS NULL')).rows[0].n,
    )
    result.views = {
      acknowledged: records.filter((r) => r.kind === 'beacon' && isOk(r)).length,
      counted: (await viewsIn(db, articleId)) - viewsBefore,
    }
    result.exact =
      Object.keys(TABLES).every((k) => result[k].missing === 0 && result[k].duplicated === 0) &&
      result.ticketCodesShared === 0 &&
      result.ticketsWithoutCode === 0 &&
      result.views.counted >= result.views.acknowledged
    return result
  })
}

async function withClient(uri, fn) {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
