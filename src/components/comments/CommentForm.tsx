'use client'

import React, { useState } from 'react'

import type { PublicComment } from '@/lib/comments/thread'

export type Viewer = { kind: 'reader' | 'staff'; name: string } | null

type Props = {
  articleId: number | string
  viewer: Viewer
  replyTo: PublicComment | null
  maxLength: number
  onCancelReply(): void
  onSubmitted(comment: PublicComment, published: boolean): void
}

type FieldErrors = Partial<Record<'body' | 'guestName' | 'guestEmail' | 'form', string>>

/** Reads Payload's error answer ({ errors: [{ message, data: { errors: [{ path, message }] } }] }). */
function errorsFrom(body: unknown): FieldErrors {
  const errors =
    (body as { errors?: { message?: string; data?: { errors?: { path?: string; message?: string }[] } }[] })?.errors ??
    []
  const result: FieldErrors = {}
  for (const error of errors) {
    const fields = error.data?.errors ?? []
    for (const field of fields) {
      const key =
        field.path === 'body' || field.path === 'guestName' || field.path === 'guestEmail' ? field.path : 'form'
      result[key] ??= field.message
    }
    if (!fields.length) result.form ??= error.message
  }
  if (!Object.keys(result).length) result.form = 'ثبت نظر ممکن نشد؛ دوباره تلاش کنید.'
  return result
}

/** The comment form: name and email for guests, the text, and a honeypot field robots fill in. */
export function CommentForm({ articleId, viewer, replyTo, maxLength, onCancelReply, onSubmitted }: Props) {
  const [body, setBody] = useState('')
  const [guestName, setGuestName] = useState('')
  const [guestEmail, setGuestEmail] = useState('')
  const [website, setWebsite] = useState('')
  const [sending, setSending] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setSending(true)
    setErrors({})
    try {
      const res = await fetch('/api/comments?depth=0', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          article: articleId,
          parent: replyTo?.id ?? null,
          body,
          website,
          ...(viewer ? {} : { guestName, guestEmail }),
        }),
      })
      const answer = await res.json().catch(() => null)
      if (!res.ok) {
        setErrors(errorsFrom(answer))
        return
      }
      const doc = answer.doc as PublicComment & { status?: string; parent?: unknown }
      const published = doc.status === 'approved'
      onSubmitted(
        {
          id: doc.id,
          body: doc.body,
          authorName: doc.authorName,
          isStaffReply: Boolean(doc.isStaffReply),
          createdAt: doc.createdAt,
          parent: replyTo?.id ?? null,
          pending: !published,
        },
        published,
      )
      setBody('')
    } catch {
      setErrors({ form: 'ارتباط با سرور برقرار نشد؛ متن شما هنوز در فرم است، دوباره بفرستید.' })
    } finally {
      setSending(false)
    }
  }

  return (
    <form className="comment-form" onSubmit={submit} noValidate aria-labelledby="comment-form-title">
      <h3 id="comment-form-title">{replyTo ? `پاسخ به ${replyTo.authorName}` : 'نظر شما'}</h3>
      {replyTo && (
        <p className="comment-form__replying">
          <span>
            در پاسخ به: «{replyTo.body.slice(0, 80)}
            {replyTo.body.length > 80 ? '…' : ''}»
          </span>{' '}
          <button type="button" className="link-button" onClick={onCancelReply}>
            انصراف از پاسخ
          </button>
        </p>
      )}
      {viewer ? (
        <p className="comment-form__as">با نام «{viewer.name}» نظر می‌دهید.</p>
      ) : (
        <div className="comment-form__row">
          <label>
            <span>
              نام <span aria-hidden="true">*</span>
            </span>
            <input
              name="guestName"
              value={guestName}
              onChange={(e) => setGuestName(e.target.value)}
              required
              maxLength={80}
              autoComplete="name"
              aria-invalid={Boolean(errors.guestName)}
            />
            {errors.guestName && <span className="field-error">{errors.guestName}</span>}
          </label>
          <label>
            <span>رایانامه (اختیاری؛ نمایش داده نمی‌شود)</span>
            <input
              name="guestEmail"
              type="email"
              dir="ltr"
              value={guestEmail}
              onChange={(e) => setGuestEmail(e.target.value)}
              autoComplete="email"
              aria-invalid={Boolean(errors.guestEmail)}
            />
            {errors.guestEmail && <span className="field-error">{errors.guestEmail}</span>}
          </label>
        </div>
      )}
      {/* Honeypot: hidden from people and screen readers; a robot filling every field fills this too. */}
      <div className="visually-hidden" aria-hidden="true">
        <label>
          <span>وب‌سایت</span>
          <input
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
          />
        </label>
      </div>
      <label>
        <span>
          متن نظر <span aria-hidden="true">*</span>
        </span>
        <textarea
          name="body"
          rows={5}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          required
          maxLength={maxLength}
          aria-invalid={Boolean(errors.body)}
        />
        {errors.body && <span className="field-error">{errors.body}</span>}
      </label>
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="button" disabled={sending}>
        {sending ? 'در حال ارسال…' : 'ارسال نظر'}
      </button>
    </form>
  )
}
