import type { Payload } from 'payload'

import { env, type Env } from '../lib/env'

/**
 * On an empty `users` table, creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD.
 * Without them the admin panel shows Payload's create-first-user screen instead.
 */
export async function ensureFirstAdmin(payload: Payload, config: Env = env()): Promise<void> {
  const { email, password, name } = config.firstAdmin
  if (!email || !password) return
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return
  try {
    await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: { email, password, name, roles: ['admin'] },
    })
    payload.logger.info(`نخستین مدیر سامانه ساخته شد: ${email}`)
  } catch (error) {
    // Another instance booting at the same moment may have created it first.
    const { totalDocs: now } = await payload.count({ collection: 'users', overrideAccess: true })
    if (now === 0) throw error
  }
}
