import type { CollectionAfterChangeHook } from 'payload'

import { relationId } from '../../../src/lib/relationId'
import { decideStatus, messageEvent, TICKET_EVENTS } from '../../../src/lib/tickets/statusMachine'
import type { Ticket, TicketMessage } from '../../../src/payload-types'
import { filingTicketOf } from '../filing'

/**
 * A new message moves its ticket as the status machine says (a staff answer, an internal note or
 * the reader's reply), and stamps its last-message time when it counts as one. Its attachments
 * are tied to it, so they cannot be reused elsewhere.
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
  // The message a ticket is filed with is part of filing it.
  if (filingTicketOf(req, doc.ticket)) return doc

  const ticketId = relationId(doc.ticket)!
  const ticket = (await payload.findByID({
    collection: 'tickets',
    id: ticketId,
    depth: 0,
    overrideAccess: true,
    req,
  })) as Ticket
  const event = messageEvent(doc)
  // prepareMessage already judged a reply to a closed ticket: no reopening days here, nothing refused.
  const decision = decideStatus(event, ticket.status)
  const status = decision && 'to' in decision ? decision.to : ticket.status
  const stampsLastMessage = TICKET_EVENTS[event].lastMessageAt === 'messageTime'
  // Updated even when nothing changes (an internal note): the ticket rises in the staff's queue.
  await payload.update({
    collection: 'tickets',
    id: ticketId,
    data: { status, ...(stampsLastMessage ? { lastMessageAt: doc.createdAt } : {}) },
    overrideAccess: true,
    req,
    depth: 0,
    context: { ticketEvent: { event, author: doc.authorName || undefined } },
  })
  return doc
}
