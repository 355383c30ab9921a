import { env } from '../../src/lib/env'

/** Tickets one reader may file in an hour (TICKET_RATE_LIMIT_PER_HOUR, 0 turns the limit off). */
export const ticketRateLimitPerHour = () => env().ticketRateLimitPerHour
