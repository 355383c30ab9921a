import type { CollectionAfterChangeHook } from 'payload'

import {
  sendTicketEmail,
  ticketClosedContent,
  ticketCreatedContent,
  ticketNewForDepartmentContent,
} from '../../../src/email/tickets'
import { ticketEmail } from '../../../src/lib/tickets/statusMachine'
import type { Ticket } from '../../../src/payload-types'
import { departmentAddress, requesterOf } from '../recipients'
import { ticketEventOf } from '../statusEvent'

/**
 * The ticket's own emails, as the status machine says. Filed → the reader gets the tracking code,
 * the department hears of it. Closed (by staff, by the reader, or by the idle-ticket job, in its
 * own words) → the reader is told.
 */
export const notifyTicketChange: CollectionAfterChangeHook<Ticket> = async ({ doc, previousDoc, operation, req }) => {
  const { payload } = req
  const email = ticketEmail(
    ticketEventOf(req, operation),
    operation === 'create' ? null : previousDoc?.status,
    doc.status,
  )
  if (email === 'filed') {
    const reader = await requesterOf(req, doc)
    if (reader) sendTicketEmail(payload, reader.email, ticketCreatedContent(doc, reader.name))
    const department = await departmentAddress(req, doc)
    if (department)
      sendTicketEmail(
        payload,
        department,
        ticketNewForDepartmentContent(doc, reader?.name ?? '—', req.context.firstMessageBody ?? ''),
      )
    return doc
  }
  if (email === 'closed' || email === 'closedAutomatically') {
    const reader = await requesterOf(req, doc)
    if (reader)
      sendTicketEmail(payload, reader.email, ticketClosedContent(doc, reader.name, email === 'closedAutomatically'))
  }
  return doc
}
