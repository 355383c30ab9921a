import type { TicketStatus } from './labels'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Where a ticket goes when its reader writes again: an answered or closed ticket is back in
 * progress; a new one stays new until staff pick it up.
 */
export function statusAfterReaderReply(status: TicketStatus): TicketStatus {
  return status === 'new' ? 'new' : 'in_progress'
}

/** A closed ticket takes a reader's reply (and reopens) only within `reopenDays` of closing. */
export function canReopen(closedAt: string | Date | null | undefined, reopenDays: number, now = Date.now()): boolean {
  if (!closedAt) return true
  return now - new Date(closedAt).getTime() <= reopenDays * DAY_MS
}

/** Answered tickets with no reply for `days` are closed by the idle-ticket job. */
export const idleCutoff = (days: number, now = Date.now()): Date => new Date(now - days * DAY_MS)
