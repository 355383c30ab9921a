/**
 * Rate limits of public writes (comments, sign-ups, tickets): one atomic counter per kind and key,
 * shared by every process of the site — in Redis with REDIS_URL, in the cluster primary for the
 * workers of one machine, in memory for a single process. README: Running several instances.
 */
export { startRateLimitPrimary } from './clusterPrimary'
export { RATE_LIMIT_RULES, type RateLimitKind } from './kinds'
export { limitersFor } from './limiters'
export { keepSpentPoints, refundSpentPoints, spendPoint } from './points'
