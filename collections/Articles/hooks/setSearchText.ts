import type { CollectionBeforeChangeHook } from 'payload'

import { articleSearchFields } from '../../../src/db/search'

/**
 * The normalised words search looks in, recomputed on every save from the document as it will
 * be stored. The database index follows the published row only (see src/db/search.ts), so a
 * draft's words are never found.
 */
export const setSearchText: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  Object.assign(data, articleSearchFields({ ...originalDoc, ...data }))
  return data
}
