import type { CollectionAfterChangeHook } from 'payload'

import { readerReplyContent, sendTicketEmail, staffReplyContent } from '../../../src/email/tickets'
import { relationId } from '../../../src/lib/relationId'
import { messageEvent, TICKET_EVENTS } from '../../../src/lib/tickets/statusMachine'
import type { Ticket, TicketMessage } from '../../../src/payload-types'
import { assigneeAddress, departmentAddress, requesterOf } from '../../Tickets/recipients'
import { filingTicketOf } from '../filing'

/**
 * A staff answer → the reader. A reader's reply → the department and the assigned staff member.
 * Internal notes and the message a ticket was filed with send nothing here.
 */
export const notifyMessage: CollectionAfterChangeHook<TicketMessage> = async ({ doc, operation, req }) => {
  if (operation !== 'create' || filingTicketOf(req, doc.ticket)) return doc
  const email = TICKET_EVENTS[messageEvent(doc)].messageEmail
  if (!email) return doc
  const ticket = (await req.payload.findByID({
    collection: 'tickets',
    id: relationId(doc.ticket)!,
    depth: 0,
    overrideAccess: true,
    req,
  })) as Ticket
  if (email === 'staffReply') {
    const reader = await requesterOf(req, ticket)
    if (reader) sendTicketEmail(req.payload, reader.email, staffReplyContent(ticket, reader.name, doc))
    return doc
  }
  const addresses = [await departmentAddress(req, ticket), await assigneeAddress(req, ticket)].filter(
    (a): a is string => Boolean(a),
  )
  for (const to of new Set(addresses)) sendTicketEmail(req.payload, to, readerReplyContent(ticket, doc))
  return doc
}
