import type { GlobalConfig } from 'payload'

import { anyone, isEditorial } from '../src/access'
import { revalidateSiteAfterGlobalChange } from '../src/server/revalidate'

/** The main menu of the public site. */
export const Navigation: GlobalConfig = {
  slug: 'navigation',
  label: 'منوی اصلی',
  admin: { group: 'تنظیمات' },
  access: { read: anyone, update: isEditorial },
  hooks: { afterChange: [revalidateSiteAfterGlobalChange] },
  fields: [
    {
      name: 'items',
      type: 'array',
      label: 'پیوندها',
      labels: { singular: 'پیوند', plural: 'پیوندها' },
      maxRows: 12,
      fields: [
        { name: 'label', type: 'text', label: 'عنوان', required: true, maxLength: 40 },
        {
          name: 'url',
          type: 'text',
          label: 'نشانی',
          required: true,
          admin: { description: 'مثل ‎/news‎ یا ‎/category/…‎ یا نشانی کامل.' },
        },
      ],
    },
  ],
}
