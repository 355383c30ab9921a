/** Which database `DATABASE_URI` points at. Unset or `file:` means the embedded SQLite file. */
export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export const DEFAULT_SQLITE_URI = 'file:./data/sarkhat.db'

export function databaseURI(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URI?.trim() || DEFAULT_SQLITE_URI
}

export function databaseKind(uri: string = databaseURI()): DatabaseKind {
  if (uri.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(uri)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return 'mongodb'
  throw new Error(
    `DATABASE_URI پشتیبانی نمی‌شود: باید با file: یا postgres:// یا mongodb:// آغاز شود (مقدار کنونی: ${uri.split(':')[0]}:…)`,
  )
}
