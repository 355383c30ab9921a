import React from 'react'

import type { ArticleList } from '@/queries/content'
import { toPersianDigits } from '@/lib/persian'

import { ArticleGrid } from './ArticleCard'
import { Pagination } from './Pagination'

/** An archive page: heading, cards, pagination. Used by /news, /category/… and /tag/…. */
export function ArticleListPage({ title, basePath, list }: { title: string; basePath: string; list: ArticleList }) {
  return (
    <section className="section">
      <h1 className="page-title">
        {title}
        {list.page > 1 && <span className="page-title__page"> — صفحه {toPersianDigits(list.page)}</span>}
      </h1>
      <ArticleGrid articles={list.docs} />
      <Pagination basePath={basePath} page={list.page} totalPages={list.totalPages} />
    </section>
  )
}
