import { cache } from 'react'

import type { Navigation, SiteSetting } from '../payload-types'
import { isBuildPhase, payloadClient } from './content'

const buildPlaceholder = { id: 0, siteName: 'سرخط', dateDigits: 'latin' } as SiteSetting

/** The site settings global as the public site reads it (anonymous access), once per request. */
export const getSiteSettings = cache(async (): Promise<SiteSetting> => {
  if (isBuildPhase()) return buildPlaceholder
  const payload = await payloadClient()
  return payload.findGlobal({ slug: 'site-settings', depth: 1, overrideAccess: false })
})

export const getNavigation = cache(async (): Promise<Navigation['items']> => {
  if (isBuildPhase()) return []
  const payload = await payloadClient()
  const navigation = await payload.findGlobal({ slug: 'navigation', depth: 0, overrideAccess: false })
  return navigation.items ?? []
})
