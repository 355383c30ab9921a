import type { Payload, TypedUser } from 'payload'
import React from 'react'

import { formatJalaliCompact, toPersianDigits } from '../../../lib/persian'
import { TICKET_STATUSES } from '../../../lib/tickets/labels'
import { dashboardFigures, WAITING_TICKET_STATUSES } from './figures'

const number = (n: number) => n.toLocaleString('fa-IR')
const query = (params: Record<string, string>) => new URLSearchParams(params).toString()
const statusLabel = (value: string) => TICKET_STATUSES.find((s) => s.value === value)?.label ?? value

function Card({
  title,
  href,
  linkLabel,
  children,
  name,
}: {
  title: string
  href: string
  linkLabel: string
  children: React.ReactNode
  name: string
}) {
  return (
    <section
      className={`sarkhat-dashboard__card sarkhat-dashboard__card--${name}`}
      aria-labelledby={`dashboard-${name}`}
    >
      <h2 id={`dashboard-${name}`} className="sarkhat-dashboard__title">
        {title}
      </h2>
      {children}
      <a className="sarkhat-dashboard__more" href={href}>
        {linkLabel}
      </a>
    </section>
  )
}

/**
 * The admin's home for newsroom and support staff (admin.components.beforeDashboard): what waits
 * for them, each figure linking to the list it counts. Server component: figures are read with
 * the viewer's own access on every visit.
 */
export async function EditorsDashboard({ payload, user }: { payload: Payload; user?: TypedUser | null }) {
  const figures = await dashboardFigures(payload, user)
  const admin = payload.config.routes.admin
  if (!Object.keys(figures).length) return null
  return (
    <div className="sarkhat-dashboard">
      {figures.pendingComments !== undefined && (
        <Card
          name="comments"
          title="نظرهای در انتظار تأیید"
          href={`${admin}/collections/comments?${query({ 'where[status][equals]': 'pending' })}`}
          linkLabel="رفتن به صف تأیید"
        >
          <p className="sarkhat-dashboard__figure" data-figure="pending-comments">
            {number(figures.pendingComments)}
          </p>
        </Card>
      )}

      {figures.tickets && (
        <Card
          name="tickets"
          title="درخواست‌های باز"
          href={`${admin}/collections/tickets?${query({ 'where[status][not_equals]': 'closed' })}`}
          linkLabel="همه درخواست‌های باز"
        >
          <ul className="sarkhat-dashboard__statuses">
            {WAITING_TICKET_STATUSES.map((status) => (
              <li key={status}>
                <a href={`${admin}/collections/tickets?${query({ 'where[status][equals]': status })}`}>
                  <strong data-figure={`tickets-${status}`}>{number(figures.tickets!.byStatus[status])}</strong>{' '}
                  {statusLabel(status)}
                </a>
              </li>
            ))}
          </ul>
          {figures.tickets.oldestWaiting ? (
            <p className="sarkhat-dashboard__oldest">
              قدیمی‌ترین درخواست در انتظار:{' '}
              <a href={`${admin}/collections/tickets/${figures.tickets.oldestWaiting.id}`}>
                <bdi>{toPersianDigits(figures.tickets.oldestWaiting.code)}</bdi> —{' '}
                {figures.tickets.oldestWaiting.subject}
              </a>{' '}
              <span className="sarkhat-dashboard__muted">
                از {formatJalaliCompact(figures.tickets.oldestWaiting.createdAt, false)}
              </span>
            </p>
          ) : (
            <p className="sarkhat-dashboard__muted">درخواستی در انتظار پاسخ نیست.</p>
          )}
        </Card>
      )}

      {figures.mostViewed && (
        <Card
          name="most-viewed"
          title="پربازدیدترین خبرهای هفت روز اخیر"
          href={`${admin}/collections/articles?${query({ 'where[publishedAt][greater_than_equal]': figures.mostViewed.since, sort: '-views' })}`}
          linkLabel="همه خبرهای این هفته"
        >
          {figures.mostViewed.articles.length ? (
            <ol className="sarkhat-dashboard__list">
              {figures.mostViewed.articles.map((article) => (
                <li key={article.id}>
                  <a href={`${admin}/collections/articles/${article.id}`}>{article.title}</a>{' '}
                  <span className="sarkhat-dashboard__muted">
                    {number(article.views)} بازدید، {formatJalaliCompact(article.publishedAt, false)}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="sarkhat-dashboard__muted">در هفت روز گذشته خبری منتشر نشده است.</p>
          )}
        </Card>
      )}

      {figures.upcoming && (
        <Card
          name="upcoming"
          title="انتشارهای زمان‌بندی‌شده پیش رو"
          href={`${admin}/collections/articles?${query({ 'where[id][in]': figures.upcoming.flatMap((s) => (s.article ? [String(s.article.id)] : [])).join(',') || '0' })}`}
          linkLabel="فهرست این خبرها"
        >
          {figures.upcoming.length ? (
            <ul className="sarkhat-dashboard__list">
              {figures.upcoming.map((schedule) => (
                <li key={schedule.jobId}>
                  <time dateTime={schedule.at}>{formatJalaliCompact(schedule.at)}</time> —{' '}
                  {schedule.type === 'unpublish' ? 'لغو انتشار' : 'انتشار'}{' '}
                  {schedule.article ? (
                    <a href={`${admin}/collections/articles/${schedule.article.id}`}>{schedule.article.title}</a>
                  ) : (
                    <span>(خبر حذف شده)</span>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="sarkhat-dashboard__muted">زمان‌بندی‌ای در پیش نیست.</p>
          )}
        </Card>
      )}
    </div>
  )
}
