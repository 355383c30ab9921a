import pg from 'pg'

// Every lock's pool, for closeAdvisoryLocks; shared through globalThis as the express bundle and
// Next's server bundles each hold a copy of this module.
const POOLS = Symbol.for('sarkhat.advisoryLockPools')
const pools = ((globalThis as { [POOLS]?: Set<pg.Pool> })[POOLS] ??= new Set())

/** Ends the pools of the locks (graceful shutdown); a held lock goes with its session. */
export async function closeAdvisoryLocks(): Promise<void> {
  const ending = [...pools]
  pools.clear()
  await Promise.all(ending.map((pool) => pool.end().catch(() => undefined)))
}

/** A held session lock; `release()` unlocks and returns its connection (true when it was held). */
export type AdvisoryLease = { release(): Promise<boolean> }

/**
 * An exclusive lock across processes on one PostgreSQL database: a session advisory lock taken
 * with pg_try_advisory_lock (never waits) on a connection kept for as long as it is held. If that
 * connection or its process dies, PostgreSQL frees the lock with the session.
 *
 * The connection comes from a one-connection pool of its own, not the adapter's: with every
 * adapter connection busy (a burst of requests, many jobs at once), taking the lock would queue
 * behind them.
 */
export function advisoryLock(connectionString: string, key: number, onError: (error: Error) => void = () => undefined) {
  let pool: pg.Pool | undefined
  const connections = () => {
    if (!pool) {
      pool = new pg.Pool({
        connectionString,
        max: 1,
        idleTimeoutMillis: 10_000,
        connectionTimeoutMillis: 5000,
        allowExitOnIdle: true,
      })
      // A connection dropped by a database restart (idle, or holding the lock) must not take the
      // process down.
      pool.on('error', onError)
      pool.on('connect', (client) => client.on('error', onError))
      pools.add(pool)
    }
    return pool
  }

  return {
    async tryAcquire(): Promise<AdvisoryLease | null> {
      const client = await connections().connect()
      let locked = false
      try {
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key])
        locked = rows[0]?.locked === true
      } finally {
        if (!locked) client.release()
      }
      if (!locked) return null
      let held = true
      return {
        async release() {
          if (!held) return false
          held = false
          try {
            const { rows } = await client.query<{ unlocked: boolean }>('SELECT pg_advisory_unlock($1) AS unlocked', [
              key,
            ])
            client.release()
            return rows[0]?.unlocked === true
          } catch (error) {
            // A broken session has lost its locks already; the pool must not reuse it.
            client.release(error as Error)
            return false
          }
        },
      }
    },
    /** Ends the pool; a held lock goes with its session. */
    async close(): Promise<void> {
      const ending = pool
      pool = undefined
      if (ending) pools.delete(ending)
      await ending?.end()
    },
  }
}
