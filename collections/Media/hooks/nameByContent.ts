import type { CollectionBeforeOperationHook } from 'payload'

import { detectAttachmentKind } from '../../../src/lib/tickets'
import { safeFileName } from '../../../src/lib/uploads/safeFileName'

const isAvif = (data: Buffer) => data.length > 12 && data.subarray(4, 8).toString('latin1') === 'ftyp' && /^avi[fs]$/.test(data.subarray(8, 12).toString('latin1'))

/**
 * Before Payload stores an image, its name gets the extension its content proves (Payload has
 * already refused content that is not one of the allowed image types) and loses anything else
 * a name can hide: folders, inner extensions, controls.
 */
export const nameByContent: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  const kind = detectAttachmentKind(req.file.data)
  const extension = kind?.mimeType.startsWith('image/') ? kind.extension : isAvif(req.file.data) ? 'avif' : null
  if (extension) req.file.name = safeFileName(req.file.name, extension)
  return args
}
