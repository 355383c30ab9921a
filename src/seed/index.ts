import type { Payload } from 'payload'

import { migrateDatabase } from '../db/lifecycle'
import { ensureSearchIndex } from '../db/search'
import { env, type Env } from '../lib/env'
import { seedDemoContent } from './demoContent'
import { ensureFirstAdmin } from './firstAdmin'
import { ensureTicketDepartment } from './ticketDepartments'

/** Everything a fresh database needs before the server serves: schema, first admin, demo content. */
export async function prepareDatabase(payload: Payload, config: Env = env()): Promise<void> {
  await migrateDatabase(payload)
  await ensureSearchIndex(payload)
  await ensureFirstAdmin(payload, config)
  await ensureTicketDepartment(payload)
  if (!config.seedDemo) return
  try {
    await seedDemoContent(payload)
  } catch (error) {
    // Demo content is a convenience: the site serves without it, and `npm run seed` retries.
    payload.logger.error({ err: error, msg: 'بارگذاری محتوای نمایشی ناموفق بود' })
  }
}

export { ensureFirstAdmin, seedDemoContent }
