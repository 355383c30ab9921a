import React from 'react'

import { formatJalaliLong } from '@/lib/persian'
import type { Navigation, SiteSetting } from '@/payload-types'

import { HeaderSearch } from './HeaderSearch'
import { MediaImage } from './MediaImage'

export function SiteHeader({ settings, navigation }: { settings: SiteSetting; navigation: Navigation['items'] }) {
  const today = new Date()
  return (
    <header className="site-header">
      <div className="inner">
        <a href="/" className="site-brand">
          <MediaImage media={settings.logo} size="thumbnail" sizes="48px" className="site-logo" priority />
          <span>
            <span className="site-title">{settings.siteName}</span>
            {settings.tagline && <span className="site-tagline">{settings.tagline}</span>}
          </span>
        </a>
        <div className="site-header__tools">
          <HeaderSearch />
          <a className="site-account" href="/account">
            پنل کاربری
          </a>
          <time className="site-date" dateTime={today.toISOString()}>
            {formatJalaliLong(today)}
          </time>
        </div>
      </div>
      {navigation && navigation.length > 0 && (
        <nav className="site-nav" aria-label="منوی اصلی">
          <ul className="inner">
            {navigation.map((item) => (
              <li key={item.id ?? item.url}>
                <a href={item.url}>{item.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  )
}
