'use client'

import { useAuth } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'
import React from 'react'

const STATUS_FILTERS = [
  { status: null, label: 'همه' },
  { status: 'new', label: 'تازه' },
  { status: 'in_progress', label: 'در حال بررسی' },
  { status: 'answered', label: 'پاسخ داده شده' },
  { status: 'closed', label: 'بسته' },
] as const

/**
 * Above the tickets list: one-click queues by status, and the agent's own tickets. Type,
 * department, priority and assignee filters are Payload's own «پالایه‌ها» (filters) control.
 */
export function TicketQueueBar() {
  const searchParams = useSearchParams()
  const { user } = useAuth()
  const current = searchParams.get('where[status][equals]')
  const mine = user ? `?where[assignee][equals]=${user.id}` : null
  const pill = (active: boolean) => ({
    className: `pill ${active ? 'pill--style-dark' : 'pill--style-light'}`,
    style: { textDecoration: 'none', padding: '2px 12px', borderRadius: 999 },
  })
  return (
    <nav
      className="ticket-queue"
      aria-label="صف درخواست‌ها"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginBottom: 16 }}
    >
      {STATUS_FILTERS.map((filter) => (
        <a
          key={filter.label}
          href={filter.status ? `?where[status][equals]=${filter.status}` : '?'}
          {...pill(
            current === filter.status || (!current && !filter.status && !searchParams.get('where[assignee][equals]')),
          )}
        >
          {filter.label}
        </a>
      ))}
      {mine && (
        <a href={mine} {...pill(searchParams.get('where[assignee][equals]') === String(user!.id))}>
          درخواست‌های من
        </a>
      )}
    </nav>
  )
}
