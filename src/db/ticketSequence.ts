import pg from 'pg'
import type { Payload } from 'payload'

import { drivers } from './drivers'
import { env } from '../lib/env'
import { databaseKind } from './kind'

/**
 * PostgreSQL: the increment runs on a pool of its own. Ticket creation holds one of the adapter's
 * connections for its transaction while it asks for the number; with every adapter connection
 * held that way, a number asked from the same pool would wait for ever (seen with 100 tickets
 * filed at once on a pool of 10).
 */
let sequencePool: pg.Pool | undefined
function postgresSequencePool(payload: Payload): pg.Pool {
  if (!sequencePool) {
    sequencePool = new pg.Pool({
      connectionString: env().databaseURI,
      max: 2,
      idleTimeoutMillis: 5000,
      allowExitOnIdle: true,
    })
    // An idle connection dropped by a database restart must not take the process down.
    sequencePool.on('error', (error) => payload.logger.warn(`اتصال شمارنده درخواست‌ها قطع شد: ${error.message}`))
  }
  return sequencePool
}

export async function closeTicketSequencePool(): Promise<void> {
  const pool = sequencePool
  sequencePool = undefined
  await pool?.end()
}

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
      const { rows } = await postgresSequencePool(payload).query(
        'INSERT INTO ticket_counters (year, value) VALUES ($1, 1) ON CONFLICT (year) DO UPDATE SET value = ticket_counters.value + 1 RETURNING value',
        [year],
      )
      return Number(rows[0]!.value)
    }
    case 'mongodb': {
      const doc = await db.collections!['ticket-counters']!.findOneAndUpdate(
        { year },
        { $inc: { value: 1 } },
        { upsert: true, new: true, lean: true },
      )
      return Number(doc!.value)
    }
  }
}
