import type { CollectionAfterErrorHook } from 'payload'

import { isReaderUser } from '../../../src/access'
import { TICKET_MESSAGES } from '../../../src/lib/tickets'

/**
 * A reader's change to someone else's ticket answers like a missing one. Payload says 403 there
 * (the reader's access is a filter that does not match), unlike the 404 of reading it.
 */
export const hideOthersTickets: CollectionAfterErrorHook = ({ error, req }) => {
  if (req.method === 'PATCH' && isReaderUser(req.user) && (error as { status?: number }).status === 403)
    return { status: 404, response: { errors: [{ message: TICKET_MESSAGES.notFound }] } }
}
