import crypto from 'node:crypto'

import { payloadSecret } from './secret'

/**
 * The express server writes the client's address (req.ip, which honours TRUST_PROXY) into this
 * header for every request it hands to Next, replacing whatever a client sent under that name.
 */
export const CLIENT_ADDRESS_HEADER = 'x-sarkhat-client-ip'

type HeaderSource = { get(name: string): string | null } | undefined

export function clientAddress(headers: HeaderSource): string {
  return headers?.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unknown'
}

/**
 * What we keep of an address: a keyed hash (the same on every instance, useless without the
 * secret). Enough for rate limits and for moderators to see that comments share a sender.
 */
export function clientAddressHash(headers: HeaderSource): string {
  return crypto
    .createHmac('sha256', payloadSecret())
    .update(`address:${clientAddress(headers)}`)
    .digest('hex')
    .slice(0, 32)
}
