/**
 * Migrations of the current adapter (DATABASE_URI):
 *   up            apply the committed migrations (the server also does this at boot)
 *   create <name> generate a migration from the schema change since the last one
 *                 (--blank: an empty one, for a data migration written by hand)
 *   check         exit 1 when the collections' schema differs from the last committed migration
 */
import fs from 'node:fs'
import path from 'node:path'

import { loadEnvFile } from '../server/loadEnvFile'

loadEnvFile()

const [command = 'up', name] = process.argv.slice(2)
// Migrations decide the schema here: set before anything reads the configuration (src/lib/env.ts).
process.env.DB_PUSH = 'false'

const { default: config } = await import('@payload-config')
const { getPayload } = await import('payload')
const { databaseKind } = await import('../db/kind')
const { closeDatabase, migrateDatabase } = await import('../db/lifecycle')

const kind = databaseKind()
const payload = await getPayload({ config })

type DrizzleKit = {
  generateDrizzleJson(schema: unknown): Promise<{ version: string }>
  generateMigration(before: unknown, after: unknown): Promise<string[]>
  upSnapshot?: (snapshot: unknown) => unknown
}
type DrizzleAdapter = { schema: unknown; migrationDir: string; requireDrizzleKit(): DrizzleKit }

/** Statements that would bring the last committed snapshot to the current schema. */
async function pendingSchemaChanges(): Promise<string[]> {
  const db = payload.db as unknown as DrizzleAdapter
  const kit = db.requireDrizzleKit()
  const after = await kit.generateDrizzleJson(db.schema)
  const snapshots = fs
    .readdirSync(db.migrationDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
  if (!snapshots.length) return ['(no migration committed yet)']
  let before = JSON.parse(fs.readFileSync(path.join(db.migrationDir, snapshots.at(-1)!), 'utf8'))
  if (kit.upSnapshot && before.version < after.version) before = kit.upSnapshot(before)
  return kit.generateMigration(before, after)
}

/** Migration files that the index (what the server applies) does not list. */
function migrationsMissingFromIndex(): string[] {
  const dir = (payload.db as unknown as DrizzleAdapter).migrationDir
  const index = fs.readFileSync(path.join(dir, 'index.ts'), 'utf8')
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => f.replace(/\.ts$/, ''))
    .filter((migration) => !index.includes(`'./${migration}'`))
}

let exitCode = 0
try {
  if (command === 'up') {
    await migrateDatabase(payload)
  } else if (kind === 'mongodb') {
    console.log('MongoDB بدون مهاجرت کار می‌کند؛ کاری برای انجام نیست.')
  } else if (command === 'create') {
    if (!name) throw new Error('نام مهاجرت را بدهید: npm run migrate:create -- <name>')
    // --blank: a data migration with no schema change (the SQL is written by hand afterwards).
    const blank = process.argv.includes('--blank')
    await payload.db.createMigration({ migrationName: name, payload, skipEmpty: !blank, forceAcceptWarning: blank })
  } else if (command === 'check') {
    const changes = await pendingSchemaChanges()
    const unlisted = migrationsMissingFromIndex()
    if (changes.length) {
      exitCode = 1
      console.error(
        `[${kind}] طرح داده با آخرین مهاجرت یکی نیست؛ npm run migrate:create را اجرا کنید:\n${changes.join('\n')}`,
      )
    }
    if (unlisted.length) {
      exitCode = 1
      console.error(`[${kind}] این مهاجرت‌ها در index.ts نیامده‌اند: ${unlisted.join(', ')}`)
    }
    if (!exitCode) console.log(`[${kind}] مهاجرت‌ها با طرح داده هماهنگ‌اند.`)
  } else {
    throw new Error(`فرمان ناشناخته: ${command} (up | create <name> | check)`)
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  exitCode = 1
} finally {
  await closeDatabase(payload).catch(() => undefined)
}
process.exit(exitCode)
