import { APIError, type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { isReaderUser, isSupportUser } from '../../../src/access'
import { isDocumentId } from '../../../src/db/ids'
import { relationId } from '../../../src/lib/relationId'
import { stripInvisibleControls } from '../../../src/lib/text/invisibleControls'
import { TICKET_MESSAGES, TICKET_TYPES } from '../../../src/lib/tickets'
import { FILED_STATUS, readerEditRefusal } from '../../../src/lib/tickets/statusMachine'
import type { Ticket } from '../../../src/payload-types'
import { spendPoint } from '../../../src/rateLimits'
import { claimableAttachments } from '../../TicketAttachments/claim'
import { ticketEventOf } from '../statusEvent'

export const MESSAGE_MAX_LENGTH = 10_000

export type FirstMessage = { body: string; attachments: (number | string)[] }

/**
 * A reader files a ticket: the requester and the starting state come from the server, the first
 * message (`message`, `attachments` in the same request) is checked now and stored right after
 * the ticket (createFirstMessage). A reader's later change may only close the ticket or rate it.
 */
export const prepareTicket: CollectionBeforeValidateHook<Ticket> = async ({ data, originalDoc, operation, req }) => {
  if (!data) return data
  const { user } = req

  if (operation === 'create') {
    if (!isReaderUser(user)) {
      // Staff and scripts file tickets on a reader's behalf only through the Local API.
      if (req.payloadAPI !== 'local') throw new APIError(TICKET_MESSAGES.signInRequired, 403, null, true)
    } else {
      data.requester = user!.id as number
      // Spent before the checks below; a refused ticket gets it back (refundSpentPoints).
      await spendPoint(req, 'ticket', `reader:${user!.id}`, { refusal: TICKET_MESSAGES.rateLimited })
    }
    data.status = FILED_STATUS
    delete data.code
    delete data.assignee
    delete data.rating
    delete data.ratingComment
    if (!isSupportUser(user)) data.priority = 'normal'

    const raw = data as Record<string, unknown>
    const body = typeof raw.message === 'string' ? stripInvisibleControls(raw.message).trim() : ''
    // Checked here rather than left to field validation, which runs after the tracking code is
    // taken: a refused ticket must not use up a number.
    const errors = []
    data.subject = typeof data.subject === 'string' ? data.subject.trim() : ''
    if (!data.subject) errors.push({ path: 'subject', message: TICKET_MESSAGES.subjectRequired })
    if (!TICKET_TYPES.some((type) => type.value === data.type))
      errors.push({ path: 'type', message: TICKET_MESSAGES.typeRequired })
    if (!(await isOpenDepartment(req, data.department)))
      errors.push({ path: 'department', message: TICKET_MESSAGES.departmentRequired })
    if (!body) errors.push({ path: 'message', message: TICKET_MESSAGES.messageRequired })
    else if (body.length > MESSAGE_MAX_LENGTH) errors.push({ path: 'message', message: TICKET_MESSAGES.messageTooLong })
    if (errors.length) throw new ValidationError({ collection: 'tickets', errors, req })
    const attachments = await claimableAttachments(req, raw.attachments)
    req.context.firstMessage = { body, attachments } satisfies FirstMessage
    delete raw.message
    delete raw.attachments
    return data
  }

  // A reader's own edit (not a message or the job moving the ticket): field access already drops
  // every other field a reader sends; the status machine rules on the status and the rating.
  // Staff may set any status, so their edits need no check here.
  if (ticketEventOf(req, operation) === 'readerSetsStatus') {
    const refusal = readerEditRefusal(originalDoc?.status ?? null, data)
    if (refusal) throw new APIError(refusal.message, refusal.httpStatus, null, true)
  }
  return data
}

/**
 * A department a reader may address: one that exists and is shown on the ticket form. Its
 * address is kept for the filing's email to the department (recipients.ts), saving a query.
 */
async function isOpenDepartment(
  req: Parameters<CollectionBeforeValidateHook>[0]['req'],
  value: unknown,
): Promise<boolean> {
  const id = relationId(value)
  if (id === null || !isDocumentId(String(id))) return false
  const { docs } = await req.payload.find({
    collection: 'departments',
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
    select: { active: true, email: true },
  })
  const department = docs[0]
  if (!department || department.active === false) return false
  req.context.ticketDepartment = { id: department.id, email: department.email ?? null }
  return true
}
