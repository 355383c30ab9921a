import type { Access, FieldAccess, Where } from 'payload'

import { isReaderUser, isStaffUser } from '../../src/access'

const publiclyVisible: Where = {
  and: [{ status: { equals: 'approved' } }, { 'article._status': { equals: 'published' } }],
}

/**
 * Staff read every comment. Everyone else reads the approved comments of published articles;
 * a signed-in reader also reads their own comments still waiting for moderation.
 */
export const readComments: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  if (isReaderUser(user) && user)
    return {
      or: [publiclyVisible, { and: [{ reader: { equals: user.id } }, { status: { in: ['pending', 'spam'] } }] }],
    }
  return publiclyVisible
}

/** Moderation data (emails, address hashes, user agents, spam reasons) is for staff only. */
export const staffOnlyField: FieldAccess = ({ req: { user } }) => isStaffUser(user)

/** The reader relationship: staff, and the reader it points to. */
export const readerFieldAccess: FieldAccess = ({ req: { user }, doc }) => {
  if (isStaffUser(user)) return true
  if (!isReaderUser(user) || !user || !doc?.reader) return false
  const readerId = typeof doc.reader === 'object' ? doc.reader.id : doc.reader
  return String(readerId) === String(user.id)
}
