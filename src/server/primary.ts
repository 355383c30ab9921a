import cluster, { type Worker } from 'node:cluster'

import { startRateLimitPrimary } from '../rateLimits/clusterPrimary'
import { relayInvalidationsBetweenWorkers } from './invalidation'

/** What a worker tells the primary once it serves (src/server.ts). */
export const WORKER_READY = 'sarkhat:ready'

type Options = {
  count: number
  /** Where the workers listen, for the ready line. */
  origin: string
  /** REDIS_URL is set: workers agree through Redis, the primary relays nothing. */
  redis: boolean
  /** SHUTDOWN_GRACE_MS: how long workers get to finish after SIGTERM. */
  graceMs: number
}

const log = (line: string) => console.log(`[سرخط] ${line}`)

/**
 * The primary process of WEB_CONCURRENCY workers on one port (node:cluster). It loads neither
 * Payload nor Next. The first worker starts alone, since it migrates and seeds the database; the
 * others follow once it serves. Only the first may run jobs (JOBS_RUNNER); the others are web-only.
 * A worker that dies after starting is replaced; one that dies while the group starts ends the
 * group (a broken configuration would otherwise restart forever). SIGTERM/SIGINT go to every
 * worker, which drain and exit; the primary exits after them.
 */
export async function superviseWorkers({ count, origin, redis, graceMs }: Options): Promise<void> {
  // Without Redis the workers agree through this process: page invalidations and rate limits.
  if (!redis) relayInvalidationsBetweenWorkers()
  startRateLimitPrimary()

  let stopping = false
  let starting = true
  const slots = new Map<number, number>() // worker id → slot
  const restartDelay = new Map<number, number>() // slot → ms

  const fork = (slot: number): Promise<Worker> => {
    const worker = cluster.fork({
      SARKHAT_WORKER_SLOT: String(slot),
      ...(slot > 0 ? { JOBS_RUNNER: 'false' } : {}),
    })
    slots.set(worker.id, slot)
    return new Promise((resolve, reject) => {
      worker.on('message', (message: { type?: string }) => {
        if (message?.type !== WORKER_READY) return
        restartDelay.delete(slot)
        resolve(worker)
      })
      worker.once('exit', (code, signal) =>
        reject(new Error(`فرایند ${slot + 1} پیش از آماده شدن بسته شد (${signal ?? code}).`)),
      )
    })
  }

  cluster.on('exit', (worker, code, signal) => {
    const slot = slots.get(worker.id)
    slots.delete(worker.id)
    if (stopping || starting || slot === undefined) return
    const delay = Math.min((restartDelay.get(slot) ?? 500) * 2, 30_000)
    restartDelay.set(slot, delay)
    log(`فرایند ${slot + 1} بسته شد (${signal ?? code})؛ ${delay} میلی‌ثانیه بعد دوباره راه می‌افتد.`)
    setTimeout(() => {
      if (!stopping) fork(slot).catch((error: Error) => log(error.message))
    }, delay)
  })

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log(`${signal} دریافت شد؛ فرایندها بسته می‌شوند…`)
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w)
    if (workers.length === 0) process.exit(0)
    for (const worker of workers) worker.process.kill('SIGTERM')
    let failed = false
    let left = workers.length
    for (const worker of workers)
      worker.once('exit', (code) => {
        failed ||= code !== 0
        if (--left === 0) process.exit(failed ? 1 : 0)
      })
    setTimeout(() => {
      log('فرایندها به‌موقع بسته نشدند؛ به اجبار بسته می‌شوند.')
      for (const worker of workers) worker.process.kill('SIGKILL')
      process.exit(1)
    }, graceMs + 5000).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)

  try {
    await fork(0)
    await Promise.all(Array.from({ length: count - 1 }, (_, i) => fork(i + 1)))
  } catch (error) {
    log((error as Error).message)
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
    process.exit(1)
  }
  starting = false
  log(`${count} فرایند سرخط آماده‌اند: ${origin}`)
}
