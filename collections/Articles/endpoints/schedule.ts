import type { Endpoint } from 'payload'

import { hasRole } from '../../../src/access'
import { isDocumentId } from '../../../src/db/ids'

const error = (message: string, status: number) => Response.json({ errors: [{ message }] }, { status })

/**
 * POST /api/articles/:id/schedule {"type": "publish" | "unpublish", "at": ISO date}
 * Queues Payload's own schedulePublish job (the admin's «زمان‌بندی انتشار» does the same), for
 * editors working through the API.
 */
export const scheduleEndpoint: Endpoint = {
  path: '/:id/schedule',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'editor')) return error('برای زمان‌بندی باید با حساب دبیر خبر وارد شوید.', 403)
    let body: { type?: unknown; at?: unknown }
    try {
      body = (await req.json?.()) ?? {}
    } catch {
      return error('بدنه درخواست JSON معتبر نیست.', 400)
    }
    const { type } = body
    if (type !== 'publish' && type !== 'unpublish') return error('نوع زمان‌بندی باید publish یا unpublish باشد.', 400)
    const at = new Date(typeof body.at === 'string' ? body.at : NaN)
    if (Number.isNaN(at.getTime()) || at.getTime() < Date.now()) return error('زمان باید تاریخی در آینده باشد.', 400)

    const id = String(req.routeParams?.id ?? '')
    if (!isDocumentId(id)) return error('خبر پیدا نشد.', 404)
    const article = await req.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, disableErrors: true, req })
    if (!article) return error('خبر پیدا نشد.', 404)

    const job: { id: number | string } = await req.payload.jobs.queue({
      task: 'schedulePublish' as never,
      // The job publishes as the scheduling editor (access rules apply to them).
      input: { type, doc: { relationTo: 'articles', value: article.id }, user: { relationTo: 'users', value: req.user!.id } } as never,
      waitUntil: at,
      req,
    })
    return Response.json({ message: 'زمان‌بندی ثبت شد.', job: { id: job.id, type, at: at.toISOString() } }, { status: 201 })
  },
}
