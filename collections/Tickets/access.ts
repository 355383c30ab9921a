import type { Access } from 'payload'

import { isReaderUser, isSupportUser } from '../../src/access'

/**
 * Support staff and admins see every ticket; a reader only their own (anyone else's id answers
 * 404, as if it did not exist); editors and visitors none.
 */
export const supportOrRequester: Access = ({ req: { user } }) => {
  if (isSupportUser(user)) return true
  if (isReaderUser(user) && user) return { requester: { equals: user.id } }
  return false
}

export const readerOrSupport: Access = ({ req: { user } }) => isSupportUser(user) || isReaderUser(user)
export const readerOnly: Access = ({ req: { user } }) => isReaderUser(user)
