import type { Metadata, Viewport } from 'next'
import localFont from 'next/font/local'
import React from 'react'

import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { getServerURL } from '@/lib/serverURL'
import { getNavigation, getSiteSettings } from '@/queries/siteSettings'

import './globals.css'

const vazirmatn = localFont({
  src: '../../../node_modules/vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2',
  weight: '100 900',
  display: 'swap',
  variable: '--font-vazirmatn',
})

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings()
  return {
    metadataBase: new URL(getServerURL()),
    title: { default: settings.siteName, template: `%s — ${settings.siteName}` },
    description: settings.tagline ?? undefined,
    alternates: { types: { 'application/rss+xml': '/feed.xml' } },
    openGraph: { siteName: settings.siteName, locale: 'fa_IR', type: 'website' },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b5d8a' }

export default async function FrontendLayout({ children }: { children: React.ReactNode }) {
  const [settings, navigation] = await Promise.all([getSiteSettings(), getNavigation()])
  return (
    <html lang="fa" dir="rtl" className={vazirmatn.variable}>
      <body>
        <a className="skip-link" href="#main">
          رفتن به محتوا
        </a>
        <SiteHeader settings={settings} navigation={navigation} />
        <main id="main" className="site-main">
          {children}
        </main>
        <SiteFooter settings={settings} />
      </body>
    </html>
  )
}
