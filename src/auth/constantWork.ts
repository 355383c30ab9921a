import crypto from 'node:crypto'

import type { CollectionSlug, PayloadRequest } from 'payload'

// Payload 3.90's password hash (pbkdf2-sha256-v1): the work a known account's login costs.
const HASH_ITERATIONS = 600_000
const HASH_KEY_LENGTH = 32
const DUMMY_SALT = crypto.randomBytes(32).toString('hex')

/** The same password hash a known account's login computes, against a salt no account has. */
export const hashAgainstDummySalt = (password: string): Promise<void> =>
  new Promise((resolve) =>
    crypto.pbkdf2(password, DUMMY_SALT, HASH_ITERATIONS, HASH_KEY_LENGTH, 'sha256', () => resolve()),
  )

export const normalisedEmail = (email: unknown) => (typeof email === 'string' ? email.toLowerCase().trim() : '')

/** Whether an account with this email exists (one indexed look-up, the same for every email). */
export async function accountExists(req: PayloadRequest, collection: CollectionSlug, email: string): Promise<boolean> {
  if (!email) return false
  const found = await req.payload.db.findOne({ collection, where: { email: { equals: email } }, req })
  return Boolean(found)
}
