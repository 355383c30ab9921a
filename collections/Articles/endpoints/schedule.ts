import type { Endpoint, PayloadRequest, Where } from 'payload'

import { hasRole } from '../../../src/access'
import { isDocumentId } from '../../../src/db/ids'
import { SCHEDULE_PUBLISH_TASK, type ScheduleType } from '../../../src/jobs/schedulePublish'

const error = (message: string, status: number) => Response.json({ errors: [{ message }] }, { status })

/** Jobs of this article that have not started yet (a running or finished one cannot be cancelled). */
export const pendingSchedulesWhere = (articleId: number | string): Where => ({
  and: [
    { taskSlug: { equals: SCHEDULE_PUBLISH_TASK } },
    { 'input.doc.relationTo': { equals: 'articles' } },
    { 'input.doc.value': { equals: String(articleId) } },
    { completedAt: { exists: false } },
    { processing: { equals: false } },
  ],
})

export type UpcomingSchedule = { id: number | string; type: ScheduleType; at: string; hasError: boolean }

const toSchedule = (job: {
  id: number | string
  input?: unknown
  waitUntil?: string | null
  hasError?: boolean | null
}): UpcomingSchedule => ({
  id: job.id,
  type: (job.input as { type?: ScheduleType } | undefined)?.type === 'unpublish' ? 'unpublish' : 'publish',
  at: job.waitUntil ?? '',
  hasError: Boolean(job.hasError),
})

/** The article named by the route, when the caller is an editor or admin; otherwise the answer to send. */
async function editableArticle(req: PayloadRequest): Promise<{ id: number | string } | Response> {
  if (!hasRole(req.user, 'admin', 'editor')) return error('برای زمان‌بندی باید با حساب دبیر خبر وارد شوید.', 403)
  const id = String(req.routeParams?.id ?? '')
  if (!isDocumentId(id)) return error('خبر پیدا نشد.', 404)
  const article = await req.payload.findByID({
    collection: 'articles',
    id,
    draft: true,
    depth: 0,
    disableErrors: true,
    req,
  })
  return article ?? error('خبر پیدا نشد.', 404)
}

/**
 * POST /api/articles/:id/schedule {"type": "publish" | "unpublish", "at": ISO date}
 * Queues the schedulePublish job (src/jobs/schedulePublish) that the admin's Jalali
 * «زمان‌بندی» panel queues too.
 */
export const scheduleEndpoint: Endpoint = {
  path: '/:id/schedule',
  method: 'post',
  handler: async (req) => {
    const article = await editableArticle(req)
    if (article instanceof Response) return article
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

    const job = await req.payload.jobs.queue({
      task: SCHEDULE_PUBLISH_TASK,
      // The job publishes as the scheduling editor (access rules apply to them). Payload keeps
      // the document id as a string in this input; so do we, so that one query finds both.
      input: {
        type,
        doc: { relationTo: 'articles', value: String(article.id) },
        user: { relationTo: 'users', value: req.user!.id },
      } as never,
      waitUntil: at,
      req,
    })
    return Response.json(
      { message: 'زمان‌بندی ثبت شد.', job: { id: job.id, type, at: at.toISOString() } },
      { status: 201 },
    )
  },
}

/** GET /api/articles/:id/schedule: the article's upcoming publish and unpublish times, soonest first. */
export const listSchedulesEndpoint: Endpoint = {
  path: '/:id/schedule',
  method: 'get',
  handler: async (req) => {
    const article = await editableArticle(req)
    if (article instanceof Response) return article
    const jobs = await req.payload.find({
      collection: 'payload-jobs',
      where: pendingSchedulesWhere(article.id),
      sort: 'waitUntil',
      limit: 50,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return Response.json({ schedules: jobs.docs.map(toSchedule) })
  },
}

/** DELETE /api/articles/:id/schedule/:jobId: cancels one upcoming publish or unpublish. */
export const cancelScheduleEndpoint: Endpoint = {
  path: '/:id/schedule/:jobId',
  method: 'delete',
  handler: async (req) => {
    const article = await editableArticle(req)
    if (article instanceof Response) return article
    const jobId = String(req.routeParams?.jobId ?? '')
    const notFound = () => error('این زمان‌بندی پیدا نشد یا اجرا شده است.', 404)
    if (!isDocumentId(jobId)) return notFound()
    const { docs } = await req.payload.delete({
      collection: 'payload-jobs',
      where: { and: [{ id: { equals: jobId } }, pendingSchedulesWhere(article.id)] },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return docs.length ? Response.json({ message: 'زمان‌بندی لغو شد.' }) : notFound()
  },
}
