import { APIError, type CollectionBeforeValidateHook, type PayloadRequest, ValidationError } from 'payload'

import { hasRole, isReaderUser, isStaffUser } from '../../../src/access'
import { isDocumentId } from '../../../src/db/ids'
import { cleanCommentBody, cleanCommenterName, MAX_REPLY_DEPTH } from '../../../src/lib/comments'
import { COMMENT_MESSAGES } from '../messages'
import { commentSettings, isPublicSubmission } from '../submission'
import { relationId } from './relations'

/** Fields only the server sets on a public submission, whatever the request body says. */
const SERVER_FIELDS = [
  'status',
  'reader',
  'staffAuthor',
  'isStaffReply',
  'authorName',
  'depth',
  'ipHash',
  'userAgent',
  'spamReason',
  'fingerprint',
] as const

const idOf = (value: unknown): string | null => {
  const id = relationId(value)
  return id === null ? null : String(id)
}

// With `req`: inside the create's transaction. A query beside it would wait for a second pool
// connection, and with the pool taken by such transactions every one of them waits for ever (seen
// on PostgreSQL at 32 concurrent comments with a pool of 10).
// Only the fields the checks read: an article's body and search words are large.
const LOOKUP_FIELDS = {
  articles: { _status: true, allowComments: true },
  comments: { status: true, depth: true, parent: true, article: true },
} as const

async function findById(req: PayloadRequest, collection: 'articles' | 'comments', id: string | null) {
  if (!id || !isDocumentId(id)) return null
  const result = await req.payload.find({
    collection,
    where: { id: { equals: id } },
    select: LOOKUP_FIELDS[collection],
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
  })
  return (result.docs[0] as unknown as Record<string, unknown> | undefined) ?? null
}

const invalid = (path: string, message: string) =>
  new ValidationError({ collection: 'comments', errors: [{ path, message }] })

/**
 * Runs first on every new comment: decides who is speaking (staff, a signed-in reader or a guest),
 * checks that the article takes comments and that the parent belongs to it, places the reply in
 * the thread, and cleans the text. Anything the client sent for server-owned fields is dropped.
 */
export const prepareComment: CollectionBeforeValidateHook = async ({ data, req, operation }) => {
  if (operation !== 'create' || !data) return data
  const { user } = req
  const staff = isStaffUser(user)
  const trustedLocalCall = req.payloadAPI === 'local' && !user
  const publicSubmission = isPublicSubmission(req)

  // Support staff read comments; answering in the site's name is the editors' job.
  if (staff && !hasRole(user, 'admin', 'editor'))
    throw new APIError(COMMENT_MESSAGES.staffReplyEditorsOnly, 403, null, true)

  if (publicSubmission) {
    // The form's hidden honeypot: people leave it empty, form-filling robots do not.
    if (typeof data.website === 'string' && data.website.trim()) req.context.commentHoneypot = true
    for (const field of SERVER_FIELDS) delete data[field]
  }
  delete data.website

  if (typeof data.body === 'string') data.body = cleanCommentBody(data.body)

  // The thread: a reply inherits its article from the parent and sits at most MAX_REPLY_DEPTH deep.
  let parent = data.parent ? await findById(req, 'comments', idOf(data.parent)) : null
  if (data.parent && !parent) throw invalid('parent', COMMENT_MESSAGES.parentNotFound)
  if (parent && publicSubmission && parent.status !== 'approved')
    throw invalid('parent', COMMENT_MESSAGES.parentNotFound)
  if (parent && Number(parent.depth ?? 0) >= MAX_REPLY_DEPTH) {
    // Too deep: the reply joins its parent's siblings instead of nesting further.
    parent = parent.parent ? await findById(req, 'comments', idOf(parent.parent)) : parent
  }
  const articleId = idOf(data.article) ?? (parent ? idOf(parent.article) : null)
  const article = await findById(req, 'articles', articleId)
  if (!article || (publicSubmission && article._status !== 'published'))
    throw invalid('article', COMMENT_MESSAGES.articleNotFound)
  if (parent && idOf(parent.article) !== String(article.id)) throw invalid('parent', COMMENT_MESSAGES.parentNotFound)
  if (publicSubmission && article.allowComments === false)
    throw new APIError(COMMENT_MESSAGES.commentsClosed, 403, null, true)

  data.article = article.id
  data.parent = parent ? parent.id : null
  data.depth = parent ? Math.min(Number(parent.depth ?? 0) + 1, MAX_REPLY_DEPTH) : 0

  if (staff) {
    const settings = await commentSettings(req)
    data.isStaffReply = true
    data.staffAuthor = user!.id
    data.reader = null
    data.authorName = settings.comments?.staffName?.trim() || settings.siteName
    return data
  }

  if (isReaderUser(user) && user) {
    data.reader = user.id
    data.authorName = cleanCommenterName(String((user as { name?: string }).name ?? '')) || 'خواننده'
    delete data.guestName
    delete data.guestEmail
    return data
  }

  // Seeds and scripts (Local API, no user) may give the whole record, e.g. a reader's comment.
  if (trustedLocalCall && data.authorName) return data

  if (publicSubmission) {
    const settings = await commentSettings(req)
    if (settings.comments?.allowGuests === false) throw new APIError(COMMENT_MESSAGES.signInRequired, 403, null, true)
  }
  data.guestName = typeof data.guestName === 'string' ? cleanCommenterName(data.guestName) : ''
  if (!data.guestName) throw invalid('guestName', COMMENT_MESSAGES.nameRequired)
  data.guestEmail =
    typeof data.guestEmail === 'string' && data.guestEmail.trim() ? data.guestEmail.trim().toLowerCase() : null
  data.authorName ??= data.guestName
  return data
}
