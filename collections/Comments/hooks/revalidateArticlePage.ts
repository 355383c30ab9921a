import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { revalidatePublicPages } from '../../../src/server/revalidate'
import { publicPath } from '../../../src/lib/preview'
import type { Comment } from '../../../src/payload-types'
import { articleOf } from './relations'

const shows = (comment?: Partial<Comment> | null) => comment?.status === 'approved'

/** The article page lists approved comments: refresh its cached HTML when that list changes. */
export const revalidateArticleAfterChange: CollectionAfterChangeHook<Comment> = async ({ doc, previousDoc, req }) => {
  if (req.context.disableRevalidate) return doc
  const changed =
    shows(doc) !== shows(previousDoc) ||
    (shows(doc) && (doc.body !== previousDoc?.body || doc.authorName !== previousDoc?.authorName))
  if (!changed) return doc
  const article = await articleOf(req.payload, doc, req)
  if (article?.slug) await revalidatePublicPages(req.payload, publicPath('articles', article.slug))
  return doc
}

export const revalidateArticleAfterDelete: CollectionAfterDeleteHook<Comment> = async ({ doc, req }) => {
  if (req.context.disableRevalidate || !shows(doc)) return doc
  const article = await articleOf(req.payload, doc, req)
  if (article?.slug) await revalidatePublicPages(req.payload, publicPath('articles', article.slug))
  return doc
}
