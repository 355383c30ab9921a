import { databaseKind } from './kind'

/** Whether `id` can be a document id on this adapter (a query with anything else would fail). */
export function isDocumentId(id: string): boolean {
  if (databaseKind() === 'mongodb') return /^[0-9a-f]{24}$/i.test(id)
  return /^[1-9]\d{0,9}$/.test(id) && Number(id) <= 2_147_483_647 // SQL serial ids
}
