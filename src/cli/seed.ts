/**
 * `npm run seed`: applies migrations and loads the Persian demo content again.
 * `npm run seed -- --scale`: on a fresh database, also the benchmark volume (src/seed/scale.ts):
 * 10,000 articles, 100,000 approved comments, 1,000 readers, 5,000 tickets. `--scale=0.1` loads a
 * tenth of it.
 */
import { loadEnvFile } from '../server/loadEnvFile'

loadEnvFile()

// Migrations decide the schema here: set before anything reads the configuration (src/lib/env.ts).
process.env.DB_PUSH = 'false'

const scaleArg = process.argv.slice(2).find((arg) => arg === '--scale' || arg.startsWith('--scale='))
const factor = scaleArg?.includes('=') ? Number(scaleArg.split('=')[1]) : 1
if (scaleArg && !(factor > 0 && factor <= 10)) {
  console.error('--scale= باید عددی بزرگ‌تر از صفر و حداکثر ۱۰ باشد.')
  process.exit(2)
}

const { default: config } = await import('@payload-config')
const { getPayload } = await import('payload')
const { closeDatabase, migrateDatabase } = await import('../db/lifecycle')
const { ensureSearchIndex } = await import('../db/search')
const { ensureFirstAdmin, seedDemoContent } = await import('../seed')
const { ensureTicketDepartment } = await import('../seed/ticketDepartments')
const { SCALE, seedAtScale } = await import('../seed/scale')

const payload = await getPayload({ config })
let exitCode = 0
try {
  await migrateDatabase(payload)
  await ensureSearchIndex(payload)
  await ensureFirstAdmin(payload)
  await ensureTicketDepartment(payload)
  if (scaleArg) {
    const counts = Object.fromEntries(
      Object.entries(SCALE).map(([key, n]) => [key, Math.max(1, Math.round(n * factor))]),
    ) as typeof SCALE
    const started = Date.now()
    await seedAtScale(payload, counts, (line) => payload.logger.info(`بارگذاری انبوه: ${line}`))
    payload.logger.info(`بارگذاری انبوه در ${Math.round((Date.now() - started) / 1000)} ثانیه انجام شد.`)
  } else {
    await seedDemoContent(payload, { force: true })
  }
} catch (error) {
  console.error(error)
  exitCode = 1
} finally {
  await closeDatabase(payload).catch(() => undefined)
}
process.exit(exitCode)
