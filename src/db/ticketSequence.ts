import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

import { drivers, requestDatabase } from './drivers'
import { databaseKind } from './kind'

/**
 * The next running number of `year`'s tickets, taken atomically in one statement (an upsert that
 * increments and returns), so concurrent requests on any number of instances never share one.
 * On PostgreSQL it runs in the request's transaction: the year's row stays locked until the
 * ticket is stored, so concurrent tickets take their turn and a failed one gives its number back.
 * (A second pool connection here deadlocked once every pooled connection held such a request.)
 */
export async function nextTicketSequence(req: PayloadRequest, year: number): Promise<number> {
  const db = drivers(req.payload)
  switch (databaseKind()) {
    case 'sqlite': {
      const { rows } = await db.client!.execute({
        sql: 'INSERT INTO ticket_counters (year, value) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET value = value + 1 RETURNING value',
        args: [year],
      })
      return Number(rows[0]!.value)
    }
    case 'postgres': {
      const { rows } = await (await requestDatabase(req)).execute(
        sql`INSERT INTO ticket_counters (year, value) VALUES (${year}, 1) ON CONFLICT (year) DO UPDATE SET value = ticket_counters.value + 1 RETURNING value`,
      )
      return Number(rows[0]!.value)
    }
    case 'mongodb': {
      const doc = await db.collections!['ticket-counters']!.findOneAndUpdate({ year }, { $inc: { value: 1 } }, { upsert: true, new: true, lean: true })
      return Number(doc!.value)
    }
  }
}
