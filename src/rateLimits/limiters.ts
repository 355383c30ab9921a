import cluster from 'node:cluster'

import {
  RateLimiterCluster,
  RateLimiterMemory,
  type RateLimiterAbstract,
  RateLimiterRedis,
} from 'rate-limiter-flexible'

import { redis } from '../server/redis'
import { keyPrefixOf, RATE_LIMIT_RULES, type RateLimitKind } from './kinds'

/**
 * The counters of one kind: `shared` is what every process of the site agrees on; `local` counts
 * in this process alone and stands in when the shared store cannot answer.
 */
export type Limiters = { shared: RateLimiterAbstract; local: RateLimiterMemory; store: 'redis' | 'cluster' | 'memory' }

// Shared through globalThis: the express bundle and Next's server bundles each hold a copy of this
// module, and two counters for one kind in one process would each allow the full limit.
const SHARED = Symbol.for('sarkhat.rateLimiters')
const shared = globalThis as { [SHARED]?: Partial<Record<RateLimitKind, Limiters | null>> }

/** This process's counters for `kind`, built on first use; null when its limit is off. */
export function limitersFor(kind: RateLimitKind): Limiters | null {
  const built = (shared[SHARED] ??= {})
  if (!(kind in built)) built[kind] = build(kind)
  return built[kind] ?? null
}

function build(kind: RateLimitKind): Limiters | null {
  const { limit, windowSeconds } = RATE_LIMIT_RULES[kind]
  const points = limit()
  if (!(points > 0)) return null
  // A fixed window: it opens with the first point spent and closes `duration` seconds later.
  const options = { keyPrefix: keyPrefixOf(kind), points, duration: windowSeconds }
  const local = new RateLimiterMemory(options)
  const client = redis()
  if (client)
    return {
      // Redis counts atomically for every instance (one script: set-if-absent with expiry, then
      // increment). If Redis is down, the insurance limiter counts in this process's memory, so
      // the limit then holds per process, not per site, until Redis answers again.
      shared: new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: local }),
      local,
      store: 'redis',
    }
  // Workers of one Node cluster (WEB_CONCURRENCY > 1) ask the primary, which keeps the counters
  // (startRateLimitPrimary); a single process counts in its own memory.
  if (cluster.isWorker)
    return { shared: new RateLimiterCluster({ ...options, timeoutMs: 3000 }), local, store: 'cluster' }
  return { shared: local, local, store: 'memory' }
}
