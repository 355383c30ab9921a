import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import React from 'react'

import { RegisterForm } from '@/components/account/RegisterForm'
import { currentReader } from '@/queries/account'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'نام‌نویسی', robots: { index: false } }

export default async function RegisterPage() {
  if (await currentReader()) redirect('/account')
  return (
    <div className="account-page account-page--narrow">
      <h1 className="page-title">نام‌نویسی در سرخط</h1>
      <p className="account-intro">
        با حساب کاربری می‌توانید انتقاد، پیشنهاد یا شکایت خود را ثبت و با کد پیگیری دنبال کنید.
      </p>
      <RegisterForm />
      <p className="account-links">
        <span>
          حساب دارید؟ <a href="/account/login">وارد شوید</a>
        </span>
      </p>
    </div>
  )
}
