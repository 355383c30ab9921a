import type { Endpoint } from 'payload'

import { isStaffUser } from '../../../src/access'
import { isDocumentId } from '../../../src/db/ids'
import { incrementArticleViews } from '../../../src/db/viewCounter'
import { env } from '../../../src/lib/env'
import { isBot, parseViewed, serializeViewed, VIEW_WINDOW_SECONDS, VIEWED_COOKIE } from '../../../src/lib/viewPolicy'

const json = (body: unknown, status = 200, headers: HeadersInit = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

const currentViews = async (req: Parameters<Endpoint['handler']>[0], id: string) => {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    select: { views: true },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
  })
  return docs[0] ? (docs[0].views ?? 0) : null
}

/**
 * POST /api/articles/:id/view — the article page's view beacon. Answers the (new) count, so the
 * cached HTML never has to carry a fresh number.
 */
export const countViewEndpoint: Endpoint = {
  path: '/:id/view',
  method: 'post',
  handler: async (req) => {
    const id = String(req.routeParams?.id ?? '')
    if (!isDocumentId(id)) return json({ errors: [{ message: 'خبر پیدا نشد.' }] }, 404)

    const cookies = Object.fromEntries(
      (req.headers.get('cookie') ?? '').split(/;\s*/).map((c) => [c.split('=')[0], c.slice(c.indexOf('=') + 1)]),
    )
    const now = Math.floor(Date.now() / 1000)
    const viewed = parseViewed(cookies[VIEWED_COOKIE], now)
    const reason = isBot(req.headers.get('user-agent'))
      ? 'bot'
      : isStaffUser(req.user)
        ? 'staff'
        : viewed.has(id)
          ? 'repeat'
          : null

    if (reason) {
      const views = await currentViews(req, id)
      return views === null
        ? json({ errors: [{ message: 'خبر پیدا نشد.' }] }, 404)
        : json({ views, counted: false, reason })
    }

    const views = await incrementArticleViews(req.payload, id)
    if (views === null) return json({ errors: [{ message: 'خبر پیدا نشد.' }] }, 404)
    viewed.set(id, now + VIEW_WINDOW_SECONDS)
    const secure = env().secureCookies ? '; Secure' : ''
    const cookie = `${VIEWED_COOKIE}=${serializeViewed(viewed)}; Path=/api/articles; Max-Age=${VIEW_WINDOW_SECONDS}; HttpOnly; SameSite=Lax${secure}`
    return json({ views, counted: true }, 200, { 'Set-Cookie': cookie })
  },
}
