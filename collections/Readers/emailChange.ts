import crypto from 'node:crypto'

import { type CollectionBeforeChangeHook, type Payload, ValidationError } from 'payload'

import { isReaderUser } from '../../src/access'
import {
  emailChangeNoticeContent,
  emailChangeNoticeSubject,
  emailChangeVerifyContent,
  emailChangeVerifySubject,
} from '../../src/email/emailChange'
import { sendInBackground } from '../../src/email/render'

const LINK_LIFETIME_MS = 24 * 60 * 60 * 1000
/** Only the token's hash is stored: a database read does not hand out working links. */
const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex')

type ReaderDoc = { id: number | string; email: string; name?: string; pendingEmail?: string | null }

/**
 * A reader who changes their own address keeps the old one until the new one is proven: the new
 * address is stored as pending with a link token, and `email` stays as it was. (An admin's change
 * applies at once, as does the confirmation itself, which runs without a signed-in reader.)
 */
export const holdEmailChange: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !isReaderUser(req.user) || typeof data.email !== 'string') return data
  const old = originalDoc as ReaderDoc
  const newEmail = data.email.trim().toLowerCase()
  data.email = old.email
  if (!newEmail || newEmail === old.email.toLowerCase()) return data
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(newEmail))
    throw new ValidationError({
      collection: 'readers',
      errors: [{ path: 'email', message: 'نشانی رایانامه معتبر نیست.' }],
      req,
    })
  const { totalDocs } = await req.payload.count({
    collection: 'readers',
    where: { email: { equals: newEmail } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0)
    throw new ValidationError({
      collection: 'readers',
      errors: [{ path: 'email', message: 'این نشانی رایانامه را حساب دیگری به کار می‌برد.' }],
      req,
    })
  const token = crypto.randomBytes(32).toString('hex')
  data.pendingEmail = newEmail
  data.pendingEmailToken = hashToken(token)
  data.pendingEmailExpires = new Date(Date.now() + LINK_LIFETIME_MS).toISOString()
  // Mailed from here, not awaited: the raw token exists only in this hook.
  // A save that still fails after this leaves a link that matches no account.
  sendInBackground(req.payload, newEmail, emailChangeVerifySubject, emailChangeVerifyContent(token, old.name))
  sendInBackground(req.payload, old.email, emailChangeNoticeSubject, emailChangeNoticeContent(newEmail, old.name))
  return data
}

export type EmailChangeResult = 'changed' | 'invalid' | 'taken'

/** Follows the emailed link: the pending address becomes the account's (verified) address. */
export async function confirmEmailChange(payload: Payload, token: string): Promise<EmailChangeResult> {
  if (!/^[0-9a-f]{64}$/i.test(token)) return 'invalid'
  const { docs } = await payload.find({
    collection: 'readers',
    where: {
      and: [
        { pendingEmailToken: { equals: hashToken(token.toLowerCase()) } },
        { pendingEmailExpires: { greater_than: new Date().toISOString() } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const reader = docs[0] as ReaderDoc | undefined
  if (!reader?.pendingEmail) return 'invalid'
  const { totalDocs } = await payload.count({
    collection: 'readers',
    where: { email: { equals: reader.pendingEmail } },
    overrideAccess: true,
  })
  const cleared = { pendingEmail: null, pendingEmailToken: null, pendingEmailExpires: null }
  if (totalDocs > 0) {
    await payload.update({ collection: 'readers', id: reader.id, data: cleared, overrideAccess: true })
    return 'taken'
  }
  await payload.update({
    collection: 'readers',
    id: reader.id,
    data: { ...cleared, email: reader.pendingEmail, _verified: true },
    overrideAccess: true,
  })
  return 'changed'
}
