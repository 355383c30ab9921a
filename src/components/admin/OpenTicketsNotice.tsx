import type { Payload, TypedUser } from 'payload'
import React from 'react'

import { isSupportUser } from '../../access/roles'

/** On the dashboard of support staff: tickets waiting for a first answer and tickets in progress. */
export async function OpenTicketsNotice({ payload, user }: { payload: Payload; user?: TypedUser | null }) {
  if (!isSupportUser(user)) return null
  const count = (status: string) => payload.count({ collection: 'tickets', where: { status: { equals: status } }, overrideAccess: false, user }).then((r) => r.totalDocs)
  const [fresh, inProgress] = await Promise.all([count('new'), count('in_progress')])
  return (
    <section className="open-tickets" style={{ marginBottom: 24, padding: '12px 16px', border: '1px solid var(--theme-elevation-150)', borderRadius: 6, display: 'flex', gap: 24 }}>
      <a href="/admin/collections/tickets?where[status][equals]=new" style={{ textDecoration: 'none' }}>
        <strong>{fresh.toLocaleString('fa-IR')}</strong> درخواست تازه
      </a>
      <a href="/admin/collections/tickets?where[status][equals]=in_progress" style={{ textDecoration: 'none' }}>
        <strong>{inProgress.toLocaleString('fa-IR')}</strong> درخواست در حال بررسی
      </a>
    </section>
  )
}
