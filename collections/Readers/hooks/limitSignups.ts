import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { isStaffUser } from '../../../src/access'
import { clientAddressHash } from '../../../src/lib/clientAddress'
import { env } from '../../../src/lib/env'

/** Registrations one client address may make in an hour (READER_SIGNUP_RATE_LIMIT_PER_HOUR, 0: off). */
const signupLimit = () => env().readerSignupRateLimitPerHour

/** Public registrations are counted per client address (kept only as a keyed hash) and limited. */
export const limitSignups: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || req.payloadAPI === 'local' || isStaffUser(req.user)) return data
  data.signupAddressHash = clientAddressHash(req.headers)
  const limit = signupLimit()
  if (limit <= 0) return data
  const { totalDocs } = await req.payload.count({
    collection: 'readers',
    where: {
      and: [
        { signupAddressHash: { equals: data.signupAddressHash } },
        { createdAt: { greater_than: new Date(Date.now() - 60 * 60 * 1000).toISOString() } },
      ],
    },
    overrideAccess: true,
    req,
  })
  if (totalDocs >= limit)
    throw new APIError(
      'از این نشانی در یک ساعت بیش از حد مجاز حساب ساخته شده است؛ کمی بعد دوباره تلاش کنید.',
      429,
      null,
      true,
    )
  return data
}
