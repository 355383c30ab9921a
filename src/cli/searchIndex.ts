/** `npm run search:rebuild`: recomputes every article's search words and refills the index. */
import { loadEnvFile } from '../server/loadEnvFile'

loadEnvFile()

// Migrations decide the schema here: set before anything reads the configuration (src/lib/env.ts).
process.env.DB_PUSH = 'false'

const { default: config } = await import('@payload-config')
const { getPayload } = await import('payload')
const { closeDatabase, migrateDatabase } = await import('../db/lifecycle')
const { ensureSearchIndex } = await import('../db/search')

const payload = await getPayload({ config })
let exitCode = 0
try {
  await migrateDatabase(payload)
  const started = Date.now()
  const { recomputed } = await ensureSearchIndex(payload, { force: true })
  payload.logger.info(
    `نمایه جستجو بازسازی شد: ${recomputed} خبر در ${((Date.now() - started) / 1000).toFixed(1)} ثانیه.`,
  )
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  await closeDatabase(payload).catch(() => undefined)
}
process.exit(exitCode)
