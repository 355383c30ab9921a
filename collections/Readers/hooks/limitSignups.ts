import type { CollectionBeforeChangeHook } from 'payload'

import { isStaffUser } from '../../../src/access'
import { clientAddressHash } from '../../../src/lib/clientAddress'
import { spendPoint } from '../../../src/rateLimits'

export const SIGNUP_RATE_LIMITED =
  'از این نشانی در یک ساعت بیش از حد مجاز حساب ساخته شده است؛ کمی بعد دوباره تلاش کنید.'

/**
 * Public registrations are counted per client address (kept only as a keyed hash) and limited
 * (READER_SIGNUP_RATE_LIMIT_PER_HOUR, 0: off). A failed attempt keeps its point: refunding
 * «already registered» would let one address test email after email for free.
 */
export const limitSignups: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || req.payloadAPI === 'local' || isStaffUser(req.user)) return data
  data.signupAddressHash = clientAddressHash(req.headers)
  await spendPoint(req, 'signup', data.signupAddressHash, { refusal: SIGNUP_RATE_LIMITED, refundable: false })
  return data
}
