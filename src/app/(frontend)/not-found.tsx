import React from 'react'

export default function NotFound() {
  return (
    <section className="card status-page">
      <h1>صفحه پیدا نشد (۴۰۴)</h1>
      <p>نشانی‌ای که باز کرده‌اید وجود ندارد یا برداشته شده است.</p>
      <p>
        <a href="/">بازگشت به صفحه نخست</a> یا <a href="/news">آرشیو اخبار</a>
      </p>
    </section>
  )
}
