import type { CollectionAfterChangeHook } from 'payload'

import type { Comment } from '../../../src/payload-types'
import { relationId } from './relations'

/**
 * A staff reply to a comment still waiting for moderation approves that comment: answering it
 * publicly only makes sense if readers can see what was answered.
 */
export const approveRepliedComment: CollectionAfterChangeHook<Comment> = async ({ doc, operation, req }) => {
  const parentId = relationId(doc.parent)
  if (operation !== 'create' || !doc.isStaffReply || doc.status !== 'approved' || parentId === null) return doc
  const parent = await req.payload.findByID({
    collection: 'comments',
    id: parentId,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (parent && parent.status === 'pending')
    await req.payload.update({
      collection: 'comments',
      id: parentId,
      data: { status: 'approved' },
      overrideAccess: true,
      req,
      depth: 0,
    })
  return doc
}
