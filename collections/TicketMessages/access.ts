import type { Access, Where } from 'payload'

import { isReaderUser, isSupportUser } from '../../src/access'

/**
 * Support staff read every message, internal notes included. A reader reads the public messages
 * of their own tickets; an internal note never reaches them, on any route.
 */
export const readTicketMessages: Access = ({ req: { user } }) => {
  if (isSupportUser(user)) return true
  if (isReaderUser(user) && user) {
    const ownPublic: Where = { and: [{ requester: { equals: user.id } }, { internal: { not_equals: true } }] }
    return ownPublic
  }
  return false
}
