'use client'

import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { formatJalaliCompact, formatJalaliDateTime } from '../../../lib/persian'

/** List-view column of a date field: Jalali, Tehran time, Persian digits. */
export function JalaliDateCell({ cellData }: DefaultCellComponentProps) {
  if (cellData == null || cellData === '') return <span className="jalali-cell jalali-cell--empty">—</span>
  const date = new Date(cellData as string)
  if (Number.isNaN(date.getTime())) return <span className="jalali-cell">—</span>
  return (
    <time className="jalali-cell" dateTime={date.toISOString()} title={formatJalaliDateTime(date)}>
      {formatJalaliCompact(date)}
    </time>
  )
}
