import cluster from 'node:cluster'

import { RateLimiterClusterMaster } from 'rate-limiter-flexible'

/**
 * Keeps the rate-limit counters of a Node cluster without Redis: workers' RateLimiterCluster
 * limiters send every point to the primary over IPC, where one in-memory counter per kind answers
 * all of them. Call in the primary (src/server/primary.ts) before forking the workers; calling it
 * again does nothing. Not needed with REDIS_URL (the counters are in Redis then), but harmless.
 */
export function startRateLimitPrimary(): void {
  if (!cluster.isPrimary) throw new Error('startRateLimitPrimary فقط در فرایند اصلی (primary) خوشه اجرا می‌شود.')
  // The library keeps one instance per process: a second `new` returns the first.
  new RateLimiterClusterMaster()
}
