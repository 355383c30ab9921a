import crypto from 'node:crypto'

import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { claimedExtension, detectAttachmentKind, TICKET_MESSAGES } from '../../../src/lib/tickets'
import { attachmentMaxBytes } from '../limits'

/**
 * Before anything is written: the file must be an image or a PDF by its content, its name must
 * claim the same type, and it must fit the size cap. The stored name is random (the reader's
 * name is kept as `originalName` for display), so no path, double extension or guessable name
 * ever reaches the disk.
 */
export const screenUpload: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  if (file.size > attachmentMaxBytes()) throw new APIError(TICKET_MESSAGES.attachmentTooLarge, 413, null, true)
  const kind = detectAttachmentKind(file.data)
  if (!kind || claimedExtension(file.name) !== kind.extension)
    throw new APIError(TICKET_MESSAGES.attachmentContent, 400, null, true)
  req.context.attachmentOriginalName = file.name
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .slice(-120)
  file.name = `${crypto.randomUUID()}.${kind.extension}`
  file.mimetype = kind.mimeType
  return args
}
