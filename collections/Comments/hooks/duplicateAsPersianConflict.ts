import type { CollectionAfterErrorHook } from 'payload'

import { COMMENT_MESSAGES } from '../messages'

type FieldErrors = { data?: { errors?: { path?: string }[] } }

/**
 * Two identical submissions that raced past the duplicate check collide on the unique
 * `fingerprint`; the loser gets the same answer as a duplicate caught by the check.
 */
export const duplicateAsPersianConflict: CollectionAfterErrorHook = ({ error }) => {
  const paths = (error as FieldErrors).data?.errors?.map((e) => e.path) ?? []
  if (paths.includes('fingerprint'))
    return { status: 409, response: { errors: [{ message: COMMENT_MESSAGES.duplicate }] } }
}
