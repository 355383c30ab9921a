import { env } from '../lib/env'

/** Which database `DATABASE_URI` points at. Unset or `file:` means the embedded SQLite file. */
export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export function databaseKind(uri: string = env().databaseURI): DatabaseKind {
  if (uri.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(uri)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return 'mongodb'
  throw new Error(
    `DATABASE_URI پشتیبانی نمی‌شود: باید با file: یا postgres:// یا mongodb:// آغاز شود (مقدار کنونی: ${uri.split(':')[0]}:…)`,
  )
}
