import { type CollectionBeforeOperationHook, type CollectionBeforeValidateHook, type PayloadRequest, ValidationError } from 'payload'

export const READER_PASSWORD_MIN_LENGTH = 8

function assertLongEnough(password: unknown, req: PayloadRequest) {
  if (typeof password === 'string' && password.length < READER_PASSWORD_MIN_LENGTH)
    throw new ValidationError({ collection: 'readers', errors: [{ path: 'password', message: 'گذرواژه دست‌کم ۸ نویسه باشد.' }], req })
}

/** A reader's new password has at least eight characters. */
export const checkPasswordLength: CollectionBeforeValidateHook = ({ data, req }) => {
  assertLongEnough((data as { password?: unknown } | undefined)?.password, req)
  return data
}

/** The same rule for a password set through the reset link: Payload's reset never shows the hook above the new password. */
export const checkResetPasswordLength: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'resetPassword') assertLongEnough((args as { data?: { password?: unknown } }).data?.password, req)
  return args
}
