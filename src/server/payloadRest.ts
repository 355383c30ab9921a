import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

import config from '@payload-config'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express'
import { handleEndpoints, type Payload } from 'payload'

import { attachmentMaxBytes } from '../../collections/TicketAttachments/limits'
import { mediaMaxBytes } from '../../collections/Media/limits'
import { env } from '../lib/env'
import { checkQueryCost, QueryTooCostly } from '../lib/graphqlCost'
import { persianErrorBody, persianStatusMessage } from '../lib/persianErrors'
import { checkQueryLimits, QueryRefused } from '../lib/queryLimits'
import { answerIfDatabaseDown } from './databaseOutage'
import { isVersionsRouteWithoutVersions } from './versionRoutes'

/** Bodies up to this size are read at once: cheaper than a web stream for the usual small JSON. */
const BUFFERED_BODY_LIMIT = 1024 * 1024

/** Paths under the API root that stay with Next. */
const NEXT_ONLY = new Set(['/graphql-playground'])

/**
 * The largest body a route may send, checked before any of it is read: JSON (a long article's
 * rich text is a few hundred KB) or, for multipart (uploads, and the admin's saves, which send
 * the document as a `_payload` field), the largest file allowed plus room for the document.
 */
const JSON_BODY_LIMIT = env().apiJsonLimitBytes
const multipartBodyLimit = () => Math.max(mediaMaxBytes(), attachmentMaxBytes()) + JSON_BODY_LIMIT
const bodyLimit = (req: ExpressRequest) => (isMultipart(req) ? multipartBodyLimit() : JSON_BODY_LIMIT)

type BodyPlan = 'none' | 'buffer' | 'stream'

const isMultipart = (req: ExpressRequest) => (req.headers['content-type'] ?? '').startsWith('multipart/form-data')
const isQueryInBody = (req: ExpressRequest) =>
  req.method === 'POST' &&
  (req.headers['x-payload-http-method-override'] === 'GET' || req.headers['x-http-method-override'] === 'GET') &&
  req.headers['content-type'] === 'application/x-www-form-urlencoded'
const isJson = (req: ExpressRequest) => /^application\/(?:[\w.+-]+\+)?json\b/.test(req.headers['content-type'] ?? '')

function bodyPlan(req: ExpressRequest): BodyPlan {
  if (req.method === 'GET' || req.method === 'HEAD') return 'none'
  const declared = req.headers['content-length']
  // Chunked bodies have no declared size: they are read, up to the limit, before Payload sees them.
  if (declared === undefined) return req.headers['transfer-encoding'] ? 'buffer' : 'none'
  const length = Number(declared)
  if (length === 0) return 'none'
  // Only large uploads are streamed; JSON is always read whole, to be checked first.
  return length > BUFFERED_BODY_LIMIT && isMultipart(req) ? 'stream' : 'buffer'
}

/** A request refused before Payload sees it, with the Persian message the client gets. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message = persianStatusMessage(status),
  ) {
    super(message)
  }
}

/**
 * The whole body, up to `limit`. Past it the promise rejects with a 413 while the body keeps
 * flowing (and is dropped), so the connection can still carry the answer.
 */
function readBufferedBody(req: ExpressRequest, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let refused = false
    req.on('data', (chunk: Buffer) => {
      if (refused) return
      size += chunk.length
      if (size <= limit) return void chunks.push(chunk)
      refused = true
      chunks.length = 0
      reject(new Refusal(413))
    })
    req.once('end', () => resolve(Buffer.concat(chunks)))
    req.once('close', () => reject(new Refusal(400)))
    req.once('error', reject)
  })
}

/** Deeper than any document (a rich-text body nests a dozen levels): refused before Payload copies it recursively. */
const MAX_JSON_DEPTH = 64

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return depth
  let deepest = depth
  for (const item of Object.values(value)) deepest = Math.max(deepest, depthOf(item, depth + 1))
  return deepest
}

/**
 * Payload's handlers expect a JSON object (a `null`, an array or a form they cannot read ends in
 * a 500 deep inside an operation): anything else is refused here, in Persian.
 */
function checkBody(req: ExpressRequest, body: Buffer): void {
  if (!body.length) return
  if (isMultipart(req)) return
  // The admin sends long list queries as a POST whose form-encoded body is the query string.
  if (isQueryInBody(req)) return checkQueryString(body.toString('utf8'))
  if (!isJson(req)) throw new Refusal(415, 'بدنه درخواست باید JSON یا فرم بارگذاری پرونده باشد.')
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    throw new Refusal(400, 'بدنه درخواست JSON معتبر نیست.')
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Refusal(400, 'بدنه درخواست باید یک شیء JSON باشد.')
  if (depthOf(parsed) > MAX_JSON_DEPTH) throw new Refusal(400, 'ساختار بدنه درخواست بیش از حد تودرتو است.')
}

// `where[title][equals][]=a`: a list where one value belongs; the database adapters fail on it.
const LIST_FOR_ONE_VALUE =
  /\[(?:equals|not_equals|like|not_like|contains|greater_than|greater_than_equal|less_than|less_than_equal|exists)\](?:\[|%5B)/i

function checkQueryString(query: string): void {
  let decoded: string
  try {
    decoded = decodeURIComponent(query.replace(/\+/g, ' '))
  } catch {
    throw new Refusal(400)
  }
  if (LIST_FOR_ONE_VALUE.test(decoded)) throw new Refusal(400, 'این جستجو نامعتبر است: هر شرط یک مقدار می‌گیرد.')
  try {
    checkQueryLimits(query)
  } catch (error) {
    if (error instanceof QueryRefused) throw new Refusal(400, error.message)
    throw error
  }
}

const checkQuery = (req: ExpressRequest) => {
  const query = req.originalUrl.split('?')[1]
  if (query) checkQueryString(query)
}

/** Past this, a refused body is not read to its end: the connection is closed instead. */
const DRAIN_LIMIT = 64 * 1024 * 1024

/**
 * Answers a refusal once the rest of the body has been read and dropped: a client still sending
 * would otherwise meet a closed connection (a broken pipe) instead of the answer. Bodies beyond
 * DRAIN_LIMIT, or of unknown size, are not waited for: the connection closes.
 */
function refuse(req: ExpressRequest, res: ExpressResponse, refusal: Refusal) {
  const declared = req.headers['content-length']
  const unread = !req.readableEnded
  const drain = unread && declared !== undefined && Number(declared) <= DRAIN_LIMIT
  const send = () => {
    if (res.headersSent) return
    res
      .status(refusal.status)
      .set({ 'Cache-Control': 'no-store', ...(unread && !drain ? { Connection: 'close' } : {}) })
      .json({ errors: [{ message: refusal.message }] })
  }
  if (!drain) return send()
  req.once('end', send)
  req.once('close', send)
  req.resume()
}

/** The web Request Payload's REST handler takes, built from express's node request. */
async function toWebRequest(req: ExpressRequest): Promise<Request> {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else headers.set(name, value)
  }
  const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`
  checkQuery(req)
  const plan = bodyPlan(req)
  if (plan === 'stream')
    return new Request(url, {
      method: req.method,
      headers,
      body: Readable.toWeb(req) as ReadableStream,
      duplex: 'half',
    } as RequestInit)
  if (plan === 'none') return new Request(url, { method: req.method, headers })
  const body = await readBufferedBody(req, bodyLimit(req))
  checkBody(req, body)
  return new Request(url, { method: req.method, headers, body: new Uint8Array(body) })
}

async function sendWebResponse(payload: Payload, response: Response, res: ExpressResponse, method: string) {
  if (response.status >= 500 && (await answerIfDatabaseDown(payload, res))) return void response.body?.cancel()
  if (response.status >= 400) return sendPersianRefusal(response, res)
  res.status(response.status)
  for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value)
  const cookies = response.headers.getSetCookie()
  if (cookies.length) res.setHeader('set-cookie', cookies)
  if (!response.body || method === 'HEAD') {
    res.end()
    return
  }
  // JSON answers are small: one write. Files are streamed.
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    res.end(Buffer.from(await response.arrayBuffer()))
    return
  }
  await pipeline(Readable.fromWeb(response.body as WebReadableStream), res)
}

/** A refusal, whatever Payload or GraphQL put in it, reaches the client as JSON with Persian messages. */
async function sendPersianRefusal(response: Response, res: ExpressResponse): Promise<void> {
  const text = await response.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON: answered with the status's own Persian message
  }
  res.status(response.status)
  for (const [name, value] of response.headers)
    if (!['set-cookie', 'content-type', 'content-length', 'content-encoding'].includes(name)) res.setHeader(name, value)
  const cookies = response.headers.getSetCookie()
  if (cookies.length) res.setHeader('set-cookie', cookies)
  res.json(persianErrorBody(response.status, body))
}

const graphqlPost = GRAPHQL_POST(config)

/**
 * GraphQL reports invalid queries inside a 200 answer (graphql-http's validation runs before
 * Payload's error hook sees anything): their messages are put in Persian too.
 */
async function withPersianGraphqlErrors(response: Response): Promise<Response> {
  if (response.status >= 400 || !(response.headers.get('content-type') ?? '').includes('json')) return response
  const body = (await response.json()) as { errors?: unknown[] }
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  const translated = Array.isArray(body.errors) && body.errors.length ? persianErrorBody(response.status, body) : body
  return Response.json(translated, { status: response.status, headers })
}

/**
 * The longest a GraphQL query may run. Queries within the cost limits take well under a second;
 * past this the client gets its answer (a 400) at once, though the work already started ends on
 * its own: JavaScript cannot stop it midway.
 */
const GRAPHQL_TIME_BUDGET_MS = 5_000

/** A GraphQL query over its cost limits is refused before Payload authenticates or runs anything. */
async function checkGraphqlCost(request: Request): Promise<void> {
  let body: { query?: unknown; variables?: unknown }
  try {
    body = await request.clone().json()
  } catch {
    return // not JSON: GraphQL refuses it itself
  }
  if (typeof body?.query !== 'string') return
  try {
    checkQueryCost(body.query, body.variables as Record<string, unknown> | undefined)
  } catch (error) {
    if (error instanceof QueryTooCostly) throw new Refusal(400, error.message)
    throw error
  }
}

async function answerGraphql(request: Request): Promise<Response> {
  await checkGraphqlCost(request)
  let timer: NodeJS.Timeout | undefined
  const overBudget = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Refusal(400, 'پرسش GraphQL در زمان مجاز پاسخ داده نشد؛ آن را کوچک‌تر کنید.')),
      GRAPHQL_TIME_BUDGET_MS,
    )
  })
  try {
    return await Promise.race([graphqlPost(request).then(withPersianGraphqlErrors), overBudget])
  } finally {
    clearTimeout(timer)
  }
}

/** GraphQL's POST goes through Payload's own handler here, so it shares the limits and the Persian refusals. */
function answer(req: ExpressRequest, request: Request): Promise<Response> {
  if (req.path.replace(/\/+$/, '') !== '/graphql') return handleEndpoints({ config, request })
  if (req.method === 'POST') return answerGraphql(request)
  return Promise.resolve(Response.json({ errors: [] }, { status: 405, headers: { Allow: 'POST' } }))
}

/**
 * Payload's REST API (`/api/...`), served by express through Payload's own `handleEndpoints`,
 * the same function Next's catch-all route calls. Next's routing and request wrapping cost more
 * than most API calls themselves (measured: about three quarters of a view beacon's CPU), so the
 * public writes and the admin's API calls skip it. GraphQL's POST is answered here too, by
 * Payload's GraphQL handler (see `answer`); only the playground and GraphQL's CORS preflight
 * (OPTIONS) go on to Next's routes.
 */
export function payloadRestHandler(payload: Payload): RequestHandler {
  // Mounted at the API root: req.path is the rest of the path, req.originalUrl the whole of it.
  return async (req, res, next) => {
    if (NEXT_ONLY.has(req.path.replace(/\/+$/, '')) || (req.method === 'OPTIONS' && req.path.startsWith('/graphql')))
      return next()
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > bodyLimit(req)) return refuse(req, res, new Refusal(413))
    if (isVersionsRouteWithoutVersions(payload, req.path)) return refuse(req, res, new Refusal(404))
    try {
      const response = await answer(req, await toWebRequest(req))
      await sendWebResponse(payload, response, res, req.method)
    } catch (error) {
      if (error instanceof Refusal) return refuse(req, res, error)
      payload.logger.error({ err: error, msg: `REST ${req.method} ${req.path} failed` })
      if (await answerIfDatabaseDown(payload, res)) return
      if (!res.headersSent)
        res
          .status(500)
          .set('Cache-Control', 'no-store')
          .json({ errors: [{ message: 'خطای داخلی سرور؛ چند لحظه بعد دوباره امتحان کنید.' }] })
      else res.destroy()
    }
  }
}
