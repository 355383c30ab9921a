'use client'

import React, { useState } from 'react'

import { TICKET_TYPES } from '@/lib/tickets/labels'

import { ATTACHMENT_ACCEPT, MAX_FILES, type Uploaded, uploadAttachments } from './attachments'
import { FieldError, FormError, useApiForm } from './useApiForm'

const FIELDS = ['type', 'department', 'subject', 'message'] as const

/** Files a criticism, suggestion or complaint, with up to five image or PDF attachments. */
export function NewTicketForm({
  departments,
  initialType,
}: {
  departments: { id: number | string; title: string }[]
  initialType?: string
}) {
  const [type, setType] = useState(TICKET_TYPES.some((t) => t.value === initialType) ? initialType! : '')
  const [department, setDepartment] = useState(departments.length === 1 ? String(departments[0]!.id) : '')
  const [subject, setSubject] = useState('')
  const [message, setMessage] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const [uploaded, setUploaded] = useState<Uploaded[]>([])
  const [uploading, setUploading] = useState(false)
  const { busy, errors, setErrors, send } = useApiForm(FIELDS, 'ثبت درخواست ممکن نشد؛ دوباره تلاش کنید.')

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    if (files.length > MAX_FILES)
      return setErrors({ form: `حداکثر ${MAX_FILES.toLocaleString('fa-IR')} پیوست می‌توانید بفرستید.` })
    setUploading(true)
    const result = await uploadAttachments(files, uploaded)
    setUploading(false)
    setUploaded(result.uploaded)
    if (result.error) return setErrors({ form: result.error })
    const answer = await send('/api/tickets?depth=0', 'POST', {
      type: type || undefined,
      // SQLite and PostgreSQL ids are numbers; a MongoDB id stays a string.
      department: department ? (/^\d+$/.test(department) ? Number(department) : department) : undefined,
      subject,
      message,
      attachments: result.uploaded.map((u) => u.id),
    })
    if (answer) window.location.assign(`/account/tickets/${(answer.doc as { code: string }).code}?filed=1`)
  }

  return (
    <form className="account-form ticket-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>نوع درخواست</legend>
        <div className="choice-row">
          {TICKET_TYPES.map((option) => (
            <label key={option.value} className="choice">
              <input
                type="radio"
                name="type"
                value={option.value}
                checked={type === option.value}
                onChange={() => setType(option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
        <FieldError message={errors.type} />
      </fieldset>
      <label>
        <span>واحد مربوط</span>
        <select name="department" value={department} onChange={(e) => setDepartment(e.target.value)} required>
          <option value="">— برگزینید —</option>
          {departments.map((d) => (
            <option key={d.id} value={String(d.id)}>
              {d.title}
            </option>
          ))}
        </select>
        <FieldError message={errors.department} />
      </label>
      <label>
        <span>موضوع</span>
        <input name="subject" required maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} />
        <FieldError message={errors.subject} />
      </label>
      <label>
        <span>متن درخواست</span>
        <textarea
          name="message"
          rows={8}
          required
          maxLength={10000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <FieldError message={errors.message} />
      </label>
      <label>
        <span>پیوست (اختیاری؛ تصویر یا PDF، هر کدام تا ۵ مگابایت، حداکثر ۵ پرونده)</span>
        <input
          name="attachments"
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </label>
      <FormError message={errors.form} />
      <button type="submit" className="button" disabled={busy || uploading}>
        {uploading ? 'در حال بارگذاری پیوست‌ها…' : busy ? 'در حال ثبت…' : 'ثبت درخواست'}
      </button>
    </form>
  )
}
