import type { CollectionBeforeChangeHook } from 'payload'

import { nextTicketSequence } from '../../../src/db/ticketSequence'
import { formatTicketCode, ticketYear } from '../../../src/lib/tickets'
import type { Ticket } from '../../../src/payload-types'

/** A new ticket's tracking code: the Jalali year and the year's next number (`1405-000123`). */
export const assignTrackingCode: CollectionBeforeChangeHook<Ticket> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const year = ticketYear()
  data.code = formatTicketCode(year, await nextTicketSequence(req, year))
  return data
}
