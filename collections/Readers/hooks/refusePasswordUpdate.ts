import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { hasRole } from '../../../src/access'

/**
 * A reader's password changes only through `POST /api/readers/change-password`, which first
 * checks the current one: a plain update (REST PATCH, GraphQL) carrying a password is refused, so
 * a stolen session cannot take the account over. An admin may still set one; the endpoint itself
 * updates with overrideAccess.
 */
export const refusePasswordUpdate: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'update') return args
  const { data, overrideAccess } = args as { data?: { password?: unknown }; overrideAccess?: boolean }
  if (overrideAccess === true || hasRole(req.user, 'admin')) return args
  if (data && data.password !== undefined && data.password !== null)
    throw new APIError(
      'گذرواژه از این راه تغییر نمی‌کند؛ از بخش «تغییر گذرواژه» در پنل کاربری (POST /api/readers/change-password) با گذرواژه کنونی استفاده کنید.',
      403,
      null,
      true,
    )
  return args
}
