import type { CollectionConfig } from 'payload'

import { anyone, isAdmin, isAdminOrSelf, staffOrSelfReader } from '../../src/access'
import { normalizeIranianMobile } from '../../src/lib/mobile'
import { authOptions } from '../authOptions'

/** Public accounts of the site's readers. They never enter /admin. */
export const Readers: CollectionConfig = {
  slug: 'readers',
  labels: { singular: 'خواننده', plural: 'خوانندگان' },
  auth: authOptions('reader'),
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'mobile', 'createdAt'],
    group: 'کاربران',
    description: 'حساب‌های عمومی خوانندگان سایت.',
  },
  access: {
    admin: () => false,
    create: anyone,
    read: staffOrSelfReader,
    update: isAdminOrSelf('readers'),
    delete: isAdmin,
    unlock: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', label: 'نام و نام خانوادگی', required: true, maxLength: 120 },
    {
      name: 'mobile',
      type: 'text',
      label: 'شماره موبایل',
      admin: { description: 'نمونه: ۰۹۱۲۱۲۳۴۵۶۷' },
      hooks: {
        beforeValidate: [({ value }) => (typeof value === 'string' && value.trim() ? normalizeIranianMobile(value) ?? value : value || undefined)],
      },
      validate: (value: string | null | undefined) =>
        !value || /^09\d{9}$/.test(value) ? true : 'شماره موبایل معتبر نیست؛ نمونه درست: ۰۹۱۲۱۲۳۴۵۶۷',
    },
  ],
  timestamps: true,
}
