import React from 'react'

import { ticketStatusLabel, ticketTypeLabel } from '@/lib/tickets/labels'

export const StatusBadge = ({ status }: { status: string }) => (
  <span className={`badge badge--ticket-${status}`}>{ticketStatusLabel(status)}</span>
)
export const TypeBadge = ({ type }: { type: string }) => (
  <span className="badge badge--type">{ticketTypeLabel(type)}</span>
)
