import type { CollectionConfig } from 'payload'

import { hasRole } from '../../src/access'

const supportStaff = ({ req: { user } }: { req: { user?: unknown } }) => hasRole(user as never, 'admin', 'support')

/** Ready answers support staff insert into a reply and then adjust. */
export const CannedResponses: CollectionConfig = {
  slug: 'canned-responses',
  labels: { singular: 'پاسخ آماده', plural: 'پاسخ‌های آماده' },
  admin: { group: 'پشتیبانی', useAsTitle: 'title', defaultColumns: ['title', 'updatedAt'] },
  access: { read: supportStaff, create: supportStaff, update: supportStaff, delete: supportStaff },
  fields: [
    { name: 'title', type: 'text', label: 'عنوان', required: true, maxLength: 120 },
    { name: 'body', type: 'textarea', label: 'متن پاسخ', required: true, maxLength: 5000 },
  ],
}
