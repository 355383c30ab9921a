import config from '@payload-config'
import compression from 'compression'
import express, { type Express } from 'express'
import next from 'next'
import { getPayload, type Payload } from 'payload'

import { closeDatabase, keepRunningThroughDatabaseOutages, pingDatabase, tuneSqlite } from '../db/lifecycle'
import { SEARCH_CACHE_CONTROL, searchAnswer } from '../endpoints/search'
import { CLIENT_ADDRESS_HEADER } from '../lib/clientAddress'
import { env } from '../lib/env'
import { prepareDatabase } from '../seed'
import { idempotentPosts } from './idempotency'
import { pageCacheMiddleware } from './pageCache'
import { closeRedis } from './redis'
import { payloadRestHandler } from './payloadRest'
import { rejectMalformedRequests } from './requestGuards'
import { publicPageScriptPolicy, securityHeaders } from './securityHeaders'

export type SarkhatApp = {
  app: Express
  payload: Payload
  /** Marks the instance as draining: /readyz answers 503 so a load balancer stops sending traffic. */
  startDraining(): void
  /** Closes Next and the database. Call after the HTTP server stopped. */
  close(): Promise<void>
}

/**
 * Boots Payload, brings the database up to date, starts the jobs cron (so scheduled work runs on
 * an idle server), prepares Next, and returns the express app that serves them all.
 */
export async function createSarkhatApp({ dev = false, hostname = 'localhost', port = 3000 } = {}): Promise<SarkhatApp> {
  const payload = await getPayload({ config })
  keepRunningThroughDatabaseOutages(payload)
  await tuneSqlite(payload)
  await prepareDatabase(payload)
  // The jobs cron only now: a tick before the migrations would run jobs on an old schema.
  await getPayload({ config, cron: true })

  const nextApp = next({ dev, dir: process.cwd(), hostname, port })
  const handle = nextApp.getRequestHandler()
  await nextApp.prepare()

  let draining = false
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env().trustProxy)
  const routes = { adminRoute: payload.config.routes.admin, apiRoute: payload.config.routes.api }
  app.use(securityHeaders(routes))
  app.use(rejectMalformedRequests(routes.apiRoute))

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok', uptime: Math.round(process.uptime()) })
  })

  app.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    if (draining) {
      res.status(503).json({ status: 'unavailable', reason: 'shutting-down', message: 'سرور در حال خاموش شدن است.' })
      return
    }
    try {
      await pingDatabase(payload)
      res.json({ status: 'ready' })
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      payload.logger.warn(`readyz: پایگاه داده پاسخ نمی‌دهد (${detail})`)
      // The public answer names the failing dependency only; addresses stay in the log.
      res.status(503).json({ status: 'unavailable', reason: 'database', message: 'پایگاه داده پاسخ نمی‌دهد.' })
    }
  })

  // The client's address as express sees it through TRUST_PROXY, for Payload and Next below;
  // never what the client claims under that name.
  app.use((req, _res, next) => {
    req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? ''
    next()
  })

  // Compression for everything below (API answers, pages). It sits in front of the page cache,
  // which so stores the bytes Next wrote and hands it pages it already compressed; next.config.mjs
  // turns Next's own compression off.
  app.use(compression())
  // In development Next's hot reloading evaluates code, which a script policy would stop.
  if (!dev) app.use(publicPageScriptPolicy(routes))

  // The search box's JSON (also Payload's /api/search endpoint): answered here, without Next's
  // routing and Payload's per-request setup, which cost as much as the search itself.
  const searchPath = `${payload.config.routes.api}/search`
  app.get(searchPath, async (req, res) => {
    try {
      const params = new URL(req.originalUrl, 'http://localhost').searchParams
      res.set('Cache-Control', SEARCH_CACHE_CONTROL).json(await searchAnswer(payload, params))
    } catch (error) {
      payload.logger.error({ err: error, msg: 'search failed' })
      res
        .status(503)
        .set('Cache-Control', 'no-store')
        .json({ errors: [{ message: 'جستجو اکنون ممکن نیست؛ چند لحظه بعد دوباره امتحان کنید.' }] })
    }
  })

  // Comment and ticket POSTs with an Idempotency-Key: a retry replays the first answer.
  app.use(payload.config.routes.api, idempotentPosts(payload))
  // The rest of the REST API and GraphQL's POST: Payload's handlers, without Next in between.
  app.use(payload.config.routes.api, payloadRestHandler(payload))

  // Public pages Next caches, kept here too (PAGE_CACHE_MB, 0 turns it off).
  const { pageCacheMB, pageCacheMaxAgeSeconds } = env()
  if (pageCacheMB > 0)
    app.use(pageCacheMiddleware({ maxBytes: pageCacheMB * 1024 * 1024, maxAgeSeconds: pageCacheMaxAgeSeconds }))

  // Everything else (public site, admin, the GraphQL playground) is Next's. No body parsers before it:
  // Payload reads the raw request body itself.
  app.use((req, res) => handle(req, res))

  return {
    app,
    payload,
    startDraining: () => {
      draining = true
    },
    close: async () => {
      await nextApp.close().catch(() => undefined)
      await closeDatabase(payload)
      await closeRedis()
    },
  }
}
