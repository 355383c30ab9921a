import zlib from 'node:zlib'

import type { Request, RequestHandler, Response } from 'express'

/**
 * A shared cache in front of Next for the public pages Next itself caches (ISR: answered with
 * `s-maxage`), as a CDN or nginx's proxy cache would be. Next spends about a millisecond of CPU
 * on every cached page it serves (routing, its cache lookup, streaming the stored body); from
 * here a hit is one Map lookup and one write. Measured in docs/performance.md.
 *
 * Freshness follows Next: an entry lives for the page's `s-maxage` (at most PAGE_CACHE_MAX_AGE
 * seconds) and is dropped whenever the site revalidates that page or the whole site
 * (src/server/revalidate.ts calls purgePageCache). Like Next's own cache, it is per process.
 *
 * A purge comes from a hook, which may run before its transaction commits and before Next has
 * applied the revalidation; a page rendered in that moment can still show the old content. So
 * for SETTLE_MS after a purge nothing in its scope is stored: those requests go to Next, as
 * they would without this cache.
 */

type Entry = {
  status: number
  headers: [string, string | string[]][]
  body: Buffer
  etag?: string
  expires: number
  /** Compressed copies, made on the first request that accepts them. */
  encoded: Partial<Record<'br' | 'gzip', Buffer>>
  bytes: number
}

/** Requests from Next's client router, draft mode and previews are never answered from here. */
const ROUTER_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-action',
]
const DRAFT_COOKIE = '__prerender_bypass'
const NOT_CACHED_PREFIXES = ['/admin', '/api', '/next', '/_next', '/account']
/** Headers of Next's answer that belong to that one response, not to the stored page. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'date',
  'x-nextjs-cache',
  'content-encoding',
])

const SETTLE_MS = 5000

const PURGE = Symbol.for('sarkhat.pageCache.purge')
type PurgeFn = (path?: string) => void

/**
 * Drops cached pages: `path` (every query string of it) or, without one, all of them. Callable
 * from any bundle of this process (the express server's and Next's), hence the global.
 */
export function purgePageCache(path?: string): void {
  ;(globalThis as { [PURGE]?: PurgeFn })[PURGE]?.(path)
}

/** The cache key's path part: percent-encoding decoded, so «/news/خبر» and its encoded form match. */
function normalPath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

function cacheable(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  if (NOT_CACHED_PREFIXES.some((p) => req.path === p || req.path.startsWith(`${p}/`))) return false
  if ('_rsc' in req.query) return false
  if (ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) return false
  return !(req.headers.cookie ?? '').includes(DRAFT_COOKIE)
}

/** Seconds a response may be kept: its `s-maxage`, when it is public and sets no cookie. */
function sharedMaxAge(res: Response): number {
  if (res.statusCode !== 200 || res.getHeader('set-cookie') !== undefined) return 0
  const control = String(res.getHeader('cache-control') ?? '')
  if (/private|no-store|no-cache/.test(control)) return 0
  const match = /s-maxage=(\d+)/.exec(control)
  return match ? Number(match[1]) : 0
}

function encode(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      })
    : zlib.gzipSync(body, { level: 6 })
}

export type PageCacheOptions = { maxBytes: number; maxAgeSeconds: number }

export function pageCacheMiddleware({ maxBytes, maxAgeSeconds }: PageCacheOptions): RequestHandler {
  // Insertion order is recency: a hit moves its entry to the end, eviction takes from the front.
  const entries = new Map<string, Entry>()
  let bytes = 0
  // Bumped by every purge: a page whose rendering began before a purge may be stale, and is not kept.
  let generation = 0
  let settlingAll = 0
  const settlingPaths = new Map<string, number>()
  const settling = (key: string) => {
    const now = Date.now()
    if (now < settlingAll) return true
    const until = settlingPaths.get(key.split('?')[0]!)
    return until !== undefined && now < until
  }

  const drop = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    bytes -= entry.bytes
    entries.delete(key)
  }
  const store = (key: string, entry: Entry) => {
    drop(key)
    if (entry.bytes > maxBytes / 4) return
    entries.set(key, entry)
    bytes += entry.bytes
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break
      drop(oldest)
    }
  }

  ;(globalThis as { [PURGE]?: PurgeFn })[PURGE] = (path) => {
    generation++
    const until = Date.now() + SETTLE_MS
    if (path === undefined) {
      settlingAll = until
      settlingPaths.clear()
      entries.clear()
      bytes = 0
      return
    }
    const target = normalPath(path)
    for (const [settled, end] of settlingPaths) if (end < until - SETTLE_MS) settlingPaths.delete(settled)
    settlingPaths.set(target, until)
    for (const key of [...entries.keys()]) if (key === target || key.startsWith(`${target}?`)) drop(key)
  }

  const serve = (req: Request, res: Response, entry: Entry) => {
    res.status(entry.status)
    for (const [name, value] of entry.headers) res.setHeader(name, value)
    res.setHeader('x-sarkhat-cache', 'HIT')
    if (entry.etag && req.headers['if-none-match'] === entry.etag) {
      res.status(304).end()
      return
    }
    // Express's own negotiation (q-values included); identity when the client takes neither.
    const accepted = req.acceptsEncodings('br', 'gzip', 'identity')
    const encoding = accepted === 'br' || accepted === 'gzip' ? accepted : null
    let body = entry.body
    if (encoding) {
      let encoded = entry.encoded[encoding]
      if (!encoded) {
        encoded = encode(entry.body, encoding)
        entry.encoded[encoding] = encoded
        entry.bytes += encoded.length
        bytes += encoded.length
      }
      body = encoded
      res.setHeader('Content-Encoding', encoding)
    }
    res.setHeader('Content-Length', body.length)
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  return (req, res, next) => {
    if (!cacheable(req)) return next()
    const key =
      normalPath(req.path) + (req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '')
    const hit = entries.get(key)
    if (hit && hit.expires > Date.now()) {
      entries.delete(key)
      entries.set(key, hit)
      serve(req, res, hit)
      return
    }
    if (hit) drop(key)
    if (req.method === 'HEAD') return next()

    // A miss: Next renders (or serves from its own cache) and the bytes it writes are kept on the
    // way to the compression middleware, which sits in front of this one (src/server/app.ts).
    const startedIn = generation
    const chunks: Buffer[] = []
    // Decided at the first write, when Next has set its headers: pages it does not cache (search,
    // 404s) are not collected at all.
    let collecting: boolean | undefined
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return
      collecting ??= sharedMaxAge(res) > 0
      if (!collecting) return
      if (Buffer.isBuffer(chunk)) chunks.push(chunk)
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
      else chunks.push(Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'))
    }
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0])
      return write(chunk, ...rest)
    }) as Response['write']
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0])
      return end(chunk, ...rest)
    }) as Response['end']
    res.once('finish', () => {
      const maxAge = Math.min(sharedMaxAge(res), maxAgeSeconds)
      const stale = res.getHeader('x-nextjs-cache') === 'STALE'
      if (!collecting || maxAge <= 0 || stale || generation !== startedIn || settling(key)) return
      const body = Buffer.concat(chunks)
      const headers = Object.entries(res.getHeaders())
        .filter(([name]) => !HOP_HEADERS.has(name))
        .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)] as [string, string | string[]])
      const etag = res.getHeader('etag')
      store(key, {
        status: res.statusCode,
        headers,
        body,
        etag: etag ? String(etag) : undefined,
        expires: Date.now() + maxAge * 1000,
        encoded: {},
        bytes: body.length + key.length,
      })
    })
    next()
  }
}
