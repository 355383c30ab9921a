import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { ArticleCard } from '@/components/ArticleCard'
import { DateLine } from '@/components/DateLine'
import { DraftBanner } from '@/components/DraftBanner'
import { MediaImage } from '@/components/MediaImage'
import { RichText } from '@/components/RichText'
import { ShareLinks } from '@/components/ShareLinks'
import { ViewCounter } from '@/components/ViewCounter'
import { CommentsSection } from '@/components/comments/CommentsSection'
import { commentMaxLength } from '@/lib/comments/limits'
import { decodeSlug } from '@/lib/routeParams'
import { type ArticleDetail, getArticle, listApprovedComments, relatedArticles } from '@/queries/content'
import { canSeeDrafts } from '@/queries/draftPreview'
import { publicPath } from '@/lib/preview'
import { getServerURL } from '@/lib/serverURL'
import { getSiteSettings } from '@/queries/siteSettings'
import type { Media } from '@/payload-types'

export const revalidate = 3600
export const generateStaticParams = async () => []

type Props = { params: Promise<{ slug: string }> }

async function load(params: Props['params']) {
  const draft = await canSeeDrafts()
  const slug = decodeSlug((await params).slug)
  return { draft, article: await getArticle(slug, draft) }
}

const imageOf = (article: ArticleDetail): Media | null =>
  (typeof article.meta?.image === 'object' && article.meta.image) ||
  (typeof article.featuredImage === 'object' && article.featuredImage) ||
  null

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await load(params)
  if (!article) return {}
  const title = article.meta?.title || article.title
  const description = article.meta?.description || article.lead || undefined
  const image = imageOf(article)
  const images = image?.url ? [{ url: image.sizes?.hero?.url || image.url, alt: image.alt }] : undefined
  return {
    title,
    description,
    alternates: { canonical: publicPath('articles', article.slug) },
    openGraph: {
      type: 'article',
      title,
      description,
      images,
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
    },
    twitter: { card: images ? 'summary_large_image' : 'summary', title, description, images },
  }
}

function jsonLd(article: ArticleDetail, siteName: string, url: string) {
  const image = imageOf(article)
  const author = typeof article.author === 'object' && article.author ? article.author.name : undefined
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.lead ?? undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt,
    inLanguage: 'fa-IR',
    mainEntityOfPage: url,
    image: image?.url ? [new URL(image.url, getServerURL()).toString()] : undefined,
    author: author ? { '@type': 'Person', name: author } : undefined,
    publisher: { '@type': 'Organization', name: siteName },
  }
}

export default async function ArticlePage({ params }: Props) {
  const { article, draft } = await load(params)
  if (!article) notFound()
  const [settings, related, comments] = await Promise.all([
    getSiteSettings(),
    relatedArticles(article),
    listApprovedComments(article.id),
  ])
  const url = `${getServerURL()}${publicPath('articles', article.slug)}`
  const author = typeof article.author === 'object' && article.author ? article.author.name : null
  const category = typeof article.category === 'object' ? article.category : null
  const tags = (article.tags ?? []).filter((t) => typeof t === 'object')

  return (
    <article className="article">
      {draft && <DraftBanner path={publicPath('articles', article.slug)} />}
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{
          __html: JSON.stringify(jsonLd(article, settings.siteName, url)).replace(/</g, '\\u003c'),
        }}
      />
      {category && (
        <a className="article__category" href={`/category/${encodeURIComponent(category.slug)}`}>
          {category.title}
        </a>
      )}
      <h1 className="article__title">{article.title}</h1>
      {article.lead && <p className="article__lead">{article.lead}</p>}
      <MediaImage
        media={article.featuredImage}
        size="hero"
        sizes="(max-width: 900px) 100vw, 860px"
        priority
        className="article__image"
      />
      <RichText data={article.body} />

      <footer className="article__meta">
        {author && <span>ثبت کننده: {author}</span>}
        <DateLine value={article.publishedAt} digits={settings.dateDigits} />
        <ViewCounter articleId={article.id} initial={article.views ?? 0} count={!draft} />
      </footer>

      {tags.length > 0 && (
        <ul className="tag-list" aria-label="برچسب‌ها">
          {tags.map((tag) => (
            <li key={tag.id}>
              <a href={`/tag/${encodeURIComponent(tag.slug)}`}>#{tag.title}</a>
            </li>
          ))}
        </ul>
      )}
      <ShareLinks url={url} title={article.title} />

      {!draft && (
        <CommentsSection
          articleId={article.id}
          comments={comments.docs}
          total={comments.total}
          open={article.allowComments !== false}
          guestsAllowed={settings.comments?.allowGuests !== false}
          maxLength={commentMaxLength()}
        />
      )}

      {related.length > 0 && (
        <section className="section" aria-labelledby="related-heading">
          <h2 id="related-heading" className="section__title">
            اخبار مرتبط
          </h2>
          <div className="article-grid">
            {related.map((item) => (
              <ArticleCard key={item.id} article={item} />
            ))}
          </div>
        </section>
      )}
    </article>
  )
}
