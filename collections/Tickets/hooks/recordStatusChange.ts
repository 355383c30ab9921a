import type { CollectionBeforeChangeHook } from 'payload'

import { historyBy, isTicketStatus, STATUS_STAMPS, TICKET_EVENTS } from '../../../src/lib/tickets/statusMachine'
import type { Ticket } from '../../../src/payload-types'
import { statusSession, ticketEventOf } from '../statusEvent'

/**
 * Every status change is kept in the ticket's history (when, who), and the moments readers and
 * the idle-ticket job care about are stamped, as the status machine says: answered, closed,
 * filed (the first last-message time).
 */
export const recordStatusChange: CollectionBeforeChangeHook<Ticket> = ({ data, originalDoc, operation, req }) => {
  const now = new Date().toISOString()
  const previous = operation === 'create' ? undefined : originalDoc?.status
  const status = data.status ?? previous
  // Collection hooks run before field validation: a value that is no status is the select field's to refuse.
  if (status === undefined || status === previous || !isTicketStatus(status)) return data

  const event = ticketEventOf(req, operation)
  const by = historyBy(event, statusSession(req.user), req.context.ticketEvent?.author)
  data.history = [...(originalDoc?.history ?? data.history ?? []), { status, at: now, by }]
  const stamps = STATUS_STAMPS[status]
  if (stamps.answeredAt === 'now') data.answeredAt = now
  data.closedAt = stamps.closedAt === 'now' ? now : null
  if (TICKET_EVENTS[event].lastMessageAt === 'filedAt') data.lastMessageAt = now
  return data
}
