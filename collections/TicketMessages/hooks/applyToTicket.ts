import type { CollectionAfterChangeHook } from 'payload'

import { relationId } from '../../../src/lib/relationId'
import { statusAfterReaderReply, type TicketStatus } from '../../../src/lib/tickets'
import type { Ticket, TicketMessage } from '../../../src/payload-types'

/**
 * A new message moves its ticket along: a staff answer (not an internal note) marks it answered,
 * a reader's reply puts an answered or closed ticket back in progress. Its attachments are tied
 * to it, so they cannot be reused elsewhere.
 */
export const applyToTicket: CollectionAfterChangeHook<TicketMessage> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const { payload } = req
  for (const id of (doc.attachments ?? []).map(relationId)) {
    if (id !== null)
      await payload.update({
        collection: 'ticket-attachments',
        id,
        data: { message: doc.id, ticket: relationId(doc.ticket) as number },
        overrideAccess: true,
        req,
        depth: 0,
      })
  }
  if (req.context.firstMessageOf !== undefined) return doc

  const ticketId = relationId(doc.ticket)!
  const ticket = (await payload.findByID({
    collection: 'tickets',
    id: ticketId,
    depth: 0,
    overrideAccess: true,
    req,
  })) as Ticket
  let status: TicketStatus = ticket.status
  if (doc.fromStaff && !doc.internal) status = 'answered'
  if (!doc.fromStaff) status = statusAfterReaderReply(ticket.status)
  await payload.update({
    collection: 'tickets',
    id: ticketId,
    data: { status, ...(doc.internal ? {} : { lastMessageAt: doc.createdAt }) },
    overrideAccess: true,
    req,
    depth: 0,
    context: { systemUpdate: true, statusChangedBy: doc.authorName || undefined },
  })
  return doc
}
