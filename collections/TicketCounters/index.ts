import type { CollectionConfig } from 'payload'

/**
 * One row per Jalali year holding the last ticket number issued. Written only by
 * src/db/ticketSequence.ts (an atomic upsert); never through the API.
 */
export const TicketCounters: CollectionConfig = {
  slug: 'ticket-counters',
  labels: { singular: 'شمارنده کد پیگیری', plural: 'شمارنده‌های کد پیگیری' },
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  graphQL: false,
  timestamps: false,
  fields: [
    { name: 'year', type: 'number', label: 'سال', required: true, unique: true },
    { name: 'value', type: 'number', label: 'آخرین شماره', required: true, defaultValue: 0 },
  ],
}
