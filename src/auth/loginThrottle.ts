import crypto from 'node:crypto'

import type { CollectionAfterLoginHook, PayloadRequest } from 'payload'

import { CLIENT_ADDRESS_HEADER, clientAddressHash } from '../lib/clientAddress'
import { limitersFor, spendPoint } from '../rateLimits'

export const LOGIN_THROTTLED = 'تلاش‌های ناموفق ورود از این نشانی بیش از حد مجاز است؛ چند دقیقه بعد دوباره تلاش کنید.'

type Keys = { address: string; account: string }

/**
 * The throttle's counters for this login: the client address, and the account from that address.
 * Null for logins of our own code (the Local API without a request from express), which no
 * remote sender can reach: express writes the address header on every request it serves.
 */
function keysOf(req: PayloadRequest, collection: string, email: unknown): Keys | null {
  if (!req.headers?.get(CLIENT_ADDRESS_HEADER)) return null
  const address = clientAddressHash(req.headers)
  const normalised = typeof email === 'string' ? email.toLowerCase().trim() : ''
  const account = crypto
    .createHash('sha256')
    .update(`${collection}|${normalised}|${address}`)
    .digest('hex')
    .slice(0, 32)
  return { address, account }
}

/**
 * Spends a point per login attempt, per address and per (account, address), before Payload reads
 * the account, so a sender past the limit gets 429 and never touches the account's own counter
 * (maxLoginAttempts): one address cannot lock a staff member out. A success gives the points back
 * (afterLogin), so only failures count.
 */
export async function throttleLogin(req: PayloadRequest, collection: string, email: unknown): Promise<void> {
  const keys = keysOf(req, collection, email)
  if (!keys) return
  const options = { refusal: LOGIN_THROTTLED, refundable: false }
  await spendPoint(req, 'loginAddress', keys.address, options)
  await spendPoint(req, 'loginAccount', keys.account, options)
  req.context.loginThrottleKeys = keys
}

/** A successful login: the address's point comes back and the account's count starts over. */
export const forgiveSuccessfulLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const keys = req.context.loginThrottleKeys as Keys | undefined
  if (!keys) return user
  await Promise.all([
    limitersFor('loginAddress')?.shared.reward(keys.address, 1),
    limitersFor('loginAccount')?.shared.delete(keys.account),
  ]).catch((error: unknown) => req.payload.logger.warn(`بازگرداندن امتیاز ورود ممکن نشد: ${String(error)}`))
  return user
}
