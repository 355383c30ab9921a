'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

import { formatJalaliCompact, formatJalaliDateTime } from '../../../lib/persian'

function Stamp({ label, value }: { label: string; value: unknown }) {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return null
  const date = new Date(value)
  return (
    <li className="jalali-doc-meta__item">
      <span className="jalali-doc-meta__label">{label}:</span>{' '}
      <time dateTime={date.toISOString()} title={formatJalaliDateTime(date)}>
        {formatJalaliCompact(date)}
      </time>
    </li>
  )
}

/**
 * The document's «آخرین تغییر» and «ایجاد» in Jalali, beside the document's buttons. Payload's
 * own (Gregorian) pair in the same bar is hidden by custom.scss.
 */
export function JalaliDocumentMeta() {
  const { id, savedDocumentData } = useDocumentInfo()
  if (!id || !savedDocumentData) return null
  return (
    <ul className="jalali-doc-meta" aria-label="زمان‌های سند">
      <Stamp label="آخرین تغییر" value={savedDocumentData.updatedAt} />
      <Stamp label="ایجاد" value={savedDocumentData.createdAt} />
    </ul>
  )
}
