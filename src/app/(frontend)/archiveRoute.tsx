import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import type { Where } from 'payload'
import React from 'react'

import { ArticleListPage } from '@/components/ArticleListPage'
import { decodeSlug, parsePageNumber } from '@/lib/routeParams'
import { getCategory, getTag, listArticles } from '@/queries/content'

/**
 * The archive routes (/news, /category/<slug>, /tag/<slug> and their /page/<n>) share one
 * implementation; each route file only re-exports what it needs.
 */
type Params = Promise<{ slug?: string; n?: string }>

async function resolveList(kind: 'news' | 'category' | 'tag', params: Awaited<Params>) {
  const page = parsePageNumber(params.n)
  if (!page) return null
  if (kind === 'news') return { title: 'آرشیو اخبار', basePath: '/news', list: await listArticles({ page }) }
  const slug = decodeSlug(params.slug ?? '')
  const term = kind === 'category' ? await getCategory(slug) : await getTag(slug)
  if (!term) return null
  const where: Where = kind === 'category' ? { category: { equals: term.id } } : { tags: { in: [term.id] } }
  const title = kind === 'category' ? term.title : `برچسب: ${term.title}`
  return { title, basePath: `/${kind}/${encodeURIComponent(term.slug)}`, list: await listArticles({ where, page }) }
}

export function archiveRoute(kind: 'news' | 'category' | 'tag') {
  async function Page({ params }: { params: Params }) {
    const resolved = await resolveList(kind, await params)
    // A page number past the end is a missing page, not an empty list.
    if (!resolved || resolved.list.page > resolved.list.totalPages) notFound()
    return <ArticleListPage {...resolved} />
  }
  async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
    const resolved = await resolveList(kind, await params)
    if (!resolved) return {}
    const canonical = resolved.list.page > 1 ? `${resolved.basePath}/page/${resolved.list.page}` : resolved.basePath
    return { title: resolved.title, alternates: { canonical } }
  }
  return { Page, generateMetadata }
}
