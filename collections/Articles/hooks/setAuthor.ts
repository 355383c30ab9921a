import type { CollectionBeforeChangeHook } from 'payload'

import { isStaffUser } from '../../../src/access'

/** The registrar («ثبت کننده») is the staff member who created the article; nobody types it. */
export const setAuthor: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && !data.author && isStaffUser(req.user)) return { ...data, author: req.user!.id }
  return data
}
