import type { TaskConfig } from 'payload'

import { env } from '../lib/env'
import { bringWaitingJobForward } from './bringWaitingJobForward'

/**
 * Deletes ticket attachments uploaded but never carried by a message (a reader who uploaded and
 * left) once older than TICKET_ORPHAN_UPLOAD_HOURS, files included (Payload's upload delete
 * removes them), and the expired rows of idempotency-keys. Idempotent: two instances running it
 * at once delete each row once (a second delete finds nothing).
 */
export const cleanupStaleUploadsTask: TaskConfig<'cleanupStaleUploads'> = {
  slug: 'cleanupStaleUploads',
  label: 'پاک کردن پیوست‌های بی‌پیام و کلیدهای تکرارناپذیری منقضی',
  schedule: [
    {
      cron: env().ticketUploadCleanupCron,
      queue: 'default',
      hooks: { beforeSchedule: bringWaitingJobForward('cleanupStaleUploads') },
    },
  ],
  outputSchema: [
    { name: 'attachments', type: 'number' },
    { name: 'idempotencyKeys', type: 'number' },
  ],
  handler: async ({ req }) => {
    const { payload } = req
    const cutoff = new Date(Date.now() - env().ticketOrphanUploadHours * 60 * 60 * 1000).toISOString()
    const orphans = await payload.delete({
      collection: 'ticket-attachments',
      where: { and: [{ message: { exists: false } }, { createdAt: { less_than: cutoff } }] },
      overrideAccess: true,
      depth: 0,
      req,
    })
    const expired = await payload.delete({
      collection: 'idempotency-keys',
      where: { expiresAt: { less_than: new Date().toISOString() } },
      overrideAccess: true,
      depth: 0,
      req,
    })
    const attachments = orphans.docs.length
    if (attachments) payload.logger.info(`${attachments} پیوست بی‌پیام درخواست‌ها پاک شد.`)
    return { output: { attachments, idempotencyKeys: expired.docs.length } }
  },
}
