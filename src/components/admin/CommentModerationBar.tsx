'use client'

import { toast, useSelection } from '@payloadcms/ui'
import { useRouter, useSearchParams } from 'next/navigation'
import React, { useState } from 'react'

const FILTERS = [
  { status: null, label: 'همه' },
  { status: 'pending', label: 'در انتظار تأیید' },
  { status: 'approved', label: 'تأییدشده' },
  { status: 'rejected', label: 'ردشده' },
  { status: 'spam', label: 'هرزنامه' },
] as const

const ACTIONS = [
  { status: 'approved', label: 'تأیید', done: 'تأیید شد' },
  { status: 'rejected', label: 'رد', done: 'رد شد' },
  { status: 'spam', label: 'هرزنامه', done: 'هرزنامه شمرده شد' },
] as const

/**
 * Above the comments list: one-click filters by status, and approve / reject / spam for the
 * selected rows (Payload's bulk update through REST, so hooks and access run as usual).
 */
export function CommentModerationBar() {
  const { count, getQueryParams } = useSelection()
  const router = useRouter()
  const searchParams = useSearchParams()
  const [busy, setBusy] = useState(false)
  const current = searchParams.get('where[status][equals]')

  async function moderate(action: (typeof ACTIONS)[number]) {
    setBusy(true)
    try {
      const res = await fetch(`/api/comments${getQueryParams()}`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: action.status }),
      })
      const answer = await res.json().catch(() => ({}))
      const changed = Array.isArray(answer.docs) ? answer.docs.length : 0
      if (res.ok && !answer.errors?.length) toast.success(`${changed.toLocaleString('fa-IR')} نظر ${action.done}.`)
      else toast.error(answer.errors?.[0]?.message ?? 'تغییر وضعیت نظرها ممکن نشد.')
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div
      className="comment-moderation"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 16 }}
    >
      <nav aria-label="پالایش بر پایه وضعیت" style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        {FILTERS.map((filter) => (
          <a
            key={filter.label}
            href={filter.status ? `?where[status][equals]=${filter.status}` : '?'}
            className={`pill ${current === filter.status || (!current && !filter.status) ? 'pill--style-dark' : 'pill--style-light'}`}
            aria-current={current === filter.status ? 'page' : undefined}
            style={{ textDecoration: 'none', padding: '2px 12px', borderRadius: 999 }}
          >
            {filter.label}
          </a>
        ))}
      </nav>
      {count > 0 && (
        <div
          role="group"
          aria-label="بررسی نظرهای انتخاب‌شده"
          style={{ display: 'flex', gap: 6, marginInlineStart: 'auto', alignItems: 'center' }}
        >
          <span>{count.toLocaleString('fa-IR')} نظر انتخاب شده:</span>
          {ACTIONS.map((action) => (
            <button
              key={action.status}
              type="button"
              className="btn btn--style-secondary btn--size-small"
              disabled={busy}
              onClick={() => moderate(action)}
              style={{ margin: 0 }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
