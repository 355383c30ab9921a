import type { Metadata } from 'next'
import React from 'react'

import { ForgotPasswordForm } from '@/components/account/PasswordResetForms'

export const metadata: Metadata = { title: 'بازیابی گذرواژه', robots: { index: false } }

export default function ForgotPasswordPage() {
  return (
    <div className="account-page account-page--narrow">
      <h1 className="page-title">بازیابی گذرواژه</h1>
      <p className="account-intro">رایانامه حساب خود را بنویسید تا پیوند تعیین گذرواژه تازه برایتان فرستاده شود.</p>
      <ForgotPasswordForm />
    </div>
  )
}
