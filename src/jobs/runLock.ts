import { AsyncLocalStorage } from 'node:async_hooks'

import type { Payload } from 'payload'

import { advisoryLock } from '../db/advisoryLock'
import { databaseKind } from '../db/kind'
import { env } from '../lib/env'
import { redis } from '../server/redis'
import { redisLock } from '../server/redisLock'

type Lease = { release(): Promise<unknown> }
type Lock = { tryAcquire(): Promise<Lease | null> }

const REDIS_KEY = 'sarkhat:jobs:run-lock'
// Any constant, distinct from the migrations' (src/db/lifecycle.ts).
export const JOBS_ADVISORY_LOCK_KEY = 7_344_202

/** The lock for this process: over Redis when REDIS_URL is set, else PostgreSQL, else in memory. */
function chooseLock(payload: Payload): Lock {
  const warn = (message: string) => () => payload.logger.warn(message)
  const client = redis()
  if (client)
    return redisLock(client, REDIS_KEY, {
      onLost: warn('قفل اجرای کارها در Redis پیش از پایان اجرا از دست رفت؛ ممکن است اجرای دیگری هم‌زمان آغاز شود.'),
    })
  if (databaseKind() === 'postgres')
    return advisoryLock(env().databaseURI, JOBS_ADVISORY_LOCK_KEY, (error) =>
      payload.logger.warn(`اتصال قفل اجرای کارها به PostgreSQL قطع شد: ${error.message}`),
    )
  // SQLite is one machine's file, and usually one process: a flag in memory is enough.
  let taken = false
  return {
    async tryAcquire() {
      if (taken) return null
      taken = true
      return { release: async () => (taken = false) }
    },
  }
}

const SHARED = Symbol.for('sarkhat.jobRunLock')
const shared = globalThis as { [SHARED]?: Lock }
// Inside a locked run, nested calls (the run endpoint's handleSchedules) go through.
const insideRun = new AsyncLocalStorage<true>()

/**
 * Runs `run` while this process holds the job lock, so that no two processes (nor two runs in
 * one) run jobs at once: Payload claims a job with a select and then an update, which two
 * runners can both pass. When the lock is someone else's, or cannot be taken, returns
 * `skipped()` at once: the next tick tries again.
 */
export async function runExclusively<T>(payload: Payload, run: () => Promise<T>, skipped: () => T): Promise<T> {
  if (insideRun.getStore()) return run()
  // Shared through globalThis: the express bundle and Next's server bundles each hold a copy.
  const lock = (shared[SHARED] ??= chooseLock(payload))
  let lease: Lease | null
  try {
    lease = await lock.tryAcquire()
  } catch (error) {
    payload.logger.warn(`قفل اجرای کارها گرفته نشد؛ این نوبت اجرا نمی‌شود: ${(error as Error).message}`)
    return skipped()
  }
  if (!lease) {
    payload.logger.debug('کارها هم‌اکنون در فرایند دیگری اجرا می‌شوند؛ این نوبت رد شد.')
    return skipped()
  }
  try {
    return await insideRun.run(true, run)
  } finally {
    await lease
      .release()
      .catch((error: Error) => payload.logger.warn(`آزاد کردن قفل اجرای کارها ناموفق بود: ${error.message}`))
  }
}
