import type { Metadata } from 'next'
import React from 'react'

import { ResetPasswordForm } from '@/components/account/PasswordResetForms'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'گذرواژه تازه', robots: { index: false } }

type Props = { searchParams: Promise<{ token?: string }> }

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams
  return (
    <div className="account-page account-page--narrow">
      <h1 className="page-title">تعیین گذرواژه تازه</h1>
      {typeof token === 'string' && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="form-error" role="alert">
          پیوند ناقص است. <a href="/account/forgot-password">دوباره درخواست پیوند کنید</a>.
        </p>
      )}
    </div>
  )
}
