import type { GlobalConfig } from 'payload'

import { anyone, isEditorial } from '../src/access'
import { revalidateSiteAfterGlobalChange } from '../src/lib/revalidate'

/** Site-wide settings editors change without a deploy. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'تنظیمات سایت',
  admin: { group: 'تنظیمات' },
  access: { read: anyone, update: isEditorial },
  hooks: { afterChange: [revalidateSiteAfterGlobalChange] },
  fields: [
    { name: 'siteName', type: 'text', label: 'نام سایت', required: true, defaultValue: 'سرخط' },
    { name: 'tagline', type: 'text', label: 'شعار' },
    { name: 'logo', type: 'upload', label: 'نشان (لوگو)', relationTo: 'media' },
    { name: 'intro', type: 'textarea', label: 'معرفی کوتاه', admin: { description: 'در صفحه نخست نمایش داده می‌شود.' } },
    {
      name: 'contact',
      type: 'group',
      label: 'راه‌های تماس',
      fields: [
        { name: 'phone', type: 'text', label: 'تلفن' },
        { name: 'email', type: 'email', label: 'رایانامه' },
        { name: 'address', type: 'textarea', label: 'نشانی' },
      ],
    },
    { name: 'footerText', type: 'textarea', label: 'متن پانویس' },
    {
      name: 'footerLinks',
      type: 'array',
      label: 'پیوندهای پانویس',
      labels: { singular: 'پیوند', plural: 'پیوندها' },
      maxRows: 12,
      fields: [
        { name: 'label', type: 'text', label: 'عنوان', required: true, maxLength: 40 },
        { name: 'url', type: 'text', label: 'نشانی', required: true },
      ],
    },
    {
      name: 'dateDigits',
      type: 'select',
      label: 'ارقام تاریخ خبر',
      required: true,
      defaultValue: 'latin',
      options: [
        { value: 'latin', label: 'لاتین (1399/03/07)' },
        { value: 'persian', label: 'فارسی (۱۳۹۹/۰۳/۰۷)' },
      ],
    },
  ],
}
