import type { MetadataRoute } from 'next'

import { getServerURL } from '@/lib/serverURL'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/account', '/next/'] }],
    sitemap: `${getServerURL()}/sitemap.xml`,
  }
}
