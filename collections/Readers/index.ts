import type { CollectionConfig } from 'payload'

import { anyone, isAdmin, isAdminField, isAdminOrSelf, isStaffField, noOne, staffOrSelfReader } from '../../src/access'
import { verifyAccountHtml, verifyAccountSubject } from '../../src/email/verifyAccount'
import { normalizeIranianMobile } from '../../src/lib/mobile'
import { authOptions } from '../authOptions'
import { holdEmailChange } from './emailChange'
import { changePasswordEndpoint } from './endpoints/changePassword'
import { forgiveSuccessfulLogin, guardAuthOperations } from '../../src/auth'
import { checkPasswordLength } from './hooks/checkPasswordLength'
import { keepReadersWithTickets } from './hooks/keepReadersWithTickets'
import { limitSignups } from './hooks/limitSignups'
import { refusePasswordUpdate } from './hooks/refusePasswordUpdate'

/** Public accounts of the site's readers. They never enter /admin. */
export const Readers: CollectionConfig = {
  slug: 'readers',
  labels: { singular: 'خواننده', plural: 'خوانندگان' },
  auth: {
    ...authOptions('reader'),
    // A reader signs in (and files tickets) only after confirming their address.
    verify: {
      generateEmailSubject: () => verifyAccountSubject,
      generateEmailHTML: ({ token, user }) => verifyAccountHtml(token, (user as { name?: string })?.name),
    },
  },
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
  endpoints: [changePasswordEndpoint],
  hooks: {
    beforeOperation: [guardAuthOperations, refusePasswordUpdate, checkPasswordLength],
    beforeChange: [limitSignups, holdEmailChange],
    afterLogin: [forgiveSuccessfulLogin],
    beforeDelete: [keepReadersWithTickets],
  },
  fields: [
    // Payload's own field, with stricter access: by default any signed-in account could set it.
    {
      name: '_verified',
      type: 'checkbox',
      label: 'رایانامه تأیید شده',
      access: { create: isAdminField, update: isAdminField, read: isStaffField },
    },
    {
      name: 'signupAddressHash',
      type: 'text',
      index: true,
      access: { read: isAdminField, create: () => false, update: () => false },
      admin: { hidden: true },
    },
    // A new address waits here until the link sent to it is followed (collections/Readers/emailChange.ts).
    {
      name: 'pendingEmail',
      type: 'email',
      label: 'رایانامه تازه در انتظار تأیید',
      access: { create: noOne, update: noOne },
      admin: { readOnly: true },
    },
    {
      name: 'pendingEmailToken',
      type: 'text',
      index: true,
      access: { read: noOne, create: noOne, update: noOne },
      admin: { hidden: true },
    },
    {
      name: 'pendingEmailExpires',
      type: 'date',
      access: { read: noOne, create: noOne, update: noOne },
      admin: { hidden: true },
    },
    { name: 'name', type: 'text', label: 'نام و نام خانوادگی', required: true, maxLength: 120 },
    {
      name: 'mobile',
      type: 'text',
      label: 'شماره موبایل',
      admin: { description: 'نمونه: ۰۹۱۲۱۲۳۴۵۶۷' },
      hooks: {
        beforeValidate: [
          ({ value }) =>
            typeof value === 'string' && value.trim() ? (normalizeIranianMobile(value) ?? value) : value || undefined,
        ],
      },
      validate: (value: string | null | undefined) =>
        !value || /^09\d{9}$/.test(value) ? true : 'شماره موبایل معتبر نیست؛ نمونه درست: ۰۹۱۲۱۲۳۴۵۶۷',
    },
  ],
  timestamps: true,
}
