import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { env } from '../lib/env'
import { databaseKind } from './kind'
import { withReportedCommitFailures } from './transactions'

export const migrationDir = (kind: 'sqlite' | 'postgres') => path.resolve(process.cwd(), 'src/migrations', kind)

/** Dev schema push is opt-in (DB_PUSH=true) and never on in tests or CI: migrations are the truth. */
export const pushEnabled = (): boolean => env().dbPush

function ensureSqliteDirectory(uri: string): void {
  const file = uri.replace(/^file:/, '').split('?')[0]!
  if (file && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}

/** The Payload database adapter chosen by DATABASE_URI. */
export function databaseAdapter(): DatabaseAdapterObj {
  const { databaseURI: uri, databasePoolMax } = env()
  switch (databaseKind(uri)) {
    case 'sqlite':
      ensureSqliteDirectory(uri)
      return sqliteAdapter({ client: { url: uri }, migrationDir: migrationDir('sqlite'), push: pushEnabled() })
    case 'postgres':
      return withReportedCommitFailures(
        postgresAdapter({
          pool: { connectionString: uri, max: databasePoolMax },
          migrationDir: migrationDir('postgres'),
          push: pushEnabled(),
        }),
      )
    case 'mongodb':
      return mongooseAdapter({ url: uri })
  }
}
