import type { Payload, TypedUser } from 'payload'

import { hasRole, isStaffUser, isSupportUser } from '../../../access/roles'
import { SCHEDULE_PUBLISH_TASK } from '../../../jobs/schedulePublish'

const DAY = 24 * 60 * 60 * 1000
export const WAITING_TICKET_STATUSES = ['new', 'in_progress', 'answered'] as const

export type DashboardFigures = {
  pendingComments?: number
  tickets?: {
    byStatus: Record<(typeof WAITING_TICKET_STATUSES)[number], number>
    oldestWaiting: { id: number | string; code: string; subject: string; createdAt: string } | null
  }
  mostViewed?: { since: string; articles: { id: number | string; title: string; views: number; publishedAt: string }[] }
  upcoming?: {
    jobId: number | string
    at: string
    type: 'publish' | 'unpublish'
    article: { id: number | string; title: string } | null
  }[]
}

/**
 * What the admin's home shows one staff member. Each part is read with their own access and left
 * out when their role has no business with it: editors see no ticket figures, support staff no
 * moderation queue or publishing schedule.
 */
export async function dashboardFigures(
  payload: Payload,
  user: TypedUser | null | undefined,
  now = new Date(),
): Promise<DashboardFigures> {
  if (!isStaffUser(user)) return {}
  const as = { overrideAccess: false, user, depth: 0 } as const
  const editorial = hasRole(user, 'admin', 'editor')
  const figures: DashboardFigures = {}

  const work: Promise<void>[] = []
  if (editorial) {
    work.push(
      payload
        .count({ collection: 'comments', where: { status: { equals: 'pending' } }, ...as })
        .then(({ totalDocs }) => {
          figures.pendingComments = totalDocs
        }),
    )
    work.push(
      upcomingSchedules(payload, now).then((upcoming) => {
        figures.upcoming = upcoming
      }),
    )
  }
  if (isSupportUser(user)) {
    const count = (status: string) =>
      payload.count({ collection: 'tickets', where: { status: { equals: status } }, ...as }).then((r) => r.totalDocs)
    work.push(
      Promise.all([
        ...WAITING_TICKET_STATUSES.map(count),
        payload.find({
          collection: 'tickets',
          where: { status: { in: ['new', 'in_progress'] } },
          sort: 'createdAt',
          limit: 1,
          pagination: false,
          select: { code: true, subject: true, createdAt: true },
          ...as,
        }),
      ]).then(([fresh, inProgress, answered, oldest]) => {
        const ticket = (oldest as { docs: { id: number | string; code: string; subject: string; createdAt: string }[] })
          .docs[0]
        figures.tickets = {
          byStatus: { new: fresh as number, in_progress: inProgress as number, answered: answered as number },
          oldestWaiting: ticket
            ? { id: ticket.id, code: ticket.code, subject: ticket.subject, createdAt: ticket.createdAt }
            : null,
        }
      }),
    )
  }
  // Views are counted per article, not per day: "most viewed of the last 7 days" is the most
  // viewed among the articles published in those days.
  const since = new Date(now.getTime() - 7 * DAY).toISOString()
  work.push(
    payload
      .find({
        collection: 'articles',
        where: {
          and: [
            { _status: { equals: 'published' } },
            { publishedAt: { greater_than_equal: since } },
            { publishedAt: { less_than_equal: now.toISOString() } },
          ],
        },
        // Equal views: the newer first, so the order is the same on every adapter and every visit.
        sort: ['-views', '-publishedAt'],
        limit: 5,
        pagination: false,
        select: { title: true, views: true, publishedAt: true },
        ...as,
      })
      .then(({ docs }) => {
        figures.mostViewed = {
          since,
          articles: docs.map((a) => ({
            id: a.id,
            title: a.title,
            views: a.views ?? 0,
            publishedAt: a.publishedAt ?? '',
          })),
        }
      }),
  )
  await Promise.all(work)
  return figures
}

/** The next scheduled publish and unpublish jobs, with their articles' titles. */
async function upcomingSchedules(payload: Payload, now: Date): Promise<NonNullable<DashboardFigures['upcoming']>> {
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: SCHEDULE_PUBLISH_TASK } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { waitUntil: { greater_than: now.toISOString() } },
      ],
    },
    sort: 'waitUntil',
    limit: 5,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const inputs = jobs.docs.map(
    (job) => job.input as { type?: string; doc?: { relationTo?: string; value?: number | string } },
  )
  const ids = [
    ...new Set(
      inputs.flatMap((input) =>
        input.doc?.relationTo === 'articles' && input.doc.value != null ? [String(input.doc.value)] : [],
      ),
    ),
  ]
  const articles = ids.length
    ? (
        await payload.find({
          collection: 'articles',
          where: { id: { in: ids } },
          draft: true,
          limit: ids.length,
          pagination: false,
          depth: 0,
          select: { title: true },
          overrideAccess: true,
        })
      ).docs
    : []
  const titles = new Map(articles.map((a) => [String(a.id), a]))
  return jobs.docs.map((job, i) => {
    const article = titles.get(String(inputs[i]!.doc?.value))
    return {
      jobId: job.id,
      at: job.waitUntil ?? '',
      type: inputs[i]!.type === 'unpublish' ? 'unpublish' : 'publish',
      article: article ? { id: article.id, title: article.title } : null,
    }
  })
}
