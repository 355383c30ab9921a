import type { Payload } from 'payload'

/**
 * The adapters expose their drivers under different names and without types we can import
 * everywhere; these shapes (just what src/db uses) are how src/db reaches them for its own SQL and
 * health checks (lifecycle, search, view counter, ticket sequence). Three other places reach
 * adapter internals, each with its own shape: src/db/transactions.ts (Drizzle's transaction
 * sessions, to report a failed COMMIT), src/cli/migrations.ts (drizzle-kit and the schema, for
 * `migrate:check`) and src/seed/scale.ts (Drizzle and its tables, for bulk inserts).
 */
type Rows = { rows: Record<string, unknown>[] }
export type SqliteClient = {
  execute(stmt: string | { sql: string; args: (string | number)[] }): Promise<Rows>
  /** The statements in one transaction. */
  batch(stmts: { sql: string; args: (string | number)[] }[], mode: 'write' | 'read'): Promise<Rows[]>
  close(): void
}
export type PostgresPool = {
  query(sql: string, params?: unknown[]): Promise<Rows>
  connect(): Promise<{ query(sql: string, params?: unknown[]): Promise<unknown>; release(): void }>
  end(): Promise<void>
  ended?: boolean
  on(event: 'error', listener: (error: Error) => void): void
  on(event: 'connect', listener: (client: { on(event: 'error', listener: (error: Error) => void): void }) => void): void
  listenerCount(event: 'error'): number
}
export type MongoModel = {
  findOneAndUpdate(filter: object, update: object, options: object): Promise<Record<string, unknown> | null>
  updateOne(filter: object, update: object): Promise<unknown>
}
type MongoAdapter = {
  connection?: { db?: { admin(): { ping(): Promise<unknown> } }; close(): Promise<void> }
  collections?: Record<string, MongoModel>
  versions?: Record<string, MongoModel>
}

type Drivers = { client?: SqliteClient; pool?: PostgresPool } & MongoAdapter

export const drivers = (payload: Payload): Drivers => payload.db as unknown as Drivers
