import crypto from 'node:crypto'

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook, Payload } from 'payload'

/** Proof, derived from PAYLOAD_SECRET, that a revalidation request comes from this deployment. */
export function revalidationToken(): string {
  return crypto.createHmac('sha256', process.env.PAYLOAD_SECRET || '').update('sarkhat:revalidate').digest('hex')
}

export const REVALIDATE_ROUTE = '/next/revalidate'

/**
 * Drops every cached public page so the next reader gets fresh HTML. Content changes are rare
 * next to reads, and one article shows up on many pages (home, lists, tags, related), so the
 * whole site is revalidated rather than a list of paths that could miss one.
 *
 * Inside a Next request (admin, REST) Next's cache is at hand. Jobs and scripts run outside one:
 * they ask this process's own server over loopback.
 */
export async function revalidateSite(payload: Payload): Promise<void> {
  try {
    // Imported on use: loading next/cache before Next has set up its runtime breaks it for good.
    const { revalidatePath } = await import('next/cache')
    revalidatePath('/', 'layout')
    return
  } catch {
    // not inside a Next request
  }
  const port = process.env.PORT || 3000
  try {
    const res = await fetch(`http://127.0.0.1:${port}${REVALIDATE_ROUTE}`, {
      method: 'POST',
      headers: { 'x-sarkhat-revalidate': revalidationToken() },
      signal: AbortSignal.timeout(5000),
    })
    if (!res.ok) payload.logger.warn(`بازسازی صفحه‌های ذخیره‌شده ناموفق بود: HTTP ${res.status}`)
  } catch {
    // No server on this port (a CLI run with the server down): nothing is cached to refresh.
  }
}

export const revalidateSiteAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (!req.context.disableRevalidate) await revalidateSite(req.payload)
  return doc
}

export const revalidateSiteAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (!req.context.disableRevalidate) await revalidateSite(req.payload)
  return doc
}

export const revalidateSiteAfterGlobalChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  if (!req.context.disableRevalidate) await revalidateSite(req.payload)
  return doc
}

/** For drafted collections: only changes that touch what the public sees (publish, edit, unpublish). */
export const revalidateSiteWhenPublicChanges: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const wasPublic = previousDoc?._status === 'published'
  const isPublic = doc?._status === 'published'
  if ((wasPublic || isPublic) && !req.context.disableRevalidate) await revalidateSite(req.payload)
  return doc
}
