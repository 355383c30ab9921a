import type { Metadata, Viewport } from 'next'
import localFont from 'next/font/local'
import React from 'react'

import { getSiteSettings } from '@/lib/siteSettings'

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
    title: { default: settings.siteName, template: `%s — ${settings.siteName}` },
    description: settings.tagline ?? undefined,
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fa" dir="rtl" className={vazirmatn.variable}>
      <body>{children}</body>
    </html>
  )
}
