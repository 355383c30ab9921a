import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { DraftBanner } from '@/components/DraftBanner'
import { RichText } from '@/components/RichText'
import { decodeSlug } from '@/lib/routeParams'
import { getPage } from '@/queries/content'
import { canSeeDrafts } from '@/queries/draftPreview'
import { publicPath } from '@/lib/preview'

export const revalidate = 3600
export const generateStaticParams = async () => []

type Props = { params: Promise<{ slug: string }> }

async function load(params: Props['params']) {
  const draft = await canSeeDrafts()
  return { draft, page: await getPage(decodeSlug((await params).slug), draft) }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await load(params)
  if (!page) return {}
  return {
    title: page.meta?.title || page.title,
    description: page.meta?.description ?? undefined,
    alternates: { canonical: publicPath('pages', page.slug) },
  }
}

export default async function StaticPage({ params }: Props) {
  const { page, draft } = await load(params)
  if (!page) notFound()
  return (
    <article className="article static-page">
      {draft && <DraftBanner path={publicPath('pages', page.slug)} />}
      <h1 className="article__title">{page.title}</h1>
      <RichText data={page.body} />
    </article>
  )
}
