import type { CollectionConfig } from 'payload'

import { isAdmin, isStaffField, isSupportField, noOne } from '../../src/access'
import { readerOrSupport } from '../Tickets/access'
import { readTicketMessages } from './access'
import { applyToTicket } from './hooks/applyToTicket'
import { notifyMessage } from './hooks/notifyMessage'
import { prepareMessage } from './hooks/prepareMessage'

/** The conversation of a ticket: readers' messages, staff answers and staff-only internal notes. */
export const TicketMessages: CollectionConfig = {
  slug: 'ticket-messages',
  labels: { singular: 'پیام درخواست', plural: 'پیام‌های درخواست' },
  admin: {
    group: 'پشتیبانی',
    useAsTitle: 'authorName',
    defaultColumns: ['ticket', 'authorName', 'internal', 'createdAt'],
    hidden: true,
  },
  // Messages are the record of what was said: only an admin may change or remove one.
  access: { read: readTicketMessages, create: readerOrSupport, update: isAdmin, delete: isAdmin },
  defaultSort: 'createdAt',
  indexes: [{ fields: ['ticket', 'createdAt'] }, { fields: ['requester', 'internal'] }],
  hooks: { beforeValidate: [prepareMessage], afterChange: [applyToTicket, notifyMessage] },
  fields: [
    {
      name: 'ticket',
      type: 'relationship',
      label: 'درخواست',
      relationTo: 'tickets',
      required: true,
      index: true,
      access: { update: noOne },
    },
    { name: 'body', type: 'textarea', label: 'متن', required: true, maxLength: 10_000 },
    {
      name: 'attachments',
      type: 'upload',
      label: 'پیوست‌ها',
      relationTo: 'ticket-attachments',
      hasMany: true,
      maxRows: 5,
    },
    {
      name: 'internal',
      type: 'checkbox',
      label: 'یادداشت داخلی (فقط کارکنان)',
      defaultValue: false,
      index: true,
      access: { create: isSupportField, update: isSupportField },
    },
    {
      name: 'fromStaff',
      type: 'checkbox',
      label: 'از سوی کارکنان',
      defaultValue: false,
      access: { create: noOne, update: noOne },
    },
    { name: 'authorName', type: 'text', label: 'نویسنده', access: { create: noOne, update: noOne } },
    {
      name: 'authorReader',
      type: 'relationship',
      label: 'خواننده نویسنده',
      relationTo: 'readers',
      access: { create: noOne, update: noOne },
    },
    {
      name: 'authorStaff',
      type: 'relationship',
      label: 'کارمند نویسنده',
      relationTo: 'users',
      access: { read: isStaffField, create: noOne, update: noOne },
    },
    {
      name: 'requester',
      type: 'relationship',
      relationTo: 'readers',
      index: true,
      access: { create: noOne, update: noOne },
      admin: { hidden: true },
    },
  ],
  timestamps: true,
}
