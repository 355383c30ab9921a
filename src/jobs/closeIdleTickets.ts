import type { TaskConfig } from 'payload'

import { env } from '../lib/env'
import { AUTO_CLOSE, idleCutoff } from '../lib/tickets/statusMachine'
import { bringWaitingJobForward } from './bringWaitingJobForward'

const SLUG = 'closeIdleTickets'
/**
 * Closes tickets that were answered and then heard nothing for the site settings' number of
 * days (the status machine's AUTO_CLOSE: answered → closed, in its own email's words).
 * Idempotent (it only touches tickets still answered and idle), so two instances running the
 * schedule at once close each ticket once.
 */
export const closeIdleTicketsTask: TaskConfig<'closeIdleTickets'> = {
  slug: SLUG,
  label: 'بستن خودکار درخواست‌های پاسخ‌داده و بی‌پیام',
  schedule: [
    {
      cron: env().ticketAutoCloseCron,
      queue: 'default',
      hooks: { beforeSchedule: bringWaitingJobForward(SLUG) },
    },
  ],
  outputSchema: [{ name: 'closed', type: 'number' }],
  handler: async ({ req }) => {
    const { payload } = req
    const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, req, overrideAccess: true })
    const days = settings.tickets?.autoCloseDays ?? 7
    const cutoff = idleCutoff(days).toISOString()
    const { docs } = await payload.find({
      collection: 'tickets',
      where: { and: [{ status: { equals: AUTO_CLOSE.from } }, { lastMessageAt: { less_than_equal: cutoff } }] },
      depth: 0,
      limit: 200,
      pagination: false,
      overrideAccess: true,
      select: { status: true },
      req,
    })
    let closed = 0
    for (const { id } of docs) {
      const result = await payload.update({
        collection: 'tickets',
        where: { and: [{ id: { equals: id } }, { status: { equals: AUTO_CLOSE.from } }] },
        data: { status: AUTO_CLOSE.to },
        overrideAccess: true,
        depth: 0,
        req,
        context: { ticketEvent: { event: 'autoClose' } },
      })
      closed += result.docs.length
    }
    if (closed) payload.logger.info(`${closed} درخواست پاسخ‌داده و بی‌پیام خودکار بسته شد.`)
    return { output: { closed } }
  },
}
