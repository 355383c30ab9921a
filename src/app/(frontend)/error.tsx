'use client'

import React from 'react'

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card status-page">
      <h1>خطایی رخ داد</h1>
      <p>نمایش این صفحه با مشکل روبه‌رو شد. چند لحظه بعد دوباره تلاش کنید.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          تلاش دوباره
        </button>{' '}
        <a href="/">صفحه نخست</a>
      </p>
    </section>
  )
}
