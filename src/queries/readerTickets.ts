import type { Where } from 'payload'

import type { Reader, Ticket, TicketAttachment, TicketMessage } from '../payload-types'
import { payloadClient } from './content'

/**
 * The user panel reads tickets as the signed-in reader (overrideAccess: false): the collection's
 * access rules decide, so another reader's ticket or a staff-only note can never appear here.
 */
const asReader = (reader: Reader) => ({
  user: { ...reader, collection: 'readers' as const },
  overrideAccess: false as const,
})

export async function listReaderTickets(reader: Reader, page = 1) {
  const payload = await payloadClient()
  return payload.find({
    collection: 'tickets',
    ...asReader(reader),
    sort: '-updatedAt',
    page,
    limit: 20,
    depth: 1,
    select: { code: true, subject: true, type: true, status: true, department: true, createdAt: true, updatedAt: true },
    populate: { departments: { title: true } },
  })
}

export async function findReaderTicket(reader: Reader, code: string): Promise<Ticket | null> {
  const payload = await payloadClient()
  const where: Where = { code: { equals: code } }
  const { docs } = await payload.find({
    collection: 'tickets',
    ...asReader(reader),
    where,
    limit: 1,
    depth: 1,
    populate: { departments: { title: true } },
  })
  return docs[0] ?? null
}

export type ReaderMessage = Omit<TicketMessage, 'attachments'> & { attachments?: TicketAttachment[] }

export async function listReaderMessages(reader: Reader, ticketId: number | string): Promise<ReaderMessage[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'ticket-messages',
    ...asReader(reader),
    where: { ticket: { equals: ticketId } },
    sort: 'createdAt',
    pagination: false,
    depth: 1,
    select: { body: true, authorName: true, fromStaff: true, attachments: true, createdAt: true },
    populate: { 'ticket-attachments': { originalName: true, filename: true, url: true, filesize: true } },
  })
  return docs as ReaderMessage[]
}

export async function activeDepartments() {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'departments',
    where: { active: { equals: true } },
    sort: 'order',
    limit: 100,
    depth: 0,
    select: { title: true },
  })
  return docs.map((d) => ({ id: d.id, title: d.title }))
}
