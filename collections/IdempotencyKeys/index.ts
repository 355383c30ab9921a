import type { CollectionConfig } from 'payload'

/**
 * The answers of public POSTs sent with an Idempotency-Key header (src/server/idempotency.ts):
 * one row per caller, route and key; the unique `key` makes the first request's claim atomic
 * across instances. Never read or written through the API; expired rows go with the hourly
 * cleanup job (src/jobs/cleanupStaleUploads.ts).
 */
export const IdempotencyKeys: CollectionConfig = {
  slug: 'idempotency-keys',
  labels: { singular: 'کلید تکرارناپذیری', plural: 'کلیدهای تکرارناپذیری' },
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  graphQL: false,
  fields: [
    // sha256 of caller, route and the client's key.
    { name: 'key', type: 'text', label: 'کلید', required: true, unique: true },
    // sha256 of the first request's body: the same key with another body is refused.
    { name: 'fingerprint', type: 'text', label: 'اثر بدنه' },
    // Empty while the first request is in flight.
    { name: 'status', type: 'number', label: 'وضعیت پاسخ' },
    { name: 'body', type: 'textarea', label: 'بدنه پاسخ' },
    { name: 'expiresAt', type: 'date', label: 'انقضا', required: true, index: true },
  ],
}
