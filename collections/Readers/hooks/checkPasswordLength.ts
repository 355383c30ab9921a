import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

export const READER_PASSWORD_MIN_LENGTH = 8

/**
 * A reader's new password has at least eight characters — on registration, on a profile update
 * and on the emailed reset (which bypasses the collection's validate hooks, hence an operation hook).
 */
export const checkPasswordLength: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const password = (args as { data?: { password?: unknown } }).data?.password
  if (typeof password === 'string' && password.length < READER_PASSWORD_MIN_LENGTH)
    throw new ValidationError({
      collection: 'readers',
      errors: [{ path: 'password', message: 'گذرواژه دست‌کم ۸ نویسه باشد.' }],
      req,
    })
  return args
}
