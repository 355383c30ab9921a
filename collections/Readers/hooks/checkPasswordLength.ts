import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

export const READER_PASSWORD_MIN_LENGTH = 8

/** A reader's new password has at least eight characters. */
export const checkPasswordLength: CollectionBeforeValidateHook = ({ data, req }) => {
  const password = (data as { password?: unknown } | undefined)?.password
  if (typeof password === 'string' && password.length < READER_PASSWORD_MIN_LENGTH)
    throw new ValidationError({ collection: 'readers', errors: [{ path: 'password', message: 'گذرواژه دست‌کم ۸ نویسه باشد.' }], req })
  return data
}
