'use client'

import React, { useState } from 'react'

import { FieldError, FormError, useApiForm } from './useApiForm'

/** Name and mobile number of the signed-in reader. */
export function ProfileForm({ id, name, mobile }: { id: number | string; name: string; mobile: string }) {
  const [values, setValues] = useState({ name, mobile })
  const [saved, setSaved] = useState(false)
  const { busy, errors, send } = useApiForm(['name', 'mobile'] as const, 'ذخیره ممکن نشد؛ دوباره تلاش کنید.')

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setSaved(false)
    const answer = await send(`/api/readers/${id}?depth=0`, 'PATCH', {
      name: values.name,
      mobile: values.mobile || null,
    })
    if (answer) {
      const doc = answer.doc as { name: string; mobile?: string | null }
      setValues({ name: doc.name, mobile: doc.mobile ?? '' })
      setSaved(true)
    }
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title">مشخصات</h2>
      <label>
        <span>نام و نام خانوادگی</span>
        <input
          name="name"
          required
          maxLength={120}
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
        />
        <FieldError message={errors.name} />
      </label>
      <label>
        <span>شماره موبایل</span>
        <input
          name="mobile"
          type="tel"
          dir="ltr"
          value={values.mobile}
          onChange={(e) => setValues({ ...values, mobile: e.target.value })}
          placeholder="۰۹۱۲۱۲۳۴۵۶۷"
        />
        <FieldError message={errors.mobile} />
      </label>
      <FormError message={errors.form} />
      {saved && (
        <p className="notice" role="status">
          مشخصات شما ذخیره شد.
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        ذخیره
      </button>
    </form>
  )
}

/** A new address is only requested here: it replaces the old one once its emailed link is followed. */
export function EmailForm({ id, email, pending }: { id: number | string; email: string; pending: string }) {
  const [value, setValue] = useState(pending || email)
  const [waiting, setWaiting] = useState(pending)
  const { busy, errors, send } = useApiForm(['email'] as const, 'ثبت رایانامه تازه ممکن نشد.')

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    const answer = await send(`/api/readers/${id}?depth=0`, 'PATCH', { email: value })
    if (answer) setWaiting((answer.doc as { pendingEmail?: string | null }).pendingEmail ?? '')
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby="email-title">
      <h2 id="email-title">رایانامه</h2>
      <label>
        <span>نشانی رایانامه</span>
        <input name="email" type="email" dir="ltr" value={value} onChange={(e) => setValue(e.target.value)} />
        <FieldError message={errors.email} />
      </label>
      <FormError message={errors.form} />
      {waiting && (
        <p className="notice" role="status">
          پیوند تأیید به <bdi dir="ltr">{waiting}</bdi> فرستاده شد؛ تا آن را باز نکنید، رایانامه حساب همان{' '}
          <bdi dir="ltr">{email}</bdi> می‌ماند.
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        تغییر رایانامه
      </button>
    </form>
  )
}

/** Changes the password after checking the current one on the server. */
export function PasswordForm() {
  const [currentPassword, setCurrent] = useState('')
  const [newPassword, setNew] = useState('')
  const [done, setDone] = useState(false)
  const { busy, errors, send } = useApiForm([] as const, 'تغییر گذرواژه ممکن نشد.')

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setDone(false)
    if (await send('/api/readers/change-password', 'POST', { currentPassword, newPassword })) {
      setCurrent('')
      setNew('')
      setDone(true)
    }
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">تغییر گذرواژه</h2>
      <label>
        <span>گذرواژه کنونی</span>
        <input
          name="currentPassword"
          type="password"
          dir="ltr"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </label>
      <label>
        <span>گذرواژه تازه (دست‌کم ۸ نویسه)</span>
        <input
          name="newPassword"
          type="password"
          dir="ltr"
          autoComplete="new-password"
          minLength={8}
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
        />
      </label>
      <FormError message={errors.form} />
      {done && (
        <p className="notice" role="status">
          گذرواژه شما تغییر کرد.
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        تغییر گذرواژه
      </button>
    </form>
  )
}

/** Ends the session (Payload clears the cookie) and goes home. */
export function LogoutButton() {
  const [busy, setBusy] = useState(false)
  async function logout() {
    setBusy(true)
    await fetch('/api/readers/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined)
    window.location.assign('/')
  }
  return (
    <button type="button" className="button button--quiet" onClick={logout} disabled={busy}>
      خروج از حساب
    </button>
  )
}
