import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import config from '@payload-config'
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express'
import { handleEndpoints, type Payload } from 'payload'

/** Bodies up to this size are read at once: cheaper than a web stream for the usual small JSON. */
const BUFFERED_BODY_LIMIT = 1024 * 1024

/** Paths under the API root that stay with Next: GraphQL has its own route there. */
const NEXT_ONLY = new Set(['/graphql', '/graphql-playground'])

type BodyPlan = 'none' | 'buffer' | 'stream'

function bodyPlan(req: ExpressRequest): BodyPlan {
  if (req.method === 'GET' || req.method === 'HEAD') return 'none'
  const declared = req.headers['content-length']
  if (declared === undefined) return req.headers['transfer-encoding'] ? 'stream' : 'none'
  const length = Number(declared)
  if (length === 0) return 'none'
  return length <= BUFFERED_BODY_LIMIT ? 'buffer' : 'stream'
}

async function readBufferedBody(req: ExpressRequest): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
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
  const plan = bodyPlan(req)
  if (plan === 'stream') return new Request(url, { method: req.method, headers, body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } as RequestInit)
  const body = plan === 'buffer' ? new Uint8Array(await readBufferedBody(req)) : undefined
  return new Request(url, { method: req.method, headers, body })
}

async function sendWebResponse(response: Response, res: ExpressResponse, method: string): Promise<void> {
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
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res)
}

/**
 * Payload's REST API (`/api/...`), served by express through Payload's own `handleEndpoints`,
 * the same function Next's catch-all route calls. Next's routing and request wrapping cost more
 * than most API calls themselves (measured: about three quarters of a view beacon's CPU), so the
 * public writes and the admin's API calls skip it. GraphQL stays a Next route.
 */
export function payloadRestHandler(payload: Payload): RequestHandler {
  // Mounted at the API root: req.path is the rest of the path, req.originalUrl the whole of it.
  return async (req, res, next) => {
    if (NEXT_ONLY.has(req.path.replace(/\/+$/, ''))) return next()
    try {
      const response = await handleEndpoints({ config, request: await toWebRequest(req) })
      await sendWebResponse(response, res, req.method)
    } catch (error) {
      payload.logger.error({ err: error, msg: `REST ${req.method} ${req.path} failed` })
      if (!res.headersSent) res.status(500).set('Cache-Control', 'no-store').json({ errors: [{ message: 'خطای داخلی سرور؛ چند لحظه بعد دوباره امتحان کنید.' }] })
      else res.destroy()
    }
  }
}
