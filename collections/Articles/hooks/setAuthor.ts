import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole, isStaffUser } from '../../../src/access'

/**
 * The registrar («ثبت کننده») is the staff member who created the article: an editor cannot
 * name someone else. Only an admin may set it (e.g. when entering news on a colleague's behalf).
 */
export const setAuthor: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create' || !isStaffUser(req.user)) return data
  if (hasRole(req.user, 'admin') && data.author) return data
  return { ...data, author: req.user!.id }
}
