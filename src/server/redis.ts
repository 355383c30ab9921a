import { Redis } from 'ioredis'

import { env } from '../lib/env'

/**
 * The process's Redis connections when REDIS_URL is set: one for commands, one for
 * subscriptions (a subscribed connection takes no other commands). Shared through globalThis:
 * the express bundle and Next's server bundles each hold a copy of this module.
 */
type Connections = { commands: Redis; subscriber?: Redis }
const SHARED = Symbol.for('sarkhat.redis')
const shared = globalThis as { [SHARED]?: Connections }

function connect(url: string, name: string): Redis {
  const client = new Redis(url, {
    connectionName: `sarkhat:${name}:${process.pid}`,
    // Commands wait (up to a point) for a reconnect instead of failing at once.
    maxRetriesPerRequest: 3,
    enableReadyCheck: true,
  })
  // ioredis reconnects by itself; an unhandled 'error' event would end the process.
  client.on('error', (error) => console.error(`Redis (${name}): ${error.message}`))
  return client
}

/** The command connection, or null without REDIS_URL. */
export function redis(): Redis | null {
  const url = env().redisURL
  if (!url) return null
  return (shared[SHARED] ??= { commands: connect(url, 'commands') }).commands
}

/** A connection for SUBSCRIBE, or null without REDIS_URL. */
export function redisSubscriber(): Redis | null {
  const commands = redis()
  if (!commands) return null
  const connections = shared[SHARED]!
  return (connections.subscriber ??= connect(env().redisURL!, 'subscriber'))
}

/** Closes both connections (graceful shutdown). */
export async function closeRedis(): Promise<void> {
  const connections = shared[SHARED]
  if (!connections) return
  delete shared[SHARED]
  await Promise.all([connections.commands.quit(), connections.subscriber?.quit()].map((p) => p?.catch(() => undefined)))
}
