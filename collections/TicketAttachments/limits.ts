import { env } from '../../src/lib/env'

/** Largest ticket attachment accepted (TICKET_ATTACHMENT_MAX_BYTES, default 5 MB). */
export const attachmentMaxBytes = () => env().ticketAttachmentMaxBytes
