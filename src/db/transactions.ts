import { randomUUID } from 'node:crypto'

import type { DatabaseAdapterObj } from 'payload'

/**
 * Payload's Drizzle transactions (@payloadcms/drizzle 3.90.1) report a failed COMMIT as success:
 * the transaction's promise ends in a `.catch` that swallows the error, and `commitTransaction`
 * catches whatever is left. A COMMIT that fails (PostgreSQL restarted or the connection cut
 * between the last statement and the commit) was answered 201 while the record was rolled back:
 * `npm run drill` (PostgreSQL restart under load) found an acknowledged comment missing.
 *
 * These two replace Payload's on the PostgreSQL adapter: the same lifting of Drizzle's
 * transaction callback, except that the commit's outcome reaches the caller, so the operation
 * fails (a 500, the request's transaction killed) instead of reporting a lost write. A COMMIT whose
 * answer alone was lost may still have been stored: the client then saw an error for a record
 * that exists once, never a success for one that does not.
 */
type Session = { db: unknown; resolve(): Promise<unknown>; reject(): Promise<unknown> }
type DrizzleAdapter = {
  initializing: Promise<void>
  drizzle: { transaction(callback: (tx: unknown) => Promise<void>, options?: unknown): Promise<void> }
  transactionOptions?: unknown
  sessions: Record<string, Session>
  payload: { logger: { error(entry: object): void } }
}

async function beginTransaction(this: DrizzleAdapter, options?: unknown): Promise<string> {
  try {
    await this.initializing
    let session!: Session
    let started!: () => void
    let failed!: (error: unknown) => void
    const ready = new Promise<void>((resolve, reject) => {
      started = resolve
      failed = reject
    })
    const done: Promise<void> = this.drizzle.transaction(async (tx) => {
      await new Promise<void>((commit, rollback) => {
        session = {
          db: tx,
          // Resolves once Drizzle's COMMIT succeeded, rejects when it failed.
          resolve: () => {
            commit()
            return done
          },
          // The rejection is the rollback we asked for: not an error.
          reject: () => {
            rollback(new Error('rollback'))
            return done.catch(() => undefined)
          },
        }
        started()
      })
    }, options || this.transactionOptions)
    // Before the callback ran (no connection): the start fails. Afterwards this does nothing, and
    // `done`'s outcome is left to whoever commits or rolls back.
    done.catch(failed)
    await ready
    const id = randomUUID()
    this.sessions[id] = session
    return id
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    this.payload.logger.error({ err: error, msg: `Error: cannot begin transaction: ${message}` })
    throw new Error(`Error: cannot begin transaction: ${message}`, { cause: error })
  }
}

async function commitTransaction(
  this: DrizzleAdapter,
  incomingID: Promise<number | string> | number | string = '',
): Promise<void> {
  const id = String(incomingID instanceof Promise ? await incomingID : incomingID)
  const session = this.sessions[id]
  if (!session) return // already ended (several operations may share one transaction)
  delete this.sessions[id]
  await session.resolve()
}

/** The adapter with transactions whose failed COMMIT fails the operation (see above). */
export function withReportedCommitFailures(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      // src/db/adapter.ts never turns transactions off (`transactionOptions: false`).
      return Object.assign(adapterObj.init(args), { beginTransaction, commitTransaction })
    },
  }
}
