import type { Metadata } from 'next'
import React from 'react'

import { payloadClient } from '@/queries/content'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'تأیید رایانامه', robots: { index: false } }

type Props = { searchParams: Promise<{ token?: string }> }

/** The link in the welcome email lands here; the token verifies the reader's address. */
export default async function VerifyPage({ searchParams }: Props) {
  const { token } = await searchParams
  let verified = false
  if (typeof token === 'string' && /^[0-9a-f]{10,}$/i.test(token)) {
    const payload = await payloadClient()
    verified = await payload.verifyEmail({ collection: 'readers', token }).then(
      () => true,
      () => false,
    )
  }
  return (
    <div className="account-page account-page--narrow">
      <h1 className="page-title">تأیید رایانامه</h1>
      {verified ? (
        <div className="notice" role="status">
          رایانامه شما تأیید شد. اکنون می‌توانید <a href="/account/login">وارد شوید</a>.
        </div>
      ) : (
        <p className="form-error" role="alert">
          این پیوند تأیید نامعتبر است یا پیش‌تر به کار رفته است. اگر حساب شما تأیید شده،{' '}
          <a href="/account/login">وارد شوید</a>.
        </p>
      )}
    </div>
  )
}
