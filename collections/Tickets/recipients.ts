import type { PayloadRequest } from 'payload'

import { isReaderUser } from '../../src/access'
import { relationId } from '../../src/lib/relationId'
import type { Ticket } from '../../src/payload-types'

/** The signed-in reader, when `id` is theirs: their name and address are at hand without a query. */
export function selfIfReader(req: PayloadRequest, id: number | string) {
  const user = req.user as { id: number | string; name?: string; email?: string } | null
  return isReaderUser(req.user) && user && String(user.id) === String(id) && user.email
    ? { name: user.name ?? '', email: user.email }
    : null
}

/** Name and address of the reader who filed `ticket`. */
export async function requesterOf(req: PayloadRequest, ticket: Pick<Ticket, 'requester'>) {
  const id = relationId(ticket.requester)
  if (id === null) return null
  const self = selfIfReader(req, id)
  if (self) return self
  const reader = await req.payload.findByID({
    collection: 'readers',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { name: true, email: true },
  })
  return reader ? { name: reader.name, email: reader.email } : null
}

/** The department's address, when it has one. */
export async function departmentAddress(
  req: PayloadRequest,
  ticket: Pick<Ticket, 'department'>,
): Promise<string | null> {
  const id = relationId(ticket.department)
  if (id === null) return null
  const known = req.context.ticketDepartment
  if (known && String(known.id) === String(id)) return known.email?.trim() || null
  const department = await req.payload.findByID({
    collection: 'departments',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { email: true },
  })
  return department?.email?.trim() || null
}

/** The assigned staff member's address, when someone is assigned. */
export async function assigneeAddress(req: PayloadRequest, ticket: Pick<Ticket, 'assignee'>): Promise<string | null> {
  const id = relationId(ticket.assignee)
  if (id === null) return null
  const user = await req.payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { email: true },
  })
  return user?.email ?? null
}
