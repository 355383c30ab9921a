import type { Migration, Payload } from 'payload'

import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { pushEnabled } from './adapter'
import { closeAdvisoryLocks } from './advisoryLock'
import { drivers } from './drivers'
import { databaseKind } from './kind'
import { closeSearchPool } from './search'
import { closeTicketSequencePool } from './ticketSequence'

// Any constant: the key of the PostgreSQL advisory lock that serialises migrations across instances.
const MIGRATION_LOCK_KEY = 7_344_201

/**
 * Applies the committed migrations of the current adapter. Safe when several instances boot at
 * once on PostgreSQL: they queue on an advisory lock and the later ones find nothing to do.
 */
export async function migrateDatabase(payload: Payload): Promise<void> {
  if (pushEnabled()) return
  switch (databaseKind()) {
    case 'sqlite':
      await payload.db.migrate({ migrations: sqliteMigrations as unknown as Migration[] })
      return
    case 'postgres': {
      const pool = drivers(payload).pool!
      const lock = await pool.connect()
      try {
        await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
        await payload.db.migrate({ migrations: postgresMigrations as unknown as Migration[] })
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined)
        lock.release()
      }
      return
    }
    case 'mongodb':
      return // schemaless: Payload keeps the indexes itself
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Resolves when the database answers a trivial query; rejects with the driver's reason otherwise. */
export async function pingDatabase(payload: Payload, timeoutMs = 2000): Promise<void> {
  const db = drivers(payload)
  switch (databaseKind()) {
    case 'sqlite':
      await withTimeout(db.client!.execute('SELECT 1'), timeoutMs)
      return
    case 'postgres':
      await withTimeout(db.pool!.query('SELECT 1'), timeoutMs)
      return
    case 'mongodb': {
      const admin = db.connection?.db?.admin()
      if (!admin) throw new Error('not connected')
      await withTimeout(admin.ping(), timeoutMs)
      return
    }
  }
}

/**
 * SQLite in WAL mode lets readers go on while a write commits, and `synchronous=NORMAL` syncs
 * at checkpoints instead of every commit (durable against process crashes; a power cut may lose
 * the last commits). busy_timeout makes a writer wait for the lock instead of failing.
 */
export async function tuneSqlite(payload: Payload): Promise<void> {
  if (databaseKind() !== 'sqlite') return
  const client = drivers(payload).client!
  for (const pragma of ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL', 'PRAGMA busy_timeout = 5000'])
    await client.execute(pragma)
}

/**
 * node-postgres re-emits errors of idle pooled connections (a restarted or unreachable server)
 * on the pool; without a listener that would crash the process. Log them instead: the pool
 * replaces broken connections on the next query, and /readyz reports the outage meanwhile.
 *
 * A connection that is checked out but between statements (a request's transaction, while its
 * hooks run) emits the error on the client itself, where no one listens: `npm run drill` saw
 * PostgreSQL's restart surface as uncaught exceptions, survived only because Next's handler
 * logs them. Each new connection gets a listener; the request using it fails on its next
 * statement with a 500, and the pool drops the broken connection when it is released.
 */
export function keepRunningThroughDatabaseOutages(payload: Payload): void {
  if (databaseKind() !== 'postgres') return
  const pool = drivers(payload).pool
  if (!pool || pool.listenerCount('error') > 0) return
  pool.on('error', (error) => payload.logger.warn(`اتصال به PostgreSQL قطع شد: ${error.message}`))
  pool.on('connect', (client) =>
    client.on('error', (error) => payload.logger.warn(`اتصال در حال استفاده به PostgreSQL قطع شد: ${error.message}`)),
  )
}

/** Stops Payload's crons and releases the database connections (payload.destroy keeps them open). */
export async function closeDatabase(payload: Payload): Promise<void> {
  const db = drivers(payload)
  await payload.destroy()
  switch (databaseKind()) {
    case 'sqlite':
      db.client?.close()
      return
    case 'postgres': {
      // The adapter keeps one client checked out for good, so pool.end() never settles by itself:
      // it closes the idle connections at once; the held one goes with the process.
      const pool = db.pool
      if (pool && !pool.ended) await withTimeout(pool.end(), 1000).catch(() => undefined)
      await withTimeout(closeTicketSequencePool(), 1000).catch(() => undefined)
      await withTimeout(closeSearchPool(), 1000).catch(() => undefined)
      await withTimeout(closeAdvisoryLocks(), 1000).catch(() => undefined)
      return
    }
    case 'mongodb':
      await db.connection?.close()
      return
  }
}
