import type { Metadata } from 'next'
import React from 'react'

import { LongDate } from '@/components/DateLine'
import { Pagination } from '@/components/Pagination'
import { listCategories, payloadClient } from '@/queries/content'
import { toPersianDigits } from '@/lib/persian'
import { publicPath } from '@/lib/preview'
import { highlight } from '@/lib/searchHighlight'
import { runSearch, type SearchOutcome } from '@/queries/search'

// Every query is different: rendered per request, never cached.
export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q
  const query = typeof q === 'string' ? q.trim().slice(0, 80) : ''
  return { title: query ? `جستجو: ${query}` : 'جستجو', robots: { index: false, follow: true } }
}

/** «۱۲» or «بیش از ۱٬۰۰۰» (a capped count), one text node before the rest of the summary. */
const foundCount = (outcome: SearchOutcome) =>
  outcome.capped
    ? `بیش از ${toPersianDigits(outcome.total.toLocaleString('en-US').replace(/,/g, '٬'))}`
    : toPersianDigits(outcome.total)

function Marked({ text, words }: { text: string; words: string[] }) {
  return (
    <>
      {highlight(text, words).map((piece, i) =>
        piece.hit ? <mark key={i}>{piece.text}</mark> : <React.Fragment key={i}>{piece.text}</React.Fragment>,
      )}
    </>
  )
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const value = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : '')
  const [outcome, categories] = await Promise.all([runSearch(await payloadClient(), params), listCategories()])
  const hrefFor = (n: number) => {
    const query = new URLSearchParams()
    for (const name of ['q', 'category', 'from', 'to']) if (value(name)) query.set(name, value(name))
    if (n > 1) query.set('page', String(n))
    return `/search?${query.toString()}`
  }
  const errorOf = (field: string) => outcome.errors.find((e) => e.field === field)?.message

  return (
    <div className="search-page">
      <h1>جستجو در اخبار</h1>
      <form className="search-form" action="/search" method="get" role="search">
        <label className="search-form__q">
          عبارت جستجو
          <input
            type="search"
            name="q"
            defaultValue={value('q')}
            maxLength={200}
            placeholder="برای نمونه: دهیاری، سامانه، ۱۴۰۴"
          />
        </label>
        <label>
          دسته
          <select name="category" defaultValue={value('category')}>
            <option value="">همه دسته‌ها</option>
            {categories.map((category) => (
              <option key={category.id} value={String(category.id)}>
                {category.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          از تاریخ
          <input
            name="from"
            defaultValue={value('from')}
            placeholder="۱۴۰۳/۰۱/۰۱"
            inputMode="numeric"
            dir="ltr"
            aria-invalid={Boolean(errorOf('from'))}
          />
          {errorOf('from') && <span className="field-error">{errorOf('from')}</span>}
        </label>
        <label>
          تا تاریخ
          <input
            name="to"
            defaultValue={value('to')}
            placeholder="۱۴۰۳/۱۲/۲۹"
            inputMode="numeric"
            dir="ltr"
            aria-invalid={Boolean(errorOf('to'))}
          />
          {errorOf('to') && <span className="field-error">{errorOf('to')}</span>}
        </label>
        <button type="submit">جستجو</button>
      </form>

      {outcome.message ? (
        <p className="empty" role="status">
          {outcome.message}
        </p>
      ) : (
        <>
          <p className="search-summary" role="status">
            {foundCount(outcome)} خبر برای «{outcome.query}» پیدا شد.
          </p>
          <ol className="search-results">
            {outcome.results.map((hit) => (
              <li key={hit.id} className="search-result">
                <h2>
                  <a href={publicPath('articles', hit.slug)}>
                    <Marked text={hit.title} words={outcome.words} />
                  </a>
                </h2>
                {hit.lead && (
                  <p>
                    <Marked text={hit.lead} words={outcome.words} />
                  </p>
                )}
                <div className="search-result__meta">
                  <LongDate value={hit.publishedAt} />
                  {hit.category && (
                    <a href={`/category/${encodeURIComponent(hit.category.slug)}`}>{hit.category.title}</a>
                  )}
                </div>
              </li>
            ))}
          </ol>
          <Pagination page={outcome.page} totalPages={outcome.totalPages} hrefFor={hrefFor} />
        </>
      )}
    </div>
  )
}
