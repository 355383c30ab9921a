import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField, isAdminOrSelf, isStaffUser, readStaffAccounts, STAFF_ROLES } from '../../src/access'
import { authOptions } from '../authOptions'
import { forgiveSuccessfulLogin, guardAuthOperations } from '../../src/auth'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

const roleLabels = { admin: 'مدیر سامانه', editor: 'دبیر خبر', support: 'پشتیبان' } as const

/** Staff accounts: the only accounts that may enter /admin. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'کارکن', plural: 'کارکنان' },
  auth: authOptions('staff'),
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'updatedAt'],
    group: 'کاربران',
    description: 'حساب‌های کارکنان: مدیران، دبیران خبر و پشتیبانان.',
  },
  access: {
    admin: ({ req: { user } }) => isStaffUser(user),
    create: isAdmin,
    read: readStaffAccounts,
    update: isAdminOrSelf('users'),
    delete: isAdmin,
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [guardAuthOperations],
    beforeChange: [firstUserIsAdmin],
    afterLogin: [forgiveSuccessfulLogin],
  },
  fields: [
    { name: 'name', type: 'text', label: 'نام و نام خانوادگی', required: true, maxLength: 120 },
    {
      name: 'roles',
      type: 'select',
      label: 'نقش‌ها',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      options: STAFF_ROLES.map((value) => ({ value, label: roleLabels[value] })),
      access: { create: isAdminField, update: isAdminField },
      admin: { description: 'فقط مدیر سامانه می‌تواند نقش‌ها را تغییر دهد.' },
    },
  ],
  timestamps: true,
}
