import type { Access, FieldAccess, Where } from 'payload'

import { hasRole, isReaderUser, isStaffUser, isSupportUser } from './roles'

export * from './roles'

export const anyone: Access = () => true

export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')
export const isStaff: Access = ({ req: { user } }) => isStaffUser(user)
export const isEditorial: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

/** Admin sees every document; any other signed-in account of this collection only itself. */
export const isAdminOrSelf =
  (collection: 'users' | 'readers'): Access =>
  ({ req: { user } }) => {
    if (hasRole(user, 'admin')) return true
    if (user && user.collection === collection) return { id: { equals: user.id } }
    return false
  }

/** Staff read every reader (support needs requesters); a reader reads only itself. */
export const staffOrSelfReader: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  if (isReaderUser(user) && user) return { id: { equals: user.id } }
  return false
}

export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

/** Staff read everything, including drafts; everyone else only published documents. */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  return { _status: { equals: 'published' } }
}

export const isEditorialField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')

export const isSupport: Access = ({ req: { user } }) => isSupportUser(user)
export const isSupportField: FieldAccess = ({ req: { user } }) => isSupportUser(user)
export const isStaffField: FieldAccess = ({ req: { user } }) => isStaffUser(user)

/**
 * Staff accounts: an admin reads all; support staff also read their support and admin colleagues
 * (to assign tickets); everyone else only themselves.
 */
export const readStaffAccounts: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin')) return true
  if (!user || user.collection !== 'users') return false
  const self: Where = { id: { equals: user.id } }
  return hasRole(user, 'support') ? { or: [self, { roles: { in: ['support', 'admin'] } }] } : self
}

/** For fields only the server's hooks set (authors, timestamps, codes). */
export const noOne: FieldAccess = () => false
