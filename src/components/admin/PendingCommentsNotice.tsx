import type { Payload, TypedUser } from 'payload'
import React from 'react'

import { isStaffUser } from '../../access/roles'

/** On the admin dashboard: how many comments wait for moderation, linking to that list. */
export async function PendingCommentsNotice({ payload, user }: { payload: Payload; user?: TypedUser | null }) {
  if (!isStaffUser(user)) return null
  const { totalDocs } = await payload.count({ collection: 'comments', where: { status: { equals: 'pending' } }, overrideAccess: false, user })
  return (
    <section className="pending-comments" style={{ marginBottom: 24, padding: '12px 16px', border: '1px solid var(--theme-elevation-150)', borderRadius: 6 }}>
      <a href="/admin/collections/comments?where[status][equals]=pending" style={{ textDecoration: 'none' }}>
        <strong data-pending-comments={totalDocs}>{totalDocs.toLocaleString('fa-IR')}</strong> نظر در انتظار تأیید
      </a>
    </section>
  )
}
