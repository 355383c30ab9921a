import type { MetadataRoute } from 'next'

import { isBuildPhase, payloadClient } from '@/queries/content'
import { publicPath } from '@/lib/preview'
import { getServerURL } from '@/lib/serverURL'

export const dynamic = 'force-dynamic'

/** Every public URL: home, archive, categories, tags, published articles and pages. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = getServerURL()
  const entries: MetadataRoute.Sitemap = [{ url: `${site}/` }, { url: `${site}/news` }]
  if (isBuildPhase()) return entries
  const payload = await payloadClient()
  const published = { _status: { equals: 'published' } } as const
  const [articles, pages, categories, tags] = await Promise.all([
    payload.find({
      collection: 'articles',
      where: published,
      select: { slug: true, updatedAt: true },
      pagination: false,
      depth: 0,
      overrideAccess: false,
    }),
    payload.find({
      collection: 'pages',
      where: published,
      select: { slug: true, updatedAt: true },
      pagination: false,
      depth: 0,
      overrideAccess: false,
    }),
    payload.find({ collection: 'categories', select: { slug: true }, pagination: false, depth: 0 }),
    payload.find({ collection: 'tags', select: { slug: true }, pagination: false, depth: 0 }),
  ])
  return [
    ...entries,
    ...categories.docs.map((c) => ({ url: `${site}/category/${encodeURIComponent(c.slug)}` })),
    ...tags.docs.map((t) => ({ url: `${site}/tag/${encodeURIComponent(t.slug)}` })),
    ...articles.docs.map((a) => ({ url: `${site}${publicPath('articles', a.slug)}`, lastModified: a.updatedAt })),
    ...pages.docs.map((p) => ({ url: `${site}${publicPath('pages', p.slug)}`, lastModified: p.updatedAt })),
  ]
}
