import type { CollectionAfterChangeHook } from 'payload'

import {
  sendTicketEmail,
  ticketClosedContent,
  ticketCreatedContent,
  ticketNewForDepartmentContent,
} from '../../../src/email/tickets'
import type { Ticket } from '../../../src/payload-types'
import { departmentAddress, requesterOf } from '../recipients'

/**
 * Filed → the reader gets the tracking code, the department hears of it.
 * Closed (by staff, by the reader, or by the idle-ticket job) → the reader is told.
 */
export const notifyTicketChange: CollectionAfterChangeHook<Ticket> = async ({ doc, previousDoc, operation, req }) => {
  const { payload } = req
  if (operation === 'create') {
    const reader = await requesterOf(req, doc)
    if (reader) sendTicketEmail(payload, reader.email, ticketCreatedContent(doc, reader.name))
    const department = await departmentAddress(req, doc)
    if (department)
      sendTicketEmail(
        payload,
        department,
        ticketNewForDepartmentContent(doc, reader?.name ?? '—', String(req.context.firstMessageBody ?? '')),
      )
    return doc
  }
  if (doc.status === 'closed' && previousDoc?.status !== 'closed') {
    const reader = await requesterOf(req, doc)
    if (reader)
      sendTicketEmail(
        payload,
        reader.email,
        ticketClosedContent(doc, reader.name, Boolean(req.context.closedAutomatically)),
      )
  }
  return doc
}
