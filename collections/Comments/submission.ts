import type { PayloadRequest } from 'payload'

import { isStaffUser } from '../../src/access'
import type { SiteSetting } from '../../src/payload-types'

/**
 * A comment from the public (a guest or a signed-in reader) through REST or GraphQL. Staff, and
 * scripts calling the Local API without a user (the seed), are trusted with every field.
 */
export const isPublicSubmission = (req: PayloadRequest) =>
  !isStaffUser(req.user) && !(req.payloadAPI === 'local' && !req.user)

/** The site settings, read once per request however many comment hooks ask. */
export async function commentSettings(req: PayloadRequest): Promise<SiteSetting> {
  const cached = req.context.commentSettings
  if (cached) return cached
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req })
  req.context.commentSettings = settings
  return settings
}
