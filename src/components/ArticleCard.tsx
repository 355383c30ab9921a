import React from 'react'

import type { ArticleCardData } from '@/queries/content'
import { publicPath } from '@/lib/preview'

import { LongDate } from './DateLine'
import { MediaImage } from './MediaImage'

export function ArticleCard({ article, variant = 'card' }: { article: ArticleCardData; variant?: 'card' | 'lead' }) {
  const href = publicPath('articles', article.slug)
  const category = typeof article.category === 'object' ? article.category : null
  return (
    <article className={`article-card article-card--${variant}`}>
      <a href={href} className="article-card__image" tabIndex={-1} aria-hidden="true">
        <MediaImage
          media={article.featuredImage}
          size={variant === 'lead' ? 'hero' : 'card'}
          sizes={variant === 'lead' ? '(max-width: 800px) 100vw, 700px' : '(max-width: 600px) 100vw, 360px'}
          priority={variant === 'lead'}
        />
      </a>
      <div className="article-card__body">
        {category && (
          <a className="article-card__category" href={`/category/${encodeURIComponent(category.slug)}`}>
            {category.title}
          </a>
        )}
        <h3 className="article-card__title">
          <a href={href}>{article.title}</a>
        </h3>
        {article.lead && <p className="article-card__lead">{article.lead}</p>}
        <LongDate value={article.publishedAt} />
      </div>
    </article>
  )
}

export function ArticleGrid({ articles }: { articles: ArticleCardData[] }) {
  if (!articles.length) return <p className="empty">هنوز خبری در این بخش منتشر نشده است.</p>
  return (
    <div className="article-grid">
      {articles.map((article) => (
        <ArticleCard key={article.id} article={article} />
      ))}
    </div>
  )
}
