import { env } from '../lib/env'

/** What is limited: each kind has its own counter, window and variable (0 turns it off). */
export type RateLimitKind = 'comment' | 'signup' | 'ticket' | 'loginAddress' | 'loginAccount'

export type RateLimitRule = {
  /** Allowed per window; 0 (or not a number) turns the limit off. */
  limit: () => number
  windowSeconds: number
}

export const RATE_LIMIT_RULES: Record<RateLimitKind, RateLimitRule> = {
  // COMMENT_RATE_LIMIT_PER_MINUTE, per client address.
  comment: { limit: () => env().commentRateLimitPerMinute, windowSeconds: 60 },
  // READER_SIGNUP_RATE_LIMIT_PER_HOUR, per client address.
  signup: { limit: () => env().readerSignupRateLimitPerHour, windowSeconds: 60 * 60 },
  // TICKET_RATE_LIMIT_PER_HOUR, per reader.
  ticket: { limit: () => env().ticketRateLimitPerHour, windowSeconds: 60 * 60 },
  // LOGIN_FAILURES_PER_ADDRESS, per client address (a success gives its point back).
  loginAddress: { limit: () => env().loginFailuresPerAddress, windowSeconds: 15 * 60 },
  // LOGIN_FAILURES_PER_ACCOUNT_ADDRESS, per account and client address (a success clears it).
  loginAccount: { limit: () => env().loginFailuresPerAccountAddress, windowSeconds: 15 * 60 },
}

/** The counter's name in Redis and in the cluster primary; one prefix per kind. */
export const keyPrefixOf = (kind: RateLimitKind) => `sarkhat:rl:${kind}`
