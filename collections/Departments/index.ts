import type { CollectionConfig } from 'payload'

import { anyone, isAdmin, isSupportUser } from '../../src/access'
import { keepUsedDepartments } from './hooks/keepUsedDepartments'

/** Units a ticket is addressed to; each may have an address that hears of new tickets and replies. */
export const Departments: CollectionConfig = {
  slug: 'departments',
  labels: { singular: 'واحد', plural: 'واحدها' },
  admin: {
    group: 'پشتیبانی',
    useAsTitle: 'title',
    defaultColumns: ['title', 'email', 'active'],
    hidden: ({ user }) => !isSupportUser(user as never),
  },
  // Readers pick a department when they file a ticket; titles are public.
  access: { read: anyone, create: isAdmin, update: isAdmin, delete: isAdmin },
  defaultSort: 'order',
  hooks: { beforeDelete: [keepUsedDepartments] },
  fields: [
    { name: 'title', type: 'text', label: 'نام واحد', required: true, maxLength: 120 },
    {
      name: 'email',
      type: 'email',
      label: 'رایانامه واحد',
      access: { read: ({ req: { user } }) => user?.collection === 'users' },
      admin: { description: 'درخواست‌های تازه و پاسخ‌های خوانندگان به این نشانی خبر داده می‌شوند.' },
    },
    { name: 'active', type: 'checkbox', label: 'در فرم ثبت درخواست نمایش داده شود', defaultValue: true },
    { name: 'order', type: 'number', label: 'ترتیب', defaultValue: 0 },
  ],
}
