import crypto from 'node:crypto'

import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express'
import type { Payload } from 'payload'

import { clientAddressHash } from '../lib/clientAddress'

/** The public POSTs a client may retry safely with an Idempotency-Key header. */
const IDEMPOTENT_ROUTES = new Set(['/comments', '/tickets'])
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/
const KEEP_FOR_MS = 24 * 60 * 60 * 1000
/** A claim left in flight this long belongs to a request that died with its process: retried afresh. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000
/** Replays compare bodies up to this size (the REST handler refuses larger JSON anyway). */
const MAX_COMPARED_BODY = 4 * 1024 * 1024

const COLLECTION = 'idempotency-keys'

export const IDEMPOTENCY_MESSAGES = {
  invalidKey: 'سرآیند Idempotency-Key نامعتبر است: ۱ تا ۲۰۰ نویسه چاپی لاتین.',
  inFlight: 'درخواستی با همین Idempotency-Key هنوز در حال انجام است؛ چند لحظه بعد دوباره بفرستید.',
  otherBody: 'این Idempotency-Key پیش‌تر برای درخواستی با محتوای دیگر به کار رفته است.',
  unavailable: 'ثبت درخواست اکنون ممکن نیست؛ چند لحظه بعد دوباره امتحان کنید.',
}

type StoredKey = {
  id: number | string
  fingerprint?: string | null
  status?: number | null
  body?: string | null
  expiresAt: string
  createdAt: string
}

const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex')

function refuse(res: ExpressResponse, status: number, message: string) {
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .json({ errors: [{ message }] })
}

function webHeaders(req: ExpressRequest): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else headers.set(name, value)
  }
  return headers
}

/** Whose key it is: the signed-in account, or a guest's client address (kept only as a hash). */
async function callerOf(payload: Payload, req: ExpressRequest): Promise<string> {
  const headers = webHeaders(req)
  const { user } = await payload.auth({ headers })
  if (user) return `${user.collection}:${user.id}`
  return `address:${clientAddressHash(headers)}`
}

function readBody(req: ExpressRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_COMPARED_BODY) chunks.push(chunk)
    })
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('error', reject)
  })
}

async function findKey(payload: Payload, key: string): Promise<StoredKey | null> {
  const { docs } = await payload.find({
    collection: COLLECTION,
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return (docs[0] as StoredKey | undefined) ?? null
}

const isStale = (stored: StoredKey, now: number) =>
  new Date(stored.expiresAt).getTime() <= now ||
  (stored.status == null && new Date(stored.createdAt).getTime() <= now - ABANDONED_AFTER_MS)

/**
 * Claims `key` for this request: the unique index lets exactly one of concurrent requests (on any
 * instance) insert it. Returns the new row's id, or the row that was there first.
 */
async function claim(payload: Payload, key: string): Promise<{ id: number | string } | { existing: StoredKey }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const created = await payload.create({
        collection: COLLECTION,
        data: { key, expiresAt: new Date(Date.now() + KEEP_FOR_MS).toISOString() },
        overrideAccess: true,
        depth: 0,
      })
      return { id: created.id }
    } catch (error) {
      const existing = await findKey(payload, key)
      if (!existing) throw error
      if (!isStale(existing, Date.now())) return { existing }
      // Expired or abandoned: removed, and claimed again.
      await payload.delete({ collection: COLLECTION, id: existing.id, overrideAccess: true }).catch(() => undefined)
    }
  }
  throw new Error('idempotency key could not be claimed')
}

/**
 * Keeps the answer the REST handler writes (its JSON comes in one `end` call) and stores it before
 * it leaves, so a retry arriving right after it finds the answer rather than a claim in flight.
 * Only successes are kept; after a refusal nothing was stored and the key is released, so the
 * client may retry (with a corrected body) under the same key.
 */
function recordAnswer(payload: Payload, req: ExpressRequest, res: ExpressResponse, id: number | string) {
  const hash = crypto.createHash('sha256')
  req.on('data', (chunk: Buffer) => hash.update(chunk))
  const end = res.end.bind(res) as (...args: unknown[]) => ExpressResponse
  let ended = false
  res.end = ((...args: unknown[]) => {
    if (ended) return end(...args)
    ended = true
    const [chunk, encoding] = args
    const body =
      typeof chunk === 'string'
        ? chunk
        : Buffer.isBuffer(chunk)
          ? chunk.toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : ''
    const status = res.statusCode
    const save =
      status >= 200 && status < 300
        ? payload.update({
            collection: COLLECTION,
            id,
            data: { status, body, fingerprint: hash.digest('hex') },
            overrideAccess: true,
            depth: 0,
          })
        : payload.delete({ collection: COLLECTION, id, overrideAccess: true })
    void save
      .catch((error: unknown) => payload.logger.error({ err: error, msg: 'ذخیره پاسخ Idempotency-Key ناموفق بود' }))
      .finally(() => end(...args))
    return res
  }) as ExpressResponse['end']
}

/**
 * `Idempotency-Key` on comment and ticket POSTs: a retry after a timeout never files twice. The
 * first request with a key (per caller and route) is processed and its answer stored in the
 * database (collections/IdempotencyKeys, shared by every instance) for 24 hours; a repeat gets
 * that answer again with `Idempotent-Replayed: true`, a repeat while the first is in flight 409,
 * and the same key with another body 422. Mounted at the API root, in front of the REST handler.
 */
export function idempotentPosts(payload: Payload): RequestHandler {
  return async (req, res, next) => {
    const clientKey = req.get('idempotency-key')
    if (req.method !== 'POST' || clientKey === undefined || !IDEMPOTENT_ROUTES.has(req.path.replace(/\/+$/, '')))
      return next()
    if (!KEY_PATTERN.test(clientKey)) return refuse(res, 400, IDEMPOTENCY_MESSAGES.invalidKey)
    let claimed: Awaited<ReturnType<typeof claim>>
    try {
      const caller = await callerOf(payload, req)
      claimed = await claim(payload, sha256(`${caller}|${req.path.replace(/\/+$/, '')}|${clientKey}`))
    } catch (error) {
      payload.logger.error({ err: error, msg: 'Idempotency-Key: the store did not answer' })
      return refuse(res, 503, IDEMPOTENCY_MESSAGES.unavailable)
    }
    if ('id' in claimed) {
      // Listeners are added and the handler called in one tick: the body starts flowing only then.
      recordAnswer(payload, req, res, claimed.id)
      return next()
    }
    const stored = claimed.existing
    if (stored.status == null) {
      req.resume()
      return refuse(res, 409, IDEMPOTENCY_MESSAGES.inFlight)
    }
    const fingerprint = sha256(await readBody(req))
    if (fingerprint !== stored.fingerprint) return refuse(res, 422, IDEMPOTENCY_MESSAGES.otherBody)
    res
      .status(stored.status)
      .set({
        'Cache-Control': 'no-store',
        'Content-Type': 'application/json; charset=utf-8',
        'Idempotent-Replayed': 'true',
      })
      .send(stored.body ?? '')
  }
}
