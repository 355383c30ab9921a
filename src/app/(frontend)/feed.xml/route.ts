import { listArticles } from '@/queries/content'
import { publicPath } from '@/lib/preview'
import { renderRss } from '@/lib/rss'
import { getServerURL } from '@/lib/serverURL'
import { getSiteSettings } from '@/queries/siteSettings'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const site = getServerURL()
  const [settings, latest] = await Promise.all([getSiteSettings(), listArticles({ limit: 30 })])
  const body = renderRss({
    title: settings.siteName,
    description: settings.tagline || settings.siteName,
    siteURL: site,
    feedURL: `${site}/feed.xml`,
    items: latest.docs.map((article) => ({
      title: article.title,
      url: `${site}${publicPath('articles', article.slug)}`,
      description: article.lead,
      publishedAt: article.publishedAt,
      category: typeof article.category === 'object' ? article.category?.title : null,
    })),
  })
  return new Response(body, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  })
}
