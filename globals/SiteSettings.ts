import type { GlobalConfig } from 'payload'

import { anyone, isEditorial, isStaffField } from '../src/access'
import { revalidateSiteAfterGlobalChange } from '../src/server/revalidate'

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
    {
      name: 'intro',
      type: 'textarea',
      label: 'معرفی کوتاه',
      admin: { description: 'در صفحه نخست نمایش داده می‌شود.' },
    },
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
      name: 'comments',
      type: 'group',
      label: 'نظرات',
      fields: [
        {
          name: 'allowGuests',
          type: 'checkbox',
          label: 'مهمانان (بدون ورود) هم بتوانند نظر بدهند',
          defaultValue: true,
        },
        {
          name: 'autoApproveReturning',
          type: 'checkbox',
          label: 'نظر خوانندگانی که پیش‌تر نظر تأییدشده دارند، خودکار تأیید شود',
          defaultValue: false,
          admin: { description: 'فقط برای خوانندگانی که با حساب کاربری وارد شده‌اند.' },
        },
        {
          name: 'moderatorEmail',
          type: 'text',
          label: 'رایانامه ناظران نظرات',
          // The global is public (the site reads it anonymously); the moderators' address is not.
          access: { read: isStaffField },
          admin: { description: 'نظرهای در انتظار تأیید به این نشانی (یا نشانی‌ها، جدا با ویرگول) خبر داده می‌شوند.' },
          validate: (value: string | null | undefined) =>
            !value || value.split(/[,،]/).every((address) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address.trim()))
              ? true
              : 'نشانی رایانامه ناظران معتبر نیست؛ چند نشانی را با ویرگول جدا کنید.',
        },
        {
          name: 'staffName',
          type: 'text',
          label: 'نام نمایشی پاسخ‌های سایت',
          defaultValue: 'روابط عمومی',
          maxLength: 80,
        },
        {
          name: 'blocklist',
          type: 'textarea',
          label: 'فهرست واژه‌ها و پیوندهای ممنوع',
          // A spammer who reads the list writes around it.
          access: { read: isStaffField },
          admin: {
            description:
              'هر مورد در یک سطر (واژه، عبارت یا دامنه مانند example.com). نظری که یکی از آن‌ها را داشته باشد هرزنامه شمرده می‌شود.',
          },
        },
      ],
    },
    {
      name: 'tickets',
      type: 'group',
      label: 'درخواست‌ها (انتقاد، پیشنهاد، شکایت)',
      fields: [
        {
          name: 'reopenDays',
          type: 'number',
          label: 'مهلت بازگشایی درخواست بسته (روز)',
          defaultValue: 7,
          min: 0,
          admin: {
            description:
              'خواننده تا این چند روز پس از بسته شدن درخواست می‌تواند با پاسخ دادن آن را دوباره باز کند؛ پس از آن باید درخواست تازه ثبت کند.',
          },
        },
        {
          name: 'autoCloseDays',
          type: 'number',
          label: 'بستن خودکار درخواست‌های پاسخ‌داده (روز)',
          defaultValue: 7,
          min: 0,
          admin: { description: 'درخواستی که پاسخ داده شده و این چند روز پیام تازه‌ای نگرفته، خودکار بسته می‌شود.' },
        },
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
