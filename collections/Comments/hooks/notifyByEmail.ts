import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { moderationContent, moderationSubject, replyContent, replySubject } from '../../../src/email/comments'
import { sendInBackground } from '../../../src/email/render'
import type { Comment } from '../../../src/payload-types'
import { commentSettings } from '../submission'
import { articleOf, relationId } from './relations'

/** The address of whoever wrote `comment`: the guest's own, or the signed-in reader's account email. */
async function commenterAddress(req: PayloadRequest, comment: Comment): Promise<string | null> {
  if (comment.guestEmail) return comment.guestEmail
  const readerId = relationId(comment.reader)
  if (readerId === null) return null
  // In the create's transaction (see prepareComment: a second connection could wait for ever).
  const reader = await req.payload.findByID({
    collection: 'readers',
    id: readerId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return reader?.email ?? null
}

/**
 * New comment waiting for moderation → the moderators' address from the site settings.
 * Staff reply → the commenter answered, when they left an address (or have an account).
 */
export const notifyByEmail: CollectionAfterChangeHook<Comment> = async ({ data, doc, operation, req }) => {
  if (operation !== 'create') return doc
  const { payload } = req

  // `data` holds the stored status; `doc` went through afterRead, which shows spam as pending to non-staff.
  if (data.status === 'pending') {
    const settings = await commentSettings(req)
    const to = settings.comments?.moderatorEmail?.trim()
    const article = to ? await articleOf(payload, doc, req) : null
    if (to && article) sendInBackground(payload, to, moderationSubject(article), moderationContent(doc, article))
  }

  const parentId = relationId(doc.parent)
  if (doc.isStaffReply && doc.status === 'approved' && parentId !== null) {
    const parent = await payload.findByID({
      collection: 'comments',
      id: parentId,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    const to = parent && !parent.isStaffReply ? await commenterAddress(req, parent) : null
    const article = to ? await articleOf(payload, doc, req) : null
    if (to && parent && article)
      sendInBackground(payload, to, replySubject(article), replyContent(parent, doc, article))
  }
  return doc
}
