import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { cache } from 'react'

import { safeRedirectPath } from '../lib/safeRedirect'
import type { Reader } from '../payload-types'
import { payloadClient } from './content'

/** The signed-in reader of this request (from the HttpOnly session cookie), or null. */
export const currentReader = cache(async (): Promise<Reader | null> => {
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return user?.collection === 'readers' ? (user as unknown as Reader) : null
})

/** Only same-site paths are followed after signing in (no open redirect). */
export const safeNextPath = (value: unknown, fallback = '/account'): string => safeRedirectPath(value, fallback)

/** The signed-in reader, or a redirect to the sign-in page that comes back to `path`. */
export async function requireReader(path: string): Promise<Reader> {
  const reader = await currentReader()
  if (!reader) redirect(`/account/login?next=${encodeURIComponent(path)}`)
  return reader
}
