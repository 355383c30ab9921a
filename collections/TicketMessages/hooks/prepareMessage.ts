import { APIError, type CollectionBeforeValidateHook, NotFound, ValidationError } from 'payload'

import { isReaderUser, isSupportUser } from '../../../src/access'
import { isDocumentId } from '../../../src/db/ids'
import { relationId } from '../../../src/lib/relationId'
import { TICKET_MESSAGES } from '../../../src/lib/tickets'
import { decideStatus, needsReopenWindow } from '../../../src/lib/tickets/statusMachine'
import type { Ticket, TicketMessage } from '../../../src/payload-types'
import { claimableAttachments } from '../../TicketAttachments/claim'
import { selfIfReader } from '../../Tickets/recipients'
import { ticketSettings } from '../../Tickets/settings'
import { filingTicketOf } from '../filing'

/**
 * Who wrote a message comes from the session, never from the body. A reader writes only on their
 * own tickets (anyone else's answers 404) and never an internal note; a closed ticket takes a
 * reader's reply only within the reopening window.
 */
export const prepareMessage: CollectionBeforeValidateHook<TicketMessage> = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const { user } = req
  const ticketId = relationId(data.ticket)
  const filing = filingTicketOf(req, ticketId)
  const ticket =
    ticketId === null || !isDocumentId(String(ticketId))
      ? null
      : (filing ??
        ((await req.payload.findByID({
          collection: 'tickets',
          id: ticketId,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          req,
        })) as Ticket | null))
  if (!ticket) throw new NotFound(req.t)

  data.requester = relationId(ticket.requester) as number
  if (filing) {
    // The ticket's own hook checked the attachments; the author is the requester.
    data.fromStaff = false
    data.internal = false
    data.authorReader = data.requester
    data.authorName = await readerName(req, data.requester)
    return data
  }

  if (isReaderUser(user)) {
    if (String(ticket.requester) !== String(user!.id)) throw new NotFound(req.t)
    // A closed ticket takes a reply only within the reopening window (the settings are read only then).
    const reopenDays = needsReopenWindow('readerReply', ticket.status)
      ? (await ticketSettings(req)).reopenDays
      : undefined
    const decision = decideStatus('readerReply', ticket.status, { closedAt: ticket.closedAt, reopenDays })
    if (decision && 'refused' in decision)
      throw new APIError(decision.refused.message, decision.refused.httpStatus, null, true)
    data.internal = false
    data.fromStaff = false
    data.authorReader = user!.id as number
    data.authorStaff = null
    data.authorName = String((user as { name?: string }).name ?? '')
  } else if (isSupportUser(user)) {
    data.fromStaff = true
    data.internal = Boolean(data.internal)
    data.authorStaff = user!.id as number
    data.authorReader = null
    data.authorName = String((user as { name?: string }).name ?? 'پشتیبانی')
  } else {
    throw new APIError(TICKET_MESSAGES.editorsHaveNoTickets, 403, null, true)
  }
  data.body = typeof data.body === 'string' ? data.body.trim() : ''
  if (!data.body)
    throw new ValidationError({
      collection: 'ticket-messages',
      errors: [{ path: 'body', message: TICKET_MESSAGES.messageRequired }],
      req,
    })
  data.attachments = (await claimableAttachments(req, data.attachments)) as number[]
  return data
}

async function readerName(req: Parameters<CollectionBeforeValidateHook>[0]['req'], id: number | string) {
  const self = selfIfReader(req, id)
  if (self) return self.name
  const reader = await req.payload.findByID({
    collection: 'readers',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { name: true },
  })
  return reader?.name ?? ''
}
