import crypto from 'node:crypto'
import os from 'node:os'

import type { Redis } from 'ioredis'

/** A held lock. */
export type Lease = {
  /** False once released, or once a renewal found the key expired or someone else's. */
  readonly held: boolean
  /** Gives the lock up; true when the key was still this holder's and is now deleted. */
  release(): Promise<boolean>
}

export type RedisLockOptions = {
  /** How long the key lives without a renewal (a crashed holder frees it after this). */
  ttlMs?: number
  /** How often a holder extends it; well under ttlMs. */
  renewEveryMs?: number
  /** Told when a renewal finds the key gone or someone else's. */
  onLost?: () => void
}

// Only the holder (the value it set) may extend or delete the key.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

/** A unique value per acquisition, readable in `redis-cli GET` (host and process). */
const ownerToken = () => `${os.hostname()}:${process.pid}:${crypto.randomBytes(8).toString('hex')}`

/**
 * An exclusive lock across processes on one Redis key: SET NX PX to take it, renewed while held,
 * compare-and-delete to release. `tryAcquire` never waits: null when someone else holds it.
 */
export function redisLock(client: Redis, key: string, options: RedisLockOptions = {}) {
  const ttlMs = options.ttlMs ?? 60_000
  const renewEveryMs = options.renewEveryMs ?? Math.floor(ttlMs / 3)

  return {
    async tryAcquire(): Promise<Lease | null> {
      const token = ownerToken()
      if ((await client.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return null
      let held = true
      const renewal = setInterval(() => {
        client
          .eval(RENEW, 1, key, token, ttlMs)
          .then((renewed) => {
            if (renewed === 1 || !held) return
            held = false
            clearInterval(renewal)
            options.onLost?.()
          })
          // A failed renewal is retried at the next interval; the TTL covers a short outage.
          .catch(() => undefined)
      }, renewEveryMs)
      renewal.unref()
      return {
        get held() {
          return held
        },
        async release() {
          clearInterval(renewal)
          if (!held) return false
          held = false
          return (await client.eval(RELEASE, 1, key, token)) === 1
        },
      }
    },
  }
}
