'use client'

import React from 'react'

/** Last resort when even a root layout fails (e.g. the database is down): still Persian and RTL. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fa" dir="rtl">
      <body style={{ fontFamily: 'Tahoma, sans-serif', textAlign: 'center', padding: '48px 16px', color: '#1d2733' }}>
        <h1>سامانه موقتاً در دسترس نیست</h1>
        <p>در نمایش این صفحه خطایی رخ داد. چند لحظه بعد دوباره تلاش کنید.</p>
        <button type="button" onClick={() => reset()}>
          تلاش دوباره
        </button>
      </body>
    </html>
  )
}
