import type { Payload, PayloadRequest } from 'payload'

import type { Article, Comment } from '../../../src/payload-types'

import { relationId } from '../../../src/lib/relationId'

export { relationId }

/** Title and slug of a comment's article (for links and emails), or null if it is gone. */
export async function articleOf(payload: Payload, comment: Pick<Comment, 'article'>, req?: PayloadRequest) {
  const id = relationId(comment.article)
  if (id === null) return null
  const article = await payload
    .findByID({
      collection: 'articles',
      id,
      depth: 0,
      overrideAccess: true,
      select: { title: true, slug: true },
      req,
      disableErrors: true,
    })
    .catch(() => null)
  return (article as Pick<Article, 'id' | 'title' | 'slug'> | null) ?? null
}
