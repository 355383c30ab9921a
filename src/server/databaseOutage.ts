import type { Response as ExpressResponse } from 'express'
import type { Payload } from 'payload'

import { pingDatabase } from '../db/lifecycle'

/** Seconds a client is asked to wait: PostgreSQL restarts in a few seconds. */
const RETRY_AFTER_SECONDS = 5

export const DATABASE_DOWN_MESSAGE = 'پایگاه داده اکنون در دسترس نیست؛ چند لحظه بعد دوباره امتحان کنید.'

/**
 * After a request failed with a server error: if the database does not answer either, the
 * failure was the outage's, and the client gets a 503 with Retry-After (as /readyz says) instead
 * of a 500. Resolves true when it answered. The ping runs only on failures, never on the way in.
 */
export async function answerIfDatabaseDown(payload: Payload, res: ExpressResponse): Promise<boolean> {
  const down = await pingDatabase(payload, 1000).then(
    () => false,
    () => true,
  )
  if (!down || res.headersSent) return false
  res
    .status(503)
    .set({ 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) })
    .json({ errors: [{ message: DATABASE_DOWN_MESSAGE }] })
  return true
}
