import { isolateObjectProperty, type TaskConfig } from 'payload'

export const SCHEDULE_PUBLISH_TASK = 'schedulePublish'
export type ScheduleType = 'publish' | 'unpublish'

/** Collections whose articles can be published or unpublished at a set time. */
const SCHEDULED_COLLECTIONS = ['articles'] as const

/**
 * Publishes or unpublishes a document at its job's `waitUntil`, acting as the staff member who
 * scheduled it (their access applies; a deleted or demoted account publishes nothing).
 *
 * Payload ships the same task with `versions.drafts.schedulePublish`, but that option also
 * brings its Gregorian scheduling drawer to the admin. Ours keeps Payload's slug and input
 * shape, so jobs queued by either run here and the jobs table keeps its schema; the admin
 * schedules through src/components/admin/ScheduleControls with the Jalali picker.
 */
export const schedulePublishTask: TaskConfig<'schedulePublish'> = {
  slug: SCHEDULE_PUBLISH_TASK,
  label: 'انتشار یا لغو انتشار زمان‌بندی‌شده',
  retries: 2,
  inputSchema: [
    { name: 'type', type: 'radio', defaultValue: 'publish', options: ['publish', 'unpublish'] },
    { name: 'doc', type: 'relationship', relationTo: [...SCHEDULED_COLLECTIONS] },
    { name: 'user', type: 'relationship', relationTo: ['users'] },
  ],
  handler: async ({ input, req }) => {
    const doc = input.doc as { relationTo: (typeof SCHEDULED_COLLECTIONS)[number]; value: number | string } | undefined
    const by = input.user as { relationTo: 'users'; value: number | string } | undefined
    if (!doc || !by) throw new Error('schedulePublish job without a document or a scheduling user')
    const idOf = (value: number | string) => (req.payload.db.defaultIDType === 'number' ? Number(value) : value)
    const user = await req.payload.findByID({
      collection: 'users',
      id: idOf(by.value),
      depth: 0,
      disableErrors: true,
      req,
    })
    if (!user) throw new Error(`the staff member who scheduled ${doc.relationTo}/${doc.value} no longer exists`)
    const status = input.type === 'unpublish' ? 'draft' : 'published'
    // Already so (a retry after a half-finished run, or two schedules for one time): no new version.
    // Publishing looks at the latest draft, unpublishing at the live document.
    const current = await req.payload.findByID({
      collection: doc.relationTo,
      id: idOf(doc.value),
      draft: status === 'published',
      depth: 0,
      disableErrors: true,
      req,
    })
    if (current?._status === status) return { output: {} }
    // In this job's transaction (a second pool connection per job could wait for ever when many
    // jobs fire at once), but with a `user` of its own: Payload sets `req.user`, and the jobs of
    // one run share the request object, so a job alongside would otherwise act as this editor.
    await req.payload.update({
      req: isolateObjectProperty(req, ['transactionID', 'user']),
      collection: doc.relationTo,
      id: idOf(doc.value),
      data: { _status: status },
      depth: 0,
      overrideAccess: false,
      user: { ...user, collection: 'users' },
    })
    return { output: {} }
  },
}
