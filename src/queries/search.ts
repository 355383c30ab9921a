import type { Payload } from 'payload'

import { searchPublishedArticles } from '../db/search'
import { isDocumentId } from '../db/ids'
import type { Category } from '../payload-types'
import { jalaliDayStart, jalaliParts, parseJalaliDate, parseSearchQuery } from '../lib/persian'

export const SEARCH_PAGE_SIZE = 10
const DAY_MS = 24 * 60 * 60 * 1000

export type SearchHit = {
  id: number | string
  title: string
  slug: string
  lead: string | null
  publishedAt: string | null
  category: Pick<Category, 'title' | 'slug'> | null
  titleMatch: boolean
}
export type SearchOutcome = {
  query: string
  words: string[]
  page: number
  totalPages: number
  total: number
  /** More matches than we count: `total` is the cap, say «بیش از». */
  capped: boolean
  results: SearchHit[]
  /** Persian, for the reader: why there is nothing to show. */
  message?: string
  /** Persian, per filter the reader got wrong (the rest of the search still runs). */
  errors: { field: 'from' | 'to' | 'category' | 'page'; message: string }[]
}

function nextDayStart(dayStart: Date): Date {
  const { year, month, day } = jalaliParts(dayStart.getTime() + 36 * 60 * 60 * 1000)
  return jalaliDayStart(year, month, day) ?? new Date(dayStart.getTime() + DAY_MS)
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const text = (value: unknown) => (typeof first(value) === 'string' ? (first(value) as string) : '')

/**
 * One search, for the page and the JSON endpoint: reads the raw parameters (anything may arrive),
 * asks the index, loads the cards. Never throws on bad input; it answers with a Persian message.
 */
export async function runSearch(payload: Payload, input: Record<string, unknown>): Promise<SearchOutcome> {
  const raw = text(input.q).slice(0, 1000)
  const query = parseSearchQuery(raw)
  const errors: SearchOutcome['errors'] = []
  const outcome = (rest: Partial<SearchOutcome>): SearchOutcome => ({
    query: raw.trim(),
    words: query.words,
    page: 1,
    totalPages: 0,
    total: 0,
    capped: false,
    results: [],
    errors,
    ...rest,
  })

  const from = text(input.from) ? parseJalaliDate(text(input.from)) : undefined
  if (from === null) errors.push({ field: 'from', message: 'تاریخ «از» معتبر نیست؛ نمونه درست: ۱۴۰۳/۰۱/۱۵' })
  const toDay = text(input.to) ? parseJalaliDate(text(input.to)) : undefined
  if (toDay === null) errors.push({ field: 'to', message: 'تاریخ «تا» معتبر نیست؛ نمونه درست: ۱۴۰۳/۱۲/۲۹' })
  // «to» includes its whole day: the range ends where the next Jalali day starts in Tehran.
  const to = toDay ? nextDayStart(toDay) : undefined
  const category = text(input.category)
  if (category && !isDocumentId(category)) errors.push({ field: 'category', message: 'دسته انتخاب‌شده معتبر نیست.' })
  const pageText = text(input.page) || '1'
  const page = /^\d{1,4}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1

  if (query.words.length === 0)
    return outcome({
      message: raw.trim() ? 'عبارت جستجو باید دست‌کم یک واژه یا عدد داشته باشد.' : 'عبارتی برای جستجو بنویسید.',
    })

  const found = await searchPublishedArticles(
    payload,
    query,
    {
      categoryId: category && isDocumentId(category) ? category : undefined,
      from: from ?? undefined,
      to: to ?? undefined,
    },
    page,
    SEARCH_PAGE_SIZE,
  )
  const totalPages = Math.ceil(found.total / SEARCH_PAGE_SIZE)
  if (found.ids.length === 0)
    return outcome({
      page,
      total: found.total,
      totalPages,
      message:
        found.total > 0 ? 'این صفحه از نتایج وجود ندارد.' : `نتیجه‌ای برای «${raw.trim().slice(0, 80)}» پیدا نشد.`,
    })

  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { in: found.ids } },
    select: { title: true, slug: true, lead: true, publishedAt: true, category: true },
    populate: { categories: { title: true, slug: true } },
    depth: 1,
    limit: found.ids.length,
    pagination: false,
    overrideAccess: true,
  })
  const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
  const results = found.ids.flatMap((id) => {
    const doc = byId.get(String(id))
    if (!doc) return []
    const cat =
      typeof doc.category === 'object' && doc.category ? { title: doc.category.title, slug: doc.category.slug } : null
    return [
      {
        id: doc.id,
        title: doc.title,
        slug: doc.slug,
        lead: doc.lead ?? null,
        publishedAt: doc.publishedAt ?? null,
        category: cat,
        titleMatch: found.titleMatches.has(String(id)),
      },
    ]
  })
  return outcome({ page, total: found.total, capped: found.capped, totalPages, results })
}
