import type { PayloadRequest } from 'payload'

export type TicketSettings = { reopenDays: number; autoCloseDays: number }

/** The ticket rules of the site settings, read once per request. */
export async function ticketSettings(req: PayloadRequest): Promise<TicketSettings> {
  const cached = req.context.ticketSettings
  if (cached) return cached
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req, overrideAccess: true })
  const result = { reopenDays: settings.tickets?.reopenDays ?? 7, autoCloseDays: settings.tickets?.autoCloseDays ?? 7 }
  req.context.ticketSettings = result
  return result
}
