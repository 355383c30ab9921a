/** `npm run seed`: applies migrations and loads the Persian demo content again. */
import { loadEnvFile } from '../server/loadEnvFile'

loadEnvFile()

process.env.DB_PUSH = 'false'

const { default: config } = await import('@payload-config')
const { getPayload } = await import('payload')
const { closeDatabase, migrateDatabase } = await import('../db/lifecycle')
const { ensureFirstAdmin, seedDemoContent } = await import('../seed')

const payload = await getPayload({ config })
let exitCode = 0
try {
  await migrateDatabase(payload)
  await ensureFirstAdmin(payload)
  await seedDemoContent(payload, { force: true })
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  await closeDatabase(payload).catch(() => undefined)
}
process.exit(exitCode)
