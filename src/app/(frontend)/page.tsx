import React from 'react'

import { formatJalaliLong } from '@/lib/persian'
import { getSiteSettings } from '@/lib/siteSettings'

// Rendered per request until the newsroom's cached pages land.
export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const settings = await getSiteSettings()
  const { contact } = settings
  return (
    <>
      <header className="site-header">
        <div className="inner">
          <div>
            <h1 className="site-title">
              <a href="/">{settings.siteName}</a>
            </h1>
            {settings.tagline && <p className="site-tagline">{settings.tagline}</p>}
          </div>
          <time className="site-date" dateTime={new Date().toISOString()}>
            {formatJalaliLong(new Date())}
          </time>
        </div>
      </header>
      <main className="site-main">
        {settings.intro && (
          <section className="card">
            <h2>درباره ما</h2>
            <p>{settings.intro}</p>
          </section>
        )}
        <section className="card">
          <h2>ثبت شکایات</h2>
          <p>
            جهت ثبت انتقاد، پیشنهاد یا شکایت، پس از ورود به پنل کاربری از بخش «ارسال تیکت» اقدام کنید.
          </p>
        </section>
      </main>
      <footer className="site-footer">
        <div className="inner">
          {contact && (contact.phone || contact.email || contact.address) && (
            <ul className="contact-list">
              {contact.phone && <li>تلفن: <span dir="ltr">{contact.phone}</span></li>}
              {contact.email && <li>رایانامه: <a href={`mailto:${contact.email}`}>{contact.email}</a></li>}
              {contact.address && <li>نشانی: {contact.address}</li>}
            </ul>
          )}
          {settings.footerText && <p>{settings.footerText}</p>}
        </div>
      </footer>
    </>
  )
}
