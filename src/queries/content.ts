/**
 * What the public site reads, in one place: only published documents, only the fields a page
 * renders, through the Local API. Staff-only data (emails, drafts) never reaches a public page.
 */
import config from '@payload-config'
import { getPayload, type Where } from 'payload'
import { cache } from 'react'

import { env } from '../lib/env'
import type { Article, Category, Media, Page, Tag } from '../payload-types'
import { COMMENTS_PER_ARTICLE } from '../lib/comments/limits'
import type { PublicComment } from '../lib/comments/thread'

export const PAGE_SIZE = 12

/** `next build` prerenders pages before any database exists; they render empty and are refreshed at boot. */
export const isBuildPhase = () => env().buildPhase

export const payloadClient = () => getPayload({ config })

const published: Where = { _status: { equals: 'published' } }

/** The fields of an article card. */
const cardSelect = {
  title: true,
  slug: true,
  lead: true,
  publishedAt: true,
  featuredImage: true,
  category: true,
} as const
const cardPopulate = {
  // url is computed from filename, so both are selected.
  media: { alt: true, url: true, filename: true, width: true, height: true, sizes: true },
  categories: { title: true, slug: true },
} as const

export type ArticleCardData = Pick<Article, 'id' | 'title' | 'slug' | 'lead' | 'publishedAt'> & {
  featuredImage?: Media | number | null
  category?: Category | number | null
}

export type ArticleList = { docs: ArticleCardData[]; page: number; totalPages: number; totalDocs: number }

const emptyList: ArticleList = { docs: [], page: 1, totalPages: 1, totalDocs: 0 }

export async function listArticles({
  where,
  page = 1,
  limit = PAGE_SIZE,
  sort = '-publishedAt',
}: { where?: Where; page?: number; limit?: number; sort?: string } = {}): Promise<ArticleList> {
  if (isBuildPhase()) return emptyList
  const payload = await payloadClient()
  const result = await payload.find({
    collection: 'articles',
    where: where ? { and: [published, where] } : published,
    select: cardSelect,
    populate: cardPopulate,
    depth: 1,
    page,
    limit,
    sort,
    overrideAccess: false,
  })
  return {
    docs: result.docs as ArticleCardData[],
    page: result.page ?? 1,
    totalPages: Math.max(result.totalPages, 1),
    totalDocs: result.totalDocs,
  }
}

export type ArticleDetail = Article & { author?: { id: number; name: string } | number | null }

/**
 * One article by slug; drafts only in an editor's preview (draft mode, enabled for staff only).
 * Memoised per request: the page and its metadata ask for the same article.
 */
export const getArticle = cache(async (slug: string, draft = false): Promise<ArticleDetail | null> => {
  if (isBuildPhase()) return null
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    where: draft ? { slug: { equals: slug } } : { and: [published, { slug: { equals: slug } }] },
    draft,
    depth: 1,
    limit: 1,
    // The registrar's name is public, the rest of the staff account is not.
    populate: { users: { name: true }, categories: { title: true, slug: true }, tags: { title: true, slug: true } },
    overrideAccess: true,
  })
  return (docs[0] as ArticleDetail | undefined) ?? null
})

export async function relatedArticles(article: Article, limit = 4): Promise<ArticleCardData[]> {
  const categoryId = typeof article.category === 'object' ? article.category?.id : article.category
  if (!categoryId) return []
  const { docs } = await listArticles({
    where: { and: [{ category: { equals: categoryId } }, { id: { not_equals: article.id } }] },
    limit,
  })
  return docs
}

export async function getCategory(slug: string): Promise<Category | null> {
  if (isBuildPhase()) return null
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'categories',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
  })
  return docs[0] ?? null
}

export async function listCategories(): Promise<Category[]> {
  if (isBuildPhase()) return []
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'categories',
    sort: 'order',
    limit: 50,
    depth: 0,
    pagination: false,
  })
  return docs
}

export async function getTag(slug: string): Promise<Tag | null> {
  if (isBuildPhase()) return null
  const payload = await payloadClient()
  const { docs } = await payload.find({ collection: 'tags', where: { slug: { equals: slug } }, limit: 1, depth: 0 })
  return docs[0] ?? null
}

/** A static page by slug, memoised per request like getArticle. */
export const getPage = cache(async (slug: string, draft = false): Promise<Page | null> => {
  if (isBuildPhase()) return null
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'pages',
    where: draft ? { slug: { equals: slug } } : { and: [published, { slug: { equals: slug } }] },
    draft,
    limit: 1,
    depth: 1,
    overrideAccess: true,
  })
  return docs[0] ?? null
})

/** The approved comments of an article, oldest first, with only what the public page shows. */
export const listApprovedComments = cache(
  async (articleId: number | string): Promise<{ docs: PublicComment[]; total: number }> => {
    if (isBuildPhase()) return { docs: [], total: 0 }
    const payload = await payloadClient()
    const { docs, totalDocs } = await payload.find({
      collection: 'comments',
      where: { and: [{ article: { equals: articleId } }, { status: { equals: 'approved' } }] },
      select: { body: true, authorName: true, isStaffReply: true, createdAt: true, parent: true },
      sort: 'createdAt',
      depth: 0,
      limit: COMMENTS_PER_ARTICLE,
      overrideAccess: true,
    })
    return {
      total: totalDocs,
      docs: docs.map((doc) => ({
        id: doc.id,
        body: doc.body,
        authorName: doc.authorName ?? '',
        isStaffReply: Boolean(doc.isStaffReply),
        createdAt: doc.createdAt,
        parent: (typeof doc.parent === 'object' ? doc.parent?.id : doc.parent) ?? null,
      })),
    }
  },
)
