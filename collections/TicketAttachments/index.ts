import path from 'node:path'

import type { Access, CollectionAfterErrorHook, CollectionBeforeChangeHook, CollectionConfig, Where } from 'payload'

import { isAdmin, isReaderUser, isStaffField, isSupportUser, noOne } from '../../src/access'
import { env } from '../../src/lib/env'
import { ATTACHMENT_MIME_TYPES } from '../../src/lib/tickets'
import { readerOrSupport } from '../Tickets/access'
import { screenUpload } from './hooks/screenUpload'

/**
 * Support staff read every attachment. A reader reads the files they uploaded and those staff
 * attached to a public answer on their ticket — noOne a file of an internal note.
 */
const readAttachments: Access = ({ req: { user } }) => {
  if (isSupportUser(user)) return true
  if (!isReaderUser(user) || !user) return false
  const answerToThem: Where = {
    and: [{ 'message.requester': { equals: user.id } }, { 'message.internal': { equals: false } }],
  }
  return { or: [{ uploadedBy: { equals: user.id } }, answerToThem] }
}

const recordUploader: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  data.originalName = req.context.attachmentOriginalName ?? data.filename
  if (isReaderUser(req.user)) data.uploadedBy = req.user!.id
  else if (isSupportUser(req.user)) data.uploadedByStaff = req.user!.id
  return data
}

/** Someone else's attachment answers exactly like a missing one: 404, noOne 403. */
const hideForbiddenFiles: CollectionAfterErrorHook = ({ error, req }) => {
  const status = (error as { status?: number }).status
  if (req.method === 'GET' && status === 403)
    return { status: 404, response: { errors: [{ message: 'پرونده پیدا نشد.' }] } }
}

/**
 * Files readers and staff attach to ticket messages. Stored outside the public media folder
 * (TICKET_FILES_DIR) and served only through Payload's access-checked file route, as downloads.
 */
export const TicketAttachments: CollectionConfig = {
  slug: 'ticket-attachments',
  labels: { singular: 'پیوست درخواست', plural: 'پیوست‌های درخواست' },
  admin: { group: 'پشتیبانی', hidden: true, useAsTitle: 'originalName' },
  access: { read: readAttachments, create: readerOrSupport, update: isAdmin, delete: isAdmin },
  upload: {
    staticDir: path.resolve(process.cwd(), env().ticketFilesDir),
    mimeTypes: ATTACHMENT_MIME_TYPES,
    disableLocalStorage: false,
    crop: false,
    focalPoint: false,
    // A file is opened as a download in a sandbox, noOne rendered as part of our origin.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('Content-Disposition', 'attachment')
      headers.set('X-Content-Type-Options', 'nosniff')
      headers.set('Content-Security-Policy', "default-src 'none'; sandbox")
      headers.set('Cache-Control', 'private, no-store')
      return headers
    },
  },
  hooks: { beforeOperation: [screenUpload], beforeChange: [recordUploader], afterError: [hideForbiddenFiles] },
  fields: [
    { name: 'originalName', type: 'text', label: 'نام پرونده', access: { create: noOne, update: noOne } },
    {
      name: 'uploadedBy',
      type: 'relationship',
      label: 'بارگذاری‌شده به دست خواننده',
      relationTo: 'readers',
      index: true,
      access: { create: noOne, update: noOne },
    },
    {
      name: 'uploadedByStaff',
      type: 'relationship',
      label: 'بارگذاری‌شده به دست کارمند',
      relationTo: 'users',
      access: { read: isStaffField, create: noOne, update: noOne },
    },
    {
      name: 'ticket',
      type: 'relationship',
      label: 'درخواست',
      relationTo: 'tickets',
      index: true,
      access: { create: noOne, update: noOne },
    },
    {
      name: 'message',
      type: 'relationship',
      label: 'پیام',
      relationTo: 'ticket-messages',
      index: true,
      access: { create: noOne, update: noOne },
    },
  ],
  timestamps: true,
}
