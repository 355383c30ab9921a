'use client'

import { toast, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

/**
 * On a comment's edit page: answer it as the site. The reply is a new comment (marked as the
 * site's and approved at once); a pending comment that gets an answer is approved with it, and
 * a commenter who left an email address is told.
 */
export function StaffReplyField() {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  const [reply, setReply] = useState<{ id: number | string } | null>(null)

  async function send() {
    setBusy(true)
    try {
      const res = await fetch('/api/comments?depth=0', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ parent: id, body }),
      })
      const answer = await res.json().catch(() => ({}))
      if (!res.ok) {
        toast.error(
          answer.errors?.[0]?.data?.errors?.[0]?.message ?? answer.errors?.[0]?.message ?? 'ثبت پاسخ ممکن نشد.',
        )
        return
      }
      setReply(answer.doc)
      setBody('')
      toast.success('پاسخ سایت ثبت و منتشر شد.')
      router.refresh()
    } finally {
      setBusy(false)
    }
  }

  if (!id) return null
  return (
    <div className="field-type staff-reply" style={{ marginBottom: 24 }}>
      <label className="field-label" htmlFor="staff-reply-body">
        پاسخ سایت به این نظر
      </label>
      <textarea
        id="staff-reply-body"
        rows={4}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        style={{
          width: '100%',
          font: 'inherit',
          padding: 8,
          borderRadius: 4,
          border: '1px solid var(--theme-elevation-150)',
          background: 'var(--theme-input-bg)',
          color: 'var(--theme-text)',
        }}
      />
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 8 }}>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          style={{ margin: 0 }}
          disabled={busy || !body.trim()}
          onClick={send}
        >
          ارسال پاسخ
        </button>
        {reply && <a href={`/admin/collections/comments/${reply.id}`}>دیدن پاسخ ثبت‌شده</a>}
      </div>
    </div>
  )
}
