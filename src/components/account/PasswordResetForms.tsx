'use client'

import React, { useState } from 'react'

import { FieldError, FormError, useApiForm } from './useApiForm'

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const [email, setEmail] = useState('')
  const [sent, setSent] = useState(false)
  const { busy, errors, send } = useApiForm(['email'] as const, 'درخواست ممکن نشد؛ دوباره تلاش کنید.')

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    if (await send('/api/readers/forgot-password', 'POST', { email })) setSent(true)
  }

  if (sent)
    return (
      <div className="notice" role="status">
        اگر حسابی با این رایانامه باشد، پیوند تعیین گذرواژه تازه به آن فرستاده شد.
      </div>
    )
  return (
    <form className="account-form" onSubmit={submit} noValidate>
      <label>
        <span>رایانامه</span>
        <input
          name="email"
          type="email"
          dir="ltr"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <FieldError message={errors.email} />
      </label>
      <FormError message={errors.form} />
      <button type="submit" className="button" disabled={busy}>
        فرستادن پیوند
      </button>
    </form>
  )
}

/** Sets a new password with the token from the emailed link; the reader is signed in after it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const { busy, errors, setErrors, send } = useApiForm(
    ['password'] as const,
    'پیوند نامعتبر است یا زمان آن گذشته؛ دوباره درخواست پیوند کنید.',
  )

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    if (password !== repeat) return setErrors({ password: 'گذرواژه و تکرار آن یکی نیستند.' })
    if (await send('/api/readers/reset-password', 'POST', { token, password })) window.location.assign('/account')
  }

  return (
    <form className="account-form" onSubmit={submit} noValidate>
      <label>
        <span>گذرواژه تازه (دست‌کم ۸ نویسه)</span>
        <input
          name="password"
          type="password"
          dir="ltr"
          autoComplete="new-password"
          required
          minLength={8}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FieldError message={errors.password} />
      </label>
      <label>
        <span>تکرار گذرواژه تازه</span>
        <input
          name="passwordRepeat"
          type="password"
          dir="ltr"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </label>
      <FormError message={errors.form} />
      <button type="submit" className="button" disabled={busy}>
        ثبت گذرواژه تازه
      </button>
    </form>
  )
}
