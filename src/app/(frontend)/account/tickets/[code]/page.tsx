import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { AccountNav } from '@/components/account/AccountNav'
import { StatusBadge, TypeBadge } from '@/components/account/TicketBadges'
import { CloseTicketButton, RatingForm, TicketReplyForm } from '@/components/account/TicketActions'
import { requireReader } from '@/queries/account'
import { formatJalaliDateTime, toPersianDigits } from '@/lib/persian'
import { findReaderTicket, listReaderMessages } from '@/queries/readerTickets'
import { getSiteSettings } from '@/queries/siteSettings'
import { parseTicketCode } from '@/lib/tickets/code'
import { ticketStatusLabel } from '@/lib/tickets/labels'
import { canReopen } from '@/lib/tickets/statusMachine'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'پیگیری درخواست', robots: { index: false } }

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ filed?: string }> }

const sizeLabel = (bytes?: number | null) =>
  bytes ? `${toPersianDigits(Math.max(1, Math.round(bytes / 1024)))} کیلوبایت` : ''

export default async function TicketPage({ params, searchParams }: Props) {
  const { code: raw } = await params
  const reader = await requireReader(`/account/tickets/${raw}`)
  const code = parseTicketCode(decodeURIComponent(raw))
  // Someone else's code answers exactly like a code that does not exist.
  const ticket = code ? await findReaderTicket(reader, code) : null
  if (!ticket) notFound()
  const [messages, settings, { filed }] = await Promise.all([
    listReaderMessages(reader, ticket.id),
    getSiteSettings(),
    searchParams,
  ])
  const closed = ticket.status === 'closed'
  const reopenable = closed && canReopen(ticket.closedAt, settings.tickets?.reopenDays ?? 7)
  const department = typeof ticket.department === 'object' && ticket.department ? ticket.department.title : ''

  return (
    <div className="account-page">
      <AccountNav current="/account/tickets" name={reader.name} />
      {filed && (
        <div className="notice" role="status">
          درخواست شما ثبت شد. کد پیگیری: <strong dir="ltr">{toPersianDigits(ticket.code ?? '')}</strong>
        </div>
      )}
      <header className="ticket-header">
        <h1 className="page-title">{ticket.subject}</h1>
        <dl className="ticket-facts">
          <div>
            <dt>کد پیگیری</dt>
            <dd dir="ltr">{toPersianDigits(ticket.code ?? '')}</dd>
          </div>
          <div>
            <dt>نوع</dt>
            <dd>
              <TypeBadge type={ticket.type} />
            </dd>
          </div>
          <div>
            <dt>وضعیت</dt>
            <dd>
              <StatusBadge status={ticket.status} />
            </dd>
          </div>
          <div>
            <dt>واحد</dt>
            <dd>{department}</dd>
          </div>
          <div>
            <dt>ثبت</dt>
            <dd>{formatJalaliDateTime(ticket.createdAt)}</dd>
          </div>
        </dl>
      </header>

      <div className="ticket-layout">
        <section aria-labelledby="conversation-title">
          <h2 id="conversation-title" className="section__title">
            گفتگو
          </h2>
          <ol className="ticket-thread">
            {messages.map((message) => (
              <li
                key={message.id}
                className={`ticket-message ${message.fromStaff ? 'ticket-message--staff' : 'ticket-message--reader'}`}
              >
                <div className="ticket-message__header">
                  <strong>{message.fromStaff ? `${message.authorName ?? ''} — پشتیبانی` : message.authorName}</strong>
                  <time dateTime={message.createdAt}>{formatJalaliDateTime(message.createdAt)}</time>
                </div>
                <p className="ticket-message__body">{message.body}</p>
                {message.attachments && message.attachments.length > 0 && (
                  <ul className="ticket-attachments">
                    {message.attachments.map((file) => (
                      <li key={file.id}>
                        <a href={file.url ?? '#'} download>
                          <bdi>{file.originalName ?? file.filename}</bdi>
                        </a>{' '}
                        <span className="muted">{sizeLabel(file.filesize)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>

          {!closed && <TicketReplyForm ticketId={ticket.id} closed={false} />}
          {reopenable && <TicketReplyForm ticketId={ticket.id} closed />}
          {closed && !reopenable && (
            <p className="empty">
              این درخواست بسته شده و مهلت پاسخ به آن گذشته است.{' '}
              <a href="/account/tickets/new">درخواست تازه‌ای ثبت کنید</a>.
            </p>
          )}
        </section>

        <aside className="ticket-aside">
          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">روند رسیدگی</h2>
            <ol className="ticket-timeline">
              {(ticket.history ?? []).map((entry) => (
                <li key={entry.id ?? entry.at}>
                  <span>{ticketStatusLabel(entry.status)}</span>
                  <time dateTime={entry.at}>{formatJalaliDateTime(entry.at)}</time>
                </li>
              ))}
            </ol>
            {!closed && <CloseTicketButton ticketId={ticket.id} />}
          </section>
          {closed &&
            (ticket.rating ? (
              <section className="card ticket-rating">
                <h2>امتیاز شما</h2>
                <p>
                  {toPersianDigits(ticket.rating)} از ۵{ticket.ratingComment ? ` — ${ticket.ratingComment}` : ''}
                </p>
              </section>
            ) : (
              <section className="card">
                <RatingForm ticketId={ticket.id} />
              </section>
            ))}
        </aside>
      </div>
    </div>
  )
}
