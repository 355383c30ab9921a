import { draftMode, headers } from 'next/headers'
import { cache } from 'react'

import { isStaffUser } from '../access/roles'
import { payloadClient } from './content'

/**
 * Whether this request may see drafts: draft mode is on (set by /next/preview for staff) and
 * the visitor is still signed in as staff. A leaked or stale draft-mode cookie shows nothing.
 */
export const canSeeDrafts = cache(async (): Promise<boolean> => {
  if (!(await draftMode()).isEnabled) return false
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return isStaffUser(user)
})
