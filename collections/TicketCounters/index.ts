import type { CollectionConfig } from 'payload'

/**
 * One row per Jalali year holding the last ticket number issued. Written only by
 * src/db/ticketSequence.ts (an atomic upsert); never through the API.
 */
export const TicketCounters: CollectionConfig = {
  slug: 'ticket-counters',
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  graphQL: false,
  timestamps: false,
  fields: [
    { name: 'year', type: 'number', required: true, unique: true },
    { name: 'value', type: 'number', required: true, defaultValue: 0 },
  ],
}
