import type { Metadata } from 'next'
import React from 'react'

import { AccountNav } from '@/components/account/AccountNav'
import { EmailForm, PasswordForm, ProfileForm } from '@/components/account/ProfileForms'
import { requireReader } from '@/queries/account'
import { toPersianDigits } from '@/lib/persian'
import { listReaderTickets } from '@/queries/readerTickets'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'پنل کاربری', robots: { index: false } }

export default async function AccountPage() {
  const reader = await requireReader('/account')
  const tickets = await listReaderTickets(reader)
  const open = tickets.docs.filter((t) => t.status !== 'closed').length
  return (
    <div className="account-page">
      <AccountNav current="/account" name={reader.name} />
      <h1 className="page-title">پنل کاربری</h1>
      <section className="card account-summary">
        <p>
          <bdi dir="ltr">{reader.email}</bdi>
        </p>
        <p>
          {tickets.totalDocs
            ? `${toPersianDigits(tickets.totalDocs)} درخواست ثبت کرده‌اید؛ ${toPersianDigits(open)} درخواست هنوز باز است.`
            : 'هنوز درخواستی ثبت نکرده‌اید.'}{' '}
          <a href="/account/tickets/new">ثبت انتقاد، پیشنهاد یا شکایت</a>
        </p>
      </section>
      <div className="account-columns">
        <section className="card">
          <ProfileForm id={reader.id} name={reader.name} mobile={reader.mobile ?? ''} />
        </section>
        <section className="card">
          <EmailForm id={reader.id} email={reader.email} pending={reader.pendingEmail ?? ''} />
        </section>
        <section className="card">
          <PasswordForm />
        </section>
      </div>
    </div>
  )
}
