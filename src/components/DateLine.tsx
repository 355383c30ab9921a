import React from 'react'

import { type DigitStyle, formatJalaliDate, formatJalaliLong } from '@/lib/persian'

/** «تاریخ: 1399/03/07» — the date line of the old site, digits as the site settings say. */
export function DateLine({ value, digits }: { value?: string | null; digits: DigitStyle }) {
  if (!value) return null
  return (
    <span className="date-line">
      {/* One text node: the HTML reads «تاریخ: <time>», as the old site's did. */}
      {'تاریخ: '}
      <time dateTime={value} title={formatJalaliLong(value)}>
        {formatJalaliDate(value, digits)}
      </time>
    </span>
  )
}

/** «۷ خرداد ۱۳۹۹» for cards and running text. */
export function LongDate({ value }: { value?: string | null }) {
  if (!value) return null
  return <time dateTime={value}>{formatJalaliLong(value)}</time>
}
