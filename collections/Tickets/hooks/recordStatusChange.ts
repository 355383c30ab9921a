import type { CollectionBeforeChangeHook } from 'payload'

import { isReaderUser } from '../../../src/access'
import type { Ticket } from '../../../src/payload-types'

/**
 * Every status change is kept in the ticket's history (when, who), and the moments readers and
 * the idle-ticket job care about are stamped: answered, closed, last message.
 */
export const recordStatusChange: CollectionBeforeChangeHook<Ticket> = ({ data, originalDoc, operation, req }) => {
  const now = new Date().toISOString()
  const previous = operation === 'create' ? undefined : originalDoc?.status
  const status = data.status ?? previous
  if (status === previous) return data

  const by =
    (req.context.statusChangedBy as string | undefined) ??
    (req.user
      ? isReaderUser(req.user)
        ? 'خواننده'
        : String((req.user as { name?: string }).name ?? 'پشتیبانی')
      : 'سامانه')
  data.history = [...(originalDoc?.history ?? data.history ?? []), { status: status!, at: now, by }]
  if (status === 'answered') data.answeredAt = now
  if (status === 'closed') data.closedAt = now
  else data.closedAt = null
  if (operation === 'create') data.lastMessageAt = now
  return data
}
