import type { Payload } from 'payload'

import { drivers } from './drivers'
import { databaseKind } from './kind'

/**
 * The next running number of `year`'s tickets, taken atomically in one statement (an upsert that
 * increments and returns), so concurrent requests on any number of instances never share one.
 * It runs outside the request's transaction on purpose: a ticket that fails after this leaves a
 * gap in the sequence, never a reused number.
 */
export async function nextTicketSequence(payload: Payload, year: number): Promise<number> {
  const db = drivers(payload)
  switch (databaseKind()) {
    case 'sqlite': {
      const { rows } = await db.client!.execute({
        sql: 'INSERT INTO ticket_counters (year, value) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET value = value + 1 RETURNING value',
        args: [year],
      })
      return Number(rows[0]!.value)
    }
    case 'postgres': {
      const { rows } = await db.pool!.query(
        'INSERT INTO ticket_counters (year, value) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET value = ticket_counters.value + 1 RETURNING value',
        [year],
      )
      return Number(rows[0]!.value)
    }
    case 'mongodb': {
      const doc = await db.collections!['ticket-counters']!.findOneAndUpdate({ year }, { $inc: { value: 1 } }, { upsert: true, new: true, lean: true })
      return Number(doc!.value)
    }
  }
}
