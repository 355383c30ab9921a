import type { Metadata } from 'next'
import React from 'react'

import { AccountNav } from '@/components/account/AccountNav'
import { NewTicketForm } from '@/components/account/NewTicketForm'
import { requireReader } from '@/queries/account'
import { activeDepartments } from '@/queries/readerTickets'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'ثبت درخواست تازه', robots: { index: false } }

type Props = { searchParams: Promise<{ type?: string }> }

export default async function NewTicketPage({ searchParams }: Props) {
  const reader = await requireReader('/account/tickets/new')
  const [departments, { type }] = await Promise.all([activeDepartments(), searchParams])
  return (
    <div className="account-page">
      <AccountNav current="/account/tickets/new" name={reader.name} />
      <h1 className="page-title">ثبت انتقاد، پیشنهاد یا شکایت</h1>
      <p className="account-intro">
        پس از ثبت، کد پیگیری به شما نمایش داده و به رایانامه‌تان فرستاده می‌شود؛ پاسخ کارشناسان را در همین پنل می‌بینید.
      </p>
      {departments.length ? (
        <section className="card">
          <NewTicketForm departments={departments} initialType={type} />
        </section>
      ) : (
        <p className="form-error" role="alert">
          ثبت درخواست در این لحظه ممکن نیست؛ لطفاً بعداً تلاش کنید یا از راه‌های تماس پایین صفحه با ما در ارتباط باشید.
        </p>
      )}
    </div>
  )
}
