import type { PayloadRequest } from 'payload'

import { relationId } from '../../src/lib/relationId'
import type { Ticket } from '../../src/payload-types'

/**
 * The ticket being filed, when the message stored for `ticket` is the one it was filed with
 * (createFirstMessage sets `req.context.filingTicket`). That message is the requester's, never
 * internal, leaves the status alone and sends no reply email: the ticket's own hook sends the
 * filing emails.
 */
export function filingTicketOf(req: PayloadRequest, ticket: unknown): Ticket | null {
  const filing = req.context.filingTicket
  const id = relationId(ticket)
  return filing && id !== null && String(filing.id) === String(id) ? filing : null
}
