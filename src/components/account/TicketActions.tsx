'use client'

import React, { useState } from 'react'

import { ATTACHMENT_ACCEPT, type Uploaded, uploadAttachments } from './attachments'
import { FieldError, FormError, useApiForm } from './useApiForm'

/** The reader's reply on their ticket (reopens an answered or recently closed one). */
export function TicketReplyForm({ ticketId, closed }: { ticketId: number | string; closed: boolean }) {
  const [body, setBody] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const [uploaded, setUploaded] = useState<Uploaded[]>([])
  const { busy, errors, setErrors, send } = useApiForm(['body'] as const, 'ثبت پاسخ ممکن نشد؛ دوباره تلاش کنید.')

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    const result = await uploadAttachments(files, uploaded)
    setUploaded(result.uploaded)
    if (result.error) return setErrors({ form: result.error })
    if (
      await send('/api/ticket-messages?depth=0', 'POST', {
        ticket: ticketId,
        body,
        attachments: result.uploaded.map((u) => u.id),
      })
    )
      window.location.reload()
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby="reply-title">
      <h2 id="reply-title">{closed ? 'بازگشایی با پاسخ تازه' : 'پاسخ شما'}</h2>
      <label>
        <span className="visually-hidden">متن پاسخ</span>
        <textarea
          name="body"
          rows={5}
          required
          maxLength={10000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        <FieldError message={errors.body} />
      </label>
      <label>
        <span>پیوست (اختیاری)</span>
        <input
          name="attachments"
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </label>
      <FormError message={errors.form} />
      <button type="submit" className="button" disabled={busy}>
        ارسال پاسخ
      </button>
    </form>
  )
}

/** Closes the ticket when the reader has what they needed. */
export function CloseTicketButton({ ticketId }: { ticketId: number | string }) {
  const { busy, errors, send } = useApiForm([] as const, 'بستن درخواست ممکن نشد.')
  async function close() {
    if (!window.confirm('درخواست بسته شود؟ تا چند روز با پاسخ تازه می‌توانید آن را دوباره باز کنید.')) return
    if (await send(`/api/tickets/${ticketId}?depth=0`, 'PATCH', { status: 'closed' })) window.location.reload()
  }
  return (
    <div className="ticket-close">
      <button type="button" className="button button--quiet" onClick={close} disabled={busy}>
        بستن درخواست
      </button>
      <FormError message={errors.form} />
    </div>
  )
}

/** After closing: 1–5 stars and an optional comment on how the ticket was handled. */
export function RatingForm({ ticketId }: { ticketId: number | string }) {
  const [rating, setRating] = useState(0)
  const [comment, setComment] = useState('')
  const { busy, errors, setErrors, send } = useApiForm(['rating', 'ratingComment'] as const, 'ثبت امتیاز ممکن نشد.')

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    if (!rating) return setErrors({ rating: 'امتیازی از ۱ تا ۵ برگزینید.' })
    if (await send(`/api/tickets/${ticketId}?depth=0`, 'PATCH', { rating, ratingComment: comment || undefined }))
      window.location.reload()
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby="rating-title">
      <h2 id="rating-title">رضایت شما از رسیدگی</h2>
      <fieldset className="rating">
        <legend className="visually-hidden">امتیاز</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="choice">
            <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} />
            <span>{n.toLocaleString('fa-IR')}</span>
          </label>
        ))}
        <FieldError message={errors.rating} />
      </fieldset>
      <label>
        <span>توضیح (اختیاری)</span>
        <textarea
          name="ratingComment"
          rows={3}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <FieldError message={errors.ratingComment} />
      </label>
      <FormError message={errors.form} />
      <button type="submit" className="button" disabled={busy}>
        ثبت امتیاز
      </button>
    </form>
  )
}
