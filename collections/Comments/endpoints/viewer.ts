import type { Endpoint } from 'payload'

import { isReaderUser, isStaffUser } from '../../../src/access'
import { isDocumentId } from '../../../src/db/ids'
import { commentSettings } from '../submission'

/**
 * GET /api/comments/viewer?article=<id> — what the comment form on a cached article page needs
 * to know about the person looking at it: signed in as a reader (and their comments on this
 * article still waiting for moderation), as staff, or a guest, and whether guests may comment.
 */
export const viewerEndpoint: Endpoint = {
  path: '/viewer',
  method: 'get',
  handler: async (req) => {
    const { payload, user } = req
    const settings = await commentSettings(req)
    const articleId = String(req.searchParams.get('article') ?? '')
    let viewer: { kind: 'reader' | 'staff'; name: string } | null = null
    let pending: unknown[] = []

    if (isStaffUser(user)) viewer = { kind: 'staff', name: settings.comments?.staffName?.trim() || settings.siteName }
    else if (isReaderUser(user) && user) {
      viewer = { kind: 'reader', name: String((user as { name?: string }).name ?? '') }
      if (isDocumentId(articleId)) {
        const own = await payload.find({
          collection: 'comments',
          where: {
            and: [
              { article: { equals: articleId } },
              { reader: { equals: user.id } },
              { status: { in: ['pending', 'spam'] } },
            ],
          },
          select: { body: true, authorName: true, parent: true, depth: true, status: true, createdAt: true },
          sort: 'createdAt',
          depth: 0,
          limit: 50,
          // The where clause limits it to the reader's own comments (a reader cannot query `reader` itself).
          overrideAccess: true,
          req,
        })
        pending = own.docs
      }
    }
    return Response.json(
      { viewer, guestsAllowed: settings.comments?.allowGuests !== false, pending },
      { headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
}
