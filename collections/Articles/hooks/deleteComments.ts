import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * An article's comments go with it: the database does not cascade, and a comment needs its
 * article. Straight through the adapter, in the same transaction — the article's own afterDelete
 * refreshes the site, so per-comment hooks would only repeat that.
 */
export const deleteComments: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({ collection: 'comments', where: { article: { equals: id } }, req })
}
