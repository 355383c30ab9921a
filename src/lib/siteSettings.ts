import config from '@payload-config'
import { getPayload } from 'payload'

import type { SiteSetting } from '../payload-types'

/** The site settings global as the public site reads it (anonymous access). */
export async function getSiteSettings(): Promise<SiteSetting> {
  const payload = await getPayload({ config })
  return payload.findGlobal({ slug: 'site-settings', depth: 0 })
}
