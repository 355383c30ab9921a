import { APIError, type PayloadRequest, type Where } from 'payload'

import { isReaderUser } from '../../src/access'
import { relationId } from '../../src/lib/relationId'
import { TICKET_MESSAGES } from '../../src/lib/tickets'

export const MAX_ATTACHMENTS_PER_MESSAGE = 5

/**
 * The attachment ids a message may carry: uploaded by the same person and not yet part of
 * another message. Anything else is refused as a whole, so no message is stored half-attached.
 */
export async function claimableAttachments(req: PayloadRequest, value: unknown): Promise<(number | string)[]> {
  const ids = (Array.isArray(value) ? value : value ? [value] : [])
    .map(relationId)
    .filter((id): id is number | string => id !== null)
  if (ids.length === 0) return []
  if (ids.length > MAX_ATTACHMENTS_PER_MESSAGE) throw new APIError(TICKET_MESSAGES.tooManyAttachments, 400, null, true)
  const unique = [...new Set(ids.map(String))]
  const owner: Where = isReaderUser(req.user)
    ? { uploadedBy: { equals: req.user!.id } }
    : { uploadedByStaff: { equals: req.user?.id } }
  const { docs } = await req.payload.find({
    collection: 'ticket-attachments',
    where: { and: [{ id: { in: unique } }, owner, { message: { exists: false } }] },
    depth: 0,
    limit: MAX_ATTACHMENTS_PER_MESSAGE,
    pagination: false,
    overrideAccess: true,
    select: {},
    req,
  })
  if (docs.length !== unique.length) throw new APIError(TICKET_MESSAGES.attachmentNotYours, 400, null, true)
  return docs.map((doc) => doc.id)
}
