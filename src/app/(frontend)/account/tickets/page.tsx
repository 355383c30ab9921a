import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import React from 'react'

import { AccountNav } from '@/components/account/AccountNav'
import { StatusBadge, TypeBadge } from '@/components/account/TicketBadges'
import { requireReader } from '@/queries/account'
import { formatJalaliDateTime, toPersianDigits } from '@/lib/persian'
import { listReaderTickets } from '@/queries/readerTickets'
import { parseTicketCode } from '@/lib/tickets/code'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'درخواست‌های من', robots: { index: false } }

type Props = { searchParams: Promise<{ code?: string; page?: string }> }

export default async function TicketsPage({ searchParams }: Props) {
  const reader = await requireReader('/account/tickets')
  const params = await searchParams
  const typedCode = typeof params.code === 'string' ? params.code.trim() : ''
  const code = parseTicketCode(typedCode)
  if (code) redirect(`/account/tickets/${code}`)
  const page = Math.max(1, Number.parseInt(String(params.page ?? '1'), 10) || 1)
  const tickets = await listReaderTickets(reader, page)

  return (
    <div className="account-page">
      <AccountNav current="/account/tickets" name={reader.name} />
      <h1 className="page-title">درخواست‌های من</h1>
      <form className="track-form" action="/account/tickets" method="get" role="search">
        <label>
          <span>پیگیری با کد</span>
          <input
            name="code"
            dir="ltr"
            defaultValue={typedCode}
            placeholder="1405-000123"
            aria-invalid={typedCode ? true : undefined}
          />
        </label>
        <button type="submit" className="button">
          پیگیری
        </button>
        {typedCode && (
          <p className="form-error" role="alert">
            کد پیگیری باید مانند ۱۴۰۵-۰۰۰۱۲۳ باشد.
          </p>
        )}
      </form>
      {tickets.docs.length === 0 ? (
        <p className="empty">
          هنوز درخواستی ثبت نکرده‌اید. <a href="/account/tickets/new">ثبت درخواست تازه</a>
        </p>
      ) : (
        <div className="table-scroll">
          <table className="ticket-table">
            <thead>
              <tr>
                <th scope="col">کد پیگیری</th>
                <th scope="col">موضوع</th>
                <th scope="col">نوع</th>
                <th scope="col">وضعیت</th>
                <th scope="col">ثبت</th>
                <th scope="col">آخرین تغییر</th>
              </tr>
            </thead>
            <tbody>
              {tickets.docs.map((ticket) => (
                <tr key={ticket.id}>
                  <td data-label="کد پیگیری">
                    <a href={`/account/tickets/${ticket.code}`}>{toPersianDigits(ticket.code ?? '')}</a>
                  </td>
                  <td data-label="موضوع">{ticket.subject}</td>
                  <td data-label="نوع">
                    <TypeBadge type={ticket.type} />
                  </td>
                  <td data-label="وضعیت">
                    <StatusBadge status={ticket.status} />
                  </td>
                  <td data-label="ثبت">{formatJalaliDateTime(ticket.createdAt)}</td>
                  <td data-label="آخرین تغییر">{formatJalaliDateTime(ticket.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tickets.totalPages > 1 && (
        <nav className="pagination" aria-label="صفحه‌ها">
          {Array.from({ length: tickets.totalPages }, (_, i) => i + 1).map((n) =>
            n === page ? (
              <span key={n} aria-current="page">
                {toPersianDigits(n)}
              </span>
            ) : (
              <a key={n} href={`/account/tickets?page=${n}`}>
                {toPersianDigits(n)}
              </a>
            ),
          )}
        </nav>
      )}
    </div>
  )
}
