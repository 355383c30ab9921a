'use client'

import React, { useState } from 'react'

import { FieldError, FormError, useApiForm } from './useApiForm'

const FIELDS = ['name', 'email', 'mobile', 'password'] as const

/** Creates a reader account; Payload then emails the verification link. */
export function RegisterForm() {
  const [values, setValues] = useState({ name: '', email: '', mobile: '', password: '' })
  const [repeat, setRepeat] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const { busy, errors, setErrors, send } = useApiForm(FIELDS, 'ساخت حساب ممکن نشد؛ دوباره تلاش کنید.')
  const bind = (name: (typeof FIELDS)[number]) => ({
    name,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: e.target.value }),
  })

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    if (values.password !== repeat) {
      setErrors({ password: 'گذرواژه و تکرار آن یکی نیستند.' })
      return
    }
    if (await send('/api/readers', 'POST', { ...values, mobile: values.mobile || undefined })) setDone(values.email)
  }

  if (done)
    return (
      <div className="notice" role="status">
        حساب شما ساخته شد. پیوند تأیید به <bdi dir="ltr">{done}</bdi> فرستاده شد؛ پس از تأیید رایانامه می‌توانید وارد
        شوید.
      </div>
    )
  return (
    <form className="account-form" onSubmit={submit} noValidate>
      <label>
        <span>نام و نام خانوادگی</span>
        <input {...bind('name')} autoComplete="name" required maxLength={120} />
        <FieldError message={errors.name} />
      </label>
      <label>
        <span>رایانامه</span>
        <input {...bind('email')} type="email" dir="ltr" autoComplete="email" required />
        <FieldError message={errors.email} />
      </label>
      <label>
        <span>شماره موبایل (اختیاری)</span>
        <input {...bind('mobile')} type="tel" dir="ltr" autoComplete="tel" placeholder="۰۹۱۲۱۲۳۴۵۶۷" />
        <FieldError message={errors.mobile} />
      </label>
      <label>
        <span>گذرواژه (دست‌کم ۸ نویسه)</span>
        <input {...bind('password')} type="password" dir="ltr" autoComplete="new-password" required minLength={8} />
        <FieldError message={errors.password} />
      </label>
      <label>
        <span>تکرار گذرواژه</span>
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
        {busy ? 'در حال ساخت حساب…' : 'ساخت حساب'}
      </button>
    </form>
  )
}
