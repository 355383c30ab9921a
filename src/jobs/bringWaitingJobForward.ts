import type { TaskConfig } from 'payload'

// Payload does not export the type of a schedule hook.
type BeforeScheduleFn = NonNullable<NonNullable<NonNullable<TaskConfig['schedule']>[number]['hooks']>['beforeSchedule']>

/**
 * Payload queues a scheduled task only while none of its jobs is waiting. A job queued under a
 * slower schedule (a previous start's or another instance's cron variable, e.g.
 * TICKET_AUTO_CLOSE_CRON) would hold
 * this schedule back until its own time, so it is brought forward to this schedule's next run.
 */
export const bringWaitingJobForward =
  (slug: string): BeforeScheduleFn =>
  async (args) => {
    const { queueable, req } = args
    if (queueable.waitUntil) {
      const waitUntil = queueable.waitUntil.toISOString()
      await req.payload.update({
        collection: 'payload-jobs',
        where: {
          and: [
            { taskSlug: { equals: slug } },
            { processing: { equals: false } },
            { completedAt: { exists: false } },
            { waitUntil: { greater_than: waitUntil } },
          ],
        },
        data: { waitUntil },
        overrideAccess: true,
        depth: 0,
        req,
      })
    }
    return args.defaultBeforeSchedule(args)
  }
