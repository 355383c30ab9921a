import crypto from 'node:crypto'

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook, Payload } from 'payload'

import { invalidateEverywhere } from './invalidation'
import { purgePageCache } from './pageCache'
import { env } from '../lib/env'
import { payloadSecret } from '../lib/secret'

/** Proof, derived from PAYLOAD_SECRET, that a revalidation request comes from this deployment. */
export function revalidationToken(): string {
  return crypto.createHmac('sha256', payloadSecret()).update('sarkhat:revalidate').digest('hex')
}

export const REVALIDATE_ROUTE = '/next/revalidate'

/**
 * Drops cached public pages so the next reader gets fresh HTML, in every process that serves the
 * site (src/server/invalidation.ts), and returns when all have: one page when `path` is given,
 * otherwise the whole site. Content changes are rare next to reads, and one article shows up on
 * many pages (home, lists, tags, related), so a content change revalidates the whole site rather
 * than a list of paths that could miss one; a comment only changes its article's page.
 */
export async function revalidatePublicPages(payload: Payload, path?: string): Promise<void> {
  await invalidateEverywhere({ path }, ({ path }) => revalidateHere(payload, path), payload.logger)
}

/**
 * This process's caches: Next's and the express server's copy of the pages
 * (src/server/pageCache.ts). Inside a Next request (the admin's server functions, GraphQL) Next's
 * cache is at hand. The REST API (served by express, src/server/payloadRest.ts), jobs, messages
 * from other processes and scripts run outside one: they ask this process's own server over its
 * control address (setControlOrigin), or over loopback.
 */
export async function revalidateHere(payload: Payload, path?: string): Promise<void> {
  try {
    await revalidateNextCache(payload, path)
  } finally {
    purgePageCache(path)
  }
}

const CONTROL = Symbol.for('sarkhat.controlOrigin')
const shared = globalThis as { [CONTROL]?: string }

/**
 * The address of a listener that only this process accepts on (src/server/listen.ts): the public
 * port is shared by a cluster's workers, and a request to it may reach another one.
 */
export function setControlOrigin(origin: string): void {
  shared[CONTROL] = origin
}

/** This process's own server: its control listener, else loopback on the public port. */
function ownOrigin(): string {
  if (shared[CONTROL]) return shared[CONTROL]
  const { host: listening, port } = env()
  const host = listening.trim()
  const address = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  return `http://${address}:${port}`
}

async function revalidateNextCache(payload: Payload, path?: string): Promise<void> {
  try {
    // Imported on use: loading next/cache before Next has set up its runtime breaks it for good.
    const { revalidatePath } = await import('next/cache')
    if (path) revalidatePath(path)
    else revalidatePath('/', 'layout')
    return
  } catch {
    // not inside a Next request
  }
  const origin = ownOrigin()
  const query = path ? `?path=${encodeURIComponent(path)}` : ''
  try {
    const res = await fetch(`${origin}${REVALIDATE_ROUTE}${query}`, {
      method: 'POST',
      headers: { 'x-sarkhat-revalidate': revalidationToken() },
      signal: AbortSignal.timeout(5000),
    })
    if (!res.ok) payload.logger.warn(`بازسازی صفحه‌های ذخیره‌شده ناموفق بود: HTTP ${res.status}`)
  } catch (error) {
    // A CLI run with the server down has nothing cached to refresh; anything else is worth a line.
    payload.logger.warn(`بازسازی صفحه‌های ذخیره‌شده از راه ${origin} ممکن نشد: ${(error as Error).message}`)
  }
}

export const revalidateSite = (payload: Payload) => revalidatePublicPages(payload)

const skip = (context: Record<string, unknown>) => Boolean(context.disableRevalidate)

export const revalidateSiteAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (!skip(req.context)) await revalidateSite(req.payload)
  return doc
}

export const revalidateSiteAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (!skip(req.context)) await revalidateSite(req.payload)
  return doc
}

export const revalidateSiteAfterGlobalChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  if (!skip(req.context)) await revalidateSite(req.payload)
  return doc
}

/**
 * For drafted collections: every save except the admin's autosaves, which come every few seconds
 * while an editor types and never change what the public sees. (previousDoc is the latest
 * version, not the live one, so "was it public?" cannot be read from it.)
 */
export const revalidateSiteUnlessAutosave: CollectionAfterChangeHook = async ({ doc, req }) => {
  const autosave = req.query?.autosave === 'true' || req.query?.autosave === true
  if (!autosave && !skip(req.context)) await revalidateSite(req.payload)
  return doc
}
