import { APIError, type CollectionBeforeOperationHook, type Plugin } from 'payload'

import { isDocumentId } from '../db/ids'

/**
 * `/api/articles/abc` or `/api/comments/1e999`: an id no record can have answers 404, as a missing
 * record does, instead of reaching the database as a malformed query (a 500 on PostgreSQL).
 */
const rejectMalformedId: CollectionBeforeOperationHook = ({ args }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && id !== null && !isDocumentId(String(id)))
    throw new APIError('مورد خواسته‌شده پیدا نشد.', 404, null, true)
  return args
}

export const rejectMalformedIds: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [rejectMalformedId, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
})
