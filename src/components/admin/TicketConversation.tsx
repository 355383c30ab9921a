'use client'

import { toast, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { errorsByField } from '../../lib/apiErrors'
import { formatJalaliDateTime } from '../../lib/persian/jalali'
import { ATTACHMENT_ACCEPT, uploadAttachments } from '../account/attachments'

type Attachment = { id: number | string; originalName?: string; filename?: string; url?: string }
type Message = {
  id: number | string
  body: string
  authorName?: string
  fromStaff?: boolean
  internal?: boolean
  createdAt: string
  attachments?: (Attachment | number | string)[]
}
type Canned = { id: number | string; title: string; body: string }

/**
 * On a ticket's page: the whole conversation (internal notes marked), and the reply box — a
 * canned response can be inserted and edited, files attached, and the text sent to the reader
 * (who is emailed) or kept as an internal note.
 */
export function TicketConversation() {
  const { id } = useDocumentInfo()
  const modified = useFormModified()
  const [messages, setMessages] = useState<Message[]>([])
  const [canned, setCanned] = useState<Canned[]>([])
  const [body, setBody] = useState('')
  const [internal, setInternal] = useState(false)
  const [files, setFiles] = useState<File[]>([])
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`/api/ticket-messages?where[ticket][equals]=${id}&sort=createdAt&limit=500&depth=1`, {
      credentials: 'include',
    })
    if (res.ok) setMessages((await res.json()).docs)
  }, [id])

  useEffect(() => {
    void load()
    void fetch('/api/canned-responses?limit=100&sort=title&depth=0', { credentials: 'include' })
      .then((res) => (res.ok ? res.json() : { docs: [] }))
      .then((answer) => setCanned(answer.docs))
  }, [load])

  async function send() {
    setBusy(true)
    try {
      const upload = await uploadAttachments(files, [])
      if (upload.error) {
        toast.error(upload.error)
        return
      }
      const attachments = upload.uploaded.map((u) => u.id)
      const res = await fetch('/api/ticket-messages?depth=0', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ticket: id, body, internal, attachments }),
      })
      const answer = await res.json().catch(() => ({}))
      if (!res.ok) {
        toast.error(errorsByField(answer, [], 'ثبت پیام ممکن نشد.').form)
        return
      }
      setBody('')
      setFiles([])
      toast.success(internal ? 'یادداشت داخلی ثبت شد.' : 'پاسخ ثبت و برای خواننده فرستاده شد.')
      // The status changed on the server; reload so the form never saves a stale one back.
      if (!modified) window.location.reload()
      else await load()
    } finally {
      setBusy(false)
    }
  }

  if (!id) return null
  return (
    <div className="field-type ticket-conversation">
      <h3 style={{ margin: '0 0 12px' }}>گفتگو</h3>
      <ol style={{ listStyle: 'none', padding: 0, margin: '0 0 16px', display: 'grid', gap: 10 }}>
        {messages.map((message) => (
          <li
            key={message.id}
            className={`ticket-message${message.internal ? ' ticket-message--internal' : message.fromStaff ? ' ticket-message--staff' : ''}`}
            style={{
              padding: '10px 14px',
              borderRadius: 6,
              border: '1px solid var(--theme-elevation-150)',
              background: message.internal
                ? 'var(--theme-warning-100, #fff6db)'
                : message.fromStaff
                  ? 'var(--theme-elevation-50)'
                  : 'transparent',
            }}
          >
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', fontSize: 13, marginBottom: 6 }}>
              <strong>{message.authorName || '—'}</strong>
              <span>{message.internal ? 'یادداشت داخلی' : message.fromStaff ? 'پاسخ پشتیبانی' : 'خواننده'}</span>
              <time dateTime={message.createdAt} style={{ marginInlineStart: 'auto' }}>
                {formatJalaliDateTime(message.createdAt)}
              </time>
            </div>
            <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{message.body}</p>
            {(message.attachments ?? [])
              .filter((a): a is Attachment => typeof a === 'object')
              .map((attachment) => (
                <a
                  key={attachment.id}
                  href={attachment.url}
                  style={{ display: 'inline-block', marginTop: 6, marginInlineEnd: 12 }}
                >
                  📎 {attachment.originalName || attachment.filename}
                </a>
              ))}
          </li>
        ))}
      </ol>

      <label className="field-label" htmlFor="ticket-reply-body">
        پاسخ یا یادداشت
      </label>
      {canned.length > 0 && (
        <select
          aria-label="درج پاسخ آماده"
          defaultValue=""
          onChange={(e) => {
            const chosen = canned.find((c) => String(c.id) === e.target.value)
            if (chosen) setBody((current) => (current.trim() ? `${current}\n\n${chosen.body}` : chosen.body))
            e.target.value = ''
          }}
          style={{ display: 'block', marginBottom: 8, font: 'inherit', padding: 4 }}
        >
          <option value="">درج پاسخ آماده…</option>
          {canned.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.title}
            </option>
          ))}
        </select>
      )}
      <textarea
        id="ticket-reply-body"
        rows={5}
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
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', marginTop: 8 }}>
        <label style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          یادداشت داخلی (خواننده نمی‌بیند)
        </label>
        <input
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          aria-label="پیوست"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          style={{ margin: 0 }}
          disabled={busy || !body.trim()}
          onClick={send}
        >
          {internal ? 'ثبت یادداشت' : 'ارسال پاسخ'}
        </button>
      </div>
    </div>
  )
}
