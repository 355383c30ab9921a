'use client'

import React, { useState } from 'react'

import { FieldError, FormError, useApiForm } from './useApiForm'

/** Signs a reader in; Payload sets the HttpOnly session cookie. */
export function LoginForm({ next }: { next: string }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { busy, errors, send } = useApiForm(['email', 'password'] as const, 'ورود ممکن نشد؛ دوباره تلاش کنید.')

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    if (await send('/api/readers/login', 'POST', { email, password })) window.location.assign(next)
  }

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
      <label>
        <span>گذرواژه</span>
        <input
          name="password"
          type="password"
          dir="ltr"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FieldError message={errors.password} />
      </label>
      <FormError message={errors.form} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'در حال ورود…' : 'ورود'}
      </button>
    </form>
  )
}
