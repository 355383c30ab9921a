import cluster, { type Worker } from 'node:cluster'
import crypto from 'node:crypto'

import { redis, redisSubscriber } from './redis'

/**
 * Carries a page invalidation to every process that serves the site, and waits until each has
 * applied it, so that when an editor's save returns no instance still has the old page:
 * - one process: it applies the invalidation itself;
 * - with REDIS_URL: a message on a Redis channel that every process (on this machine or another)
 *   subscribes to; each answers on an acknowledgement channel once its caches dropped the page,
 *   and the sender waits for as many answers as PUBLISH says received it (at most ACK_TIMEOUT_MS);
 * - several workers of one Node cluster without Redis: the primary relays the message to the other
 *   workers and tells the sender when all of them acknowledged.
 *
 * Every process keeps its own caches (Next's and the express page cache) and applies the
 * invalidation to them (src/server/revalidate.ts). Each Node bundle (express's, Next's) has its
 * own copy of this module, so the process's state lives on globalThis.
 */
export type Invalidation = {
  /** One public path; undefined: the whole site. */
  path?: string
}
type ApplyHere = (invalidation: Invalidation) => Promise<void>
type Message = Invalidation & { id: string; from: string }

const CHANNEL = 'sarkhat:invalidate'
const ACK_CHANNEL = 'sarkhat:invalidate:ack'
const IPC_INVALIDATE = 'sarkhat:invalidate'
const IPC_ACK = 'sarkhat:invalidate:ack'
const IPC_DONE = 'sarkhat:invalidate:done'
export const ACK_TIMEOUT_MS = 5000

type ProcessState = {
  /** This process's name on the channel (its own messages are applied directly, not twice). */
  self: string
  /** Invalidations sent and not yet acknowledged by every receiver: id → one call per answer. */
  waiting: Map<string, () => void>
  listening: boolean
}
const STATE = Symbol.for('sarkhat.invalidation')
const processState = (): ProcessState =>
  ((globalThis as { [STATE]?: ProcessState })[STATE] ??= {
    self: `${process.pid}-${crypto.randomBytes(4).toString('hex')}`,
    waiting: new Map(),
    listening: false,
  })

type Log = { warn(message: string): void }

/**
 * Applies `invalidation` here and in every other process, and resolves when all have (or when
 * ACK_TIMEOUT_MS passed: a process that does not answer in time is named in the log).
 */
export async function invalidateEverywhere(invalidation: Invalidation, applyHere: ApplyHere, log: Log): Promise<void> {
  const elsewhere = redis()
    ? throughRedis(invalidation, log)
    : cluster.isWorker
      ? throughPrimary(invalidation, log)
      : null
  await Promise.all([applyHere(invalidation), elsewhere])
}

function newMessage(invalidation: Invalidation): Message {
  return { ...invalidation, id: crypto.randomUUID(), from: processState().self }
}

/** Resolves after `count` calls of the returned `answered`, or after the timeout (with a log line). */
function awaitAnswers(id: string, log: Log, what: string) {
  const { waiting } = processState()
  let expected = Infinity
  let received = 0
  let settle!: () => void
  const done = new Promise<void>((resolve) => (settle = resolve))
  const check = () => {
    if (received >= expected) settle()
  }
  waiting.set(id, () => {
    received += 1
    check()
  })
  const timer = setTimeout(() => {
    log.warn(`ابطال صفحه‌ها در ${ACK_TIMEOUT_MS} میلی‌ثانیه به همهٔ ${what} نرسید (${received} از ${expected}).`)
    settle()
  }, ACK_TIMEOUT_MS)
  return {
    expect(count: number) {
      expected = count
      check()
    },
    done: done.finally(() => {
      clearTimeout(timer)
      waiting.delete(id)
    }),
  }
}

async function throughRedis(invalidation: Invalidation, log: Log): Promise<void> {
  const message = newMessage(invalidation)
  // Registered before publishing: an answer can arrive before PUBLISH's reply does.
  const answers = awaitAnswers(message.id, log, 'نمونه‌ها')
  try {
    const receivers = await redis()!.publish(CHANNEL, JSON.stringify(message))
    // This process's own subscriber is among the receivers and does not answer.
    answers.expect(processState().listening ? receivers - 1 : receivers)
  } catch (error) {
    answers.expect(0)
    log.warn(`ابطال صفحه‌ها به نمونه‌های دیگر نرسید؛ Redis پاسخ نداد: ${(error as Error).message}`)
  }
  await answers.done
}

async function throughPrimary(invalidation: Invalidation, log: Log): Promise<void> {
  const message = newMessage(invalidation)
  const answers = awaitAnswers(message.id, log, 'فرایندها')
  // The primary answers once, when every other worker acknowledged.
  answers.expect(1)
  process.send!({ type: IPC_INVALIDATE, message })
  await answers.done
}

/**
 * Applies what other processes send (call once per process, after the server listens). With
 * Redis, a reconnect may have lost messages: the process then drops everything it cached.
 */
export async function listenForInvalidations(applyHere: ApplyHere, log: Log): Promise<void> {
  const state = processState()
  if (state.listening) return
  const subscriber = redisSubscriber()
  if (subscriber) {
    const commands = redis()!
    let subscribedOnce = false
    subscriber.on('ready', () => {
      // ioredis re-subscribes after a reconnect; whatever was published meanwhile is lost.
      if (subscribedOnce) void applyHere({}).catch(() => undefined)
    })
    subscriber.on('message', (channel: string, raw: string) => {
      let message: Message
      try {
        message = JSON.parse(raw)
      } catch {
        return
      }
      if (channel === ACK_CHANNEL) {
        if (message.from === state.self) state.waiting.get(message.id)?.()
        return
      }
      if (channel !== CHANNEL || message.from === state.self) return
      void applyHere({ path: message.path })
        .catch((error) => log.warn(`ابطال صفحه‌ها در این فرایند ناموفق بود: ${(error as Error).message}`))
        .then(() => commands.publish(ACK_CHANNEL, JSON.stringify({ id: message.id, from: message.from })))
        .catch(() => undefined)
    })
    await subscriber.subscribe(CHANNEL, ACK_CHANNEL)
    subscribedOnce = true
  } else if (cluster.isWorker) {
    process.on('message', (ipc: { type?: string; message?: Message; id?: string }) => {
      if (ipc?.type === IPC_DONE && ipc.id) state.waiting.get(ipc.id)?.()
      if (ipc?.type !== IPC_INVALIDATE || !ipc.message) return
      const { id, path } = ipc.message
      void applyHere({ path })
        .catch((error) => log.warn(`ابطال صفحه‌ها در این فرایند ناموفق بود: ${(error as Error).message}`))
        .finally(() => process.send?.({ type: IPC_ACK, id }))
    })
  }
  state.listening = true
}

/**
 * In a cluster's primary without Redis: passes each worker's invalidation to the others and tells
 * the sender when all acknowledged (a worker that exits meanwhile no longer counts).
 */
export function relayInvalidationsBetweenWorkers(): void {
  const pending = new Map<string, { sender: Worker; awaiting: Set<number> }>()
  const finishIfDone = (id: string) => {
    const entry = pending.get(id)
    if (!entry || entry.awaiting.size > 0) return
    pending.delete(id)
    if (entry.sender.isConnected()) entry.sender.send({ type: IPC_DONE, id })
  }
  cluster.on('message', (worker: Worker, ipc: { type?: string; message?: Message; id?: string }) => {
    if (ipc?.type === IPC_INVALIDATE && ipc.message) {
      const others = Object.values(cluster.workers ?? {}).filter(
        (w): w is Worker => !!w && w !== worker && w.isConnected(),
      )
      pending.set(ipc.message.id, { sender: worker, awaiting: new Set(others.map((w) => w.id)) })
      for (const other of others) other.send({ type: IPC_INVALIDATE, message: ipc.message })
      finishIfDone(ipc.message.id)
    } else if (ipc?.type === IPC_ACK && ipc.id) {
      pending.get(ipc.id)?.awaiting.delete(worker.id)
      finishIfDone(ipc.id)
    }
  })
  cluster.on('exit', (worker) => {
    for (const [id, entry] of pending) {
      entry.awaiting.delete(worker.id)
      finishIfDone(id)
    }
  })
}
