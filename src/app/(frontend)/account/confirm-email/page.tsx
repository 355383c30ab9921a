import type { Metadata } from 'next'
import React from 'react'

import { confirmEmailChange, type EmailChangeResult } from '@collections/Readers/emailChange'
import { payloadClient } from '@/queries/content'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'تأیید رایانامه تازه', robots: { index: false } }

type Props = { searchParams: Promise<{ token?: string }> }

const messages: Record<EmailChangeResult, string> = {
  changed: 'رایانامه تازه شما تأیید شد و از این پس با همین نشانی وارد می‌شوید.',
  invalid: 'این پیوند تأیید نامعتبر است، زمانش گذشته یا پیش‌تر به کار رفته است.',
  taken: 'این نشانی را اکنون حساب دیگری به کار می‌برد؛ رایانامه حساب شما تغییری نکرد.',
}

/** The link sent to a reader's new address lands here; only then does the account's address change. */
export default async function ConfirmEmailPage({ searchParams }: Props) {
  const { token } = await searchParams
  const result = typeof token === 'string' ? await confirmEmailChange(await payloadClient(), token) : 'invalid'
  return (
    <div className="account-page account-page--narrow">
      <h1 className="page-title">تأیید رایانامه تازه</h1>
      {result === 'changed' ? (
        <div className="notice" role="status">
          {messages.changed} <a href="/account">پنل کاربری</a>
        </div>
      ) : (
        <p className="form-error" role="alert">
          {messages[result]}
        </p>
      )}
    </div>
  )
}
