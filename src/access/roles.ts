/** Staff roles of the `users` collection. Readers have none: they live in `readers`. */
export const STAFF_ROLES = ['admin', 'editor', 'support'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

type MaybeUser = { collection?: string; roles?: unknown } | null | undefined

/** True when the signed-in user is a staff member holding one of `roles`. */
export function hasRole(user: MaybeUser, ...roles: StaffRole[]): boolean {
  if (!user || user.collection !== 'users' || !Array.isArray(user.roles)) return false
  return user.roles.some((role) => roles.includes(role as StaffRole))
}

export const isStaffUser = (user: MaybeUser): boolean => hasRole(user, ...STAFF_ROLES)
export const isReaderUser = (user: MaybeUser): boolean => user?.collection === 'readers'

/** Admins and support staff: the people who work the tickets. */
export const isSupportUser = (user: MaybeUser): boolean => hasRole(user, 'admin', 'support')
