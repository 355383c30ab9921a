import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import React from 'react'

import { LoginForm } from '@/components/account/LoginForm'
import { currentReader, safeNextPath } from '@/queries/account'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'ورود به پنل کاربری', robots: { index: false } }

type Props = { searchParams: Promise<{ next?: string }> }

export default async function LoginPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next)
  if (await currentReader()) redirect(next)
  return (
    <div className="account-page account-page--narrow">
      <h1 className="page-title">ورود به پنل کاربری</h1>
      <p className="account-intro">برای ثبت و پیگیری انتقاد، پیشنهاد یا شکایت وارد حساب خود شوید.</p>
      <LoginForm next={next} />
      <p className="account-links">
        <a href="/account/forgot-password">گذرواژه را فراموش کرده‌اید؟</a>
        <span>
          حساب ندارید؟ <a href="/account/register">نام‌نویسی کنید</a>
        </span>
      </p>
    </div>
  )
}
