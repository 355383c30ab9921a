import type { CollectionAfterChangeHook } from 'payload'

import type { Ticket } from '../../../src/payload-types'

/** Stores the message a ticket was filed with, in the same request (and transaction) as the ticket. */
export const createFirstMessage: CollectionAfterChangeHook<Ticket> = async ({ doc, operation, req }) => {
  const first = req.context.firstMessage
  if (operation !== 'create' || !first) return doc
  req.context.firstMessage = undefined
  req.context.firstMessageBody = first.body
  await req.payload.create({
    collection: 'ticket-messages',
    data: { ticket: doc.id, body: first.body, attachments: first.attachments as number[], internal: false },
    req,
    overrideAccess: true,
    // Nothing reads the stored message back: without depth 0 its relations would be populated for nothing.
    depth: 0,
    // The ticket itself too: the message's hooks know it as the one being filed (filingTicketOf)
    // and need not read it back.
    context: { filingTicket: doc },
  })
  // The context outlives the create on this request: a later message on the ticket is no first one.
  req.context.filingTicket = undefined
  return doc
}
