import crypto from 'node:crypto'

import { APIError, type CollectionBeforeChangeHook, type Where } from 'payload'

import { blocklistMatches, comparableText, DUPLICATE_WINDOW_MS } from '../../../src/lib/comments'
import { clientAddressHash } from '../../../src/lib/clientAddress'
import { spendPoint } from '../../../src/rateLimits'
import { COMMENT_MESSAGES } from '../messages'
import { commentSettings, isPublicSubmission } from '../submission'

/**
 * The checks a public submission passes before it is stored, and the status it gets:
 * per-address rate limit (src/rateLimits) and duplicate rejection (answered with an error, nothing stored);
 * honeypot and blocklist hits stored as spam (the sender is not told, moderators can rescue
 * a false positive); returning readers approved when the site allows it; the rest pending.
 */
export const screenSubmission: CollectionBeforeChangeHook = async ({ data, req, operation }) => {
  if (operation !== 'create' || !isPublicSubmission(req)) return data
  const { payload } = req
  const since = new Date(Date.now() - DUPLICATE_WINDOW_MS).toISOString()

  data.ipHash = clientAddressHash(req.headers)
  data.userAgent = (req.headers.get('user-agent') ?? '').slice(0, 300) || null

  // Spent before anything is stored, given back if the comment fails after all (refundSpentPoints).
  await spendPoint(req, 'comment', data.ipHash, { refusal: COMMENT_MESSAGES.rateLimited })

  const sender: Where = data.reader
    ? { reader: { equals: data.reader } }
    : { and: [{ ipHash: { equals: data.ipHash } }, { guestName: { equals: data.guestName } }] }
  const recent = await payload.find({
    collection: 'comments',
    where: { and: [{ article: { equals: data.article } }, sender, { createdAt: { greater_than: since } }] },
    select: { body: true },
    depth: 0,
    limit: 20,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const text = comparableText(String(data.body ?? ''))
  if (recent.docs.some((doc) => comparableText(String(doc.body ?? '')) === text))
    throw new APIError(COMMENT_MESSAGES.duplicate, 409, null, true)
  // Two identical requests racing past the query above collide on this unique value instead.
  const identity = data.reader ? `reader:${data.reader}` : `guest:${data.ipHash}:${data.guestName}`
  const minute = Math.floor(Date.now() / DUPLICATE_WINDOW_MS)
  data.fingerprint = crypto.createHash('sha256').update(`${data.article}|${identity}|${text}|${minute}`).digest('hex')

  const settings = await commentSettings(req)
  const blocked = blocklistMatches(
    `${data.guestName ?? ''}\n${data.guestEmail ?? ''}\n${data.body ?? ''}`,
    settings.comments?.blocklist,
  )
  if (req.context.commentHoneypot) {
    data.status = 'spam'
    data.spamReason = 'فیلد پنهان فرم (تله ربات) پر شده بود.'
  } else if (blocked.length > 0) {
    data.status = 'spam'
    data.spamReason = `در فهرست ممنوع: ${blocked.join('، ')}`
  } else if (data.reader && settings.comments?.autoApproveReturning) {
    const { totalDocs } = await payload.count({
      collection: 'comments',
      where: { and: [{ reader: { equals: data.reader } }, { status: { equals: 'approved' } }] },
      overrideAccess: true,
      req,
    })
    data.status = totalDocs > 0 ? 'approved' : 'pending'
  } else {
    data.status = 'pending'
  }
  return data
}
