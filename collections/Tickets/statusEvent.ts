import type { PayloadRequest } from 'payload'

import { isReaderUser } from '../../src/access'
import type { StatusSession, TicketEvent } from '../../src/lib/tickets/statusMachine'

/**
 * The status-machine event behind a ticket operation: filing on create; on update the event a
 * message hook or the job named (`req.context.ticketEvent`), else the session's own edit of the
 * status field (a reader's, or staff's and scripts').
 */
export function ticketEventOf(req: PayloadRequest, operation: 'create' | 'update'): TicketEvent {
  if (operation === 'create') return 'file'
  return req.context.ticketEvent?.event ?? (isReaderUser(req.user) ? 'readerSetsStatus' : 'staffSetsStatus')
}

/** The signed-in account as the status machine names it in a ticket's history. */
export function statusSession(user: PayloadRequest['user']): StatusSession {
  if (!user) return null
  return isReaderUser(user) ? { reader: true } : { reader: false, name: (user as { name?: unknown }).name }
}
