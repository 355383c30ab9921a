import type { CollectionConfig, FieldAccess, RelationshipFieldSingleValidation } from 'payload'
import { relationship } from 'payload/shared'

import { isAdmin, isReaderUser, isStaffField, isSupportField, isSupportUser, noOne } from '../../src/access'
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../../src/lib/tickets'
import { keepSpentPoints } from '../../src/rateLimits'
import { readerOnly, supportOrRequester } from './access'
import { assignTrackingCode } from './hooks/assignTrackingCode'
import { createFirstMessage } from './hooks/createFirstMessage'
import { deleteConversation } from './hooks/deleteConversation'
import { hideOthersTickets } from './hooks/hideOthersTickets'
import { notifyTicketChange } from './hooks/notifyTicketChange'
import { prepareTicket } from './hooks/prepareTicket'
import { recordStatusChange } from './hooks/recordStatusChange'

const supportOrReader: FieldAccess = ({ req: { user } }) => isSupportUser(user) || isReaderUser(user)

/**
 * Criticisms, suggestions and complaints filed by signed-in readers, worked by support staff.
 * The conversation lives in `ticket-messages`; behaviour lives in ./hooks.
 */
export const Tickets: CollectionConfig = {
  slug: 'tickets',
  labels: { singular: 'درخواست', plural: 'درخواست‌ها' },
  admin: {
    group: 'پشتیبانی',
    useAsTitle: 'subject',
    defaultColumns: ['code', 'subject', 'type', 'status', 'priority', 'department', 'assignee', 'updatedAt'],
    listSearchableFields: ['code', 'subject'],
    description: 'انتقادها، پیشنهادها و شکایت‌های خوانندگان. پاسخ و یادداشت داخلی را در صفحه هر درخواست بنویسید.',
    hidden: ({ user }) => !isSupportUser(user as never),
    components: { beforeListTable: ['/src/components/admin/TicketQueueBar#TicketQueueBar'] },
  },
  access: { read: supportOrRequester, create: readerOnly, update: supportOrRequester, delete: isAdmin },
  defaultSort: '-updatedAt',
  indexes: [
    { fields: ['status', 'updatedAt'] },
    { fields: ['requester', 'createdAt'] },
    { fields: ['status', 'answeredAt'] },
  ],
  hooks: {
    beforeValidate: [prepareTicket],
    beforeChange: [assignTrackingCode, recordStatusChange],
    afterChange: [createFirstMessage, notifyTicketChange],
    beforeDelete: [deleteConversation],
    afterOperation: [keepSpentPoints('ticket')],
    afterError: [hideOthersTickets],
  },
  fields: [
    {
      name: 'code',
      type: 'text',
      label: 'کد پیگیری',
      unique: true,
      index: true,
      access: { create: noOne, update: noOne },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'subject',
      type: 'text',
      label: 'موضوع',
      required: true,
      maxLength: 200,
      access: { update: isSupportField },
    },
    {
      name: 'type',
      type: 'select',
      label: 'نوع',
      required: true,
      options: [...TICKET_TYPES],
      index: true,
      access: { update: isSupportField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'department',
      type: 'relationship',
      label: 'واحد',
      relationTo: 'departments',
      required: true,
      index: true,
      access: { update: isSupportField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'status',
      type: 'select',
      label: 'وضعیت',
      required: true,
      defaultValue: 'new',
      options: [...TICKET_STATUSES],
      index: true,
      access: { update: supportOrReader },
      admin: { position: 'sidebar' },
    },
    {
      name: 'priority',
      type: 'select',
      label: 'اولویت',
      required: true,
      defaultValue: 'normal',
      options: [...TICKET_PRIORITIES],
      index: true,
      access: { create: isSupportField, update: isSupportField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'assignee',
      type: 'relationship',
      label: 'کارشناس مسئول',
      relationTo: 'users',
      index: true,
      filterOptions: { roles: { in: ['support', 'admin'] } },
      // Payload checks the filter as the signed-in account, and a reader cannot read staff: the
      // stored assignee would make a reader's close or rating fail. Readers cannot change it anyway.
      validate: ((value, options) =>
        isSupportUser(options.req.user)
          ? relationship(value, options)
          : true) satisfies RelationshipFieldSingleValidation,
      access: { read: isStaffField, create: isSupportField, update: isSupportField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'requester',
      type: 'relationship',
      label: 'درخواست‌دهنده',
      relationTo: 'readers',
      required: true,
      index: true,
      access: { update: noOne },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'conversation',
      type: 'ui',
      label: 'گفتگو',
      admin: {
        components: { Field: '/src/components/admin/TicketConversation#TicketConversation' },
        condition: (data) => Boolean(data?.id),
      },
    },
    {
      type: 'collapsible',
      label: 'نظرسنجی خواننده',
      admin: { initCollapsed: false, condition: (data) => Boolean(data?.rating) },
      fields: [
        {
          name: 'rating',
          type: 'number',
          label: 'امتیاز رضایت (۱ تا ۵)',
          min: 1,
          max: 5,
          access: { create: noOne, update: ({ req: { user } }) => isReaderUser(user) },
          admin: { readOnly: true },
        },
        {
          name: 'ratingComment',
          type: 'textarea',
          label: 'توضیح خواننده',
          maxLength: 1000,
          access: { create: noOne, update: ({ req: { user } }) => isReaderUser(user) },
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'answeredAt',
      type: 'date',
      label: 'آخرین پاسخ پشتیبانی',
      access: { create: noOne, update: noOne },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'closedAt',
      type: 'date',
      label: 'زمان بسته شدن',
      access: { create: noOne, update: noOne },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'lastMessageAt',
      type: 'date',
      label: 'آخرین پیام',
      access: { create: noOne, update: noOne },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'history',
      type: 'array',
      label: 'تاریخچه وضعیت',
      labels: { singular: 'تغییر وضعیت', plural: 'تغییرهای وضعیت' },
      access: { create: noOne, update: noOne },
      admin: { readOnly: true, initCollapsed: true },
      fields: [
        { name: 'status', type: 'select', label: 'وضعیت', options: [...TICKET_STATUSES], required: true },
        { name: 'at', type: 'date', label: 'زمان', required: true },
        { name: 'by', type: 'text', label: 'به دست' },
      ],
    },
  ],
  timestamps: true,
}
