import type { CollectionBeforeDeleteHook } from 'payload'

import { pendingSchedulesWhere } from '../endpoints/schedule'

/** A deleted article's upcoming publish and unpublish jobs go with it (they would only fail later). */
export const deleteSchedules: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({ collection: 'payload-jobs', where: pendingSchedulesWhere(id), req })
}
