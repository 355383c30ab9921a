import type { CollectionConfig, FieldHook } from 'payload'

import { isEditorial, isEditorialField, isStaffUser } from '../../src/access'
import { COMMENT_MIN_LENGTH, COMMENTER_NAME_MAX_LENGTH, commentMaxLength } from '../../src/lib/comments'
import { toPersianDigits } from '../../src/lib/persian/digits'
import { keepSpentPoints } from '../../src/rateLimits'
import { readComments, readerFieldAccess, staffOnlyField } from './access'
import { viewerEndpoint } from './endpoints/viewer'
import { approveRepliedComment } from './hooks/approveRepliedComment'
import { duplicateAsPersianConflict } from './hooks/duplicateAsPersianConflict'
import { notifyByEmail } from './hooks/notifyByEmail'
import { prepareComment } from './hooks/prepareComment'
import { revalidateArticleAfterChange, revalidateArticleAfterDelete } from './hooks/revalidateArticlePage'
import { screenSubmission } from './hooks/screenSubmission'

export const COMMENT_STATUSES = [
  { value: 'pending', label: 'در انتظار تأیید' },
  { value: 'approved', label: 'تأییدشده' },
  { value: 'rejected', label: 'ردشده' },
  { value: 'spam', label: 'هرزنامه' },
] as const

// Whoever is not staff never learns that a comment was filed as spam: it just stays unpublished.
const maskSpam: FieldHook = ({ value, req }) => (value === 'spam' && !isStaffUser(req.user) ? 'pending' : value)

const validateBody = (value: string | null | undefined) => {
  const length = (value ?? '').trim().length
  if (length === 0) return 'متن نظر را بنویسید.'
  if (length < COMMENT_MIN_LENGTH) return `متن نظر دست‌کم ${toPersianDigits(COMMENT_MIN_LENGTH)} نویسه باشد.`
  if (length > commentMaxLength())
    return `متن نظر حداکثر ${toPersianDigits(commentMaxLength())} نویسه می‌تواند باشد (اکنون ${toPersianDigits(length)}).`
  return true
}

const validateName = (value: string | null | undefined) =>
  (value ?? '').length > COMMENTER_NAME_MAX_LENGTH
    ? `نام حداکثر ${toPersianDigits(COMMENTER_NAME_MAX_LENGTH)} نویسه می‌تواند باشد.`
    : true

/** Readers' comments on articles, threaded, held for moderation. Behaviour lives in ./hooks. */
export const Comments: CollectionConfig = {
  slug: 'comments',
  labels: { singular: 'نظر', plural: 'نظرات' },
  admin: {
    group: 'مخاطبان',
    useAsTitle: 'authorName',
    defaultColumns: ['body', 'authorName', 'article', 'status', 'createdAt'],
    listSearchableFields: ['body', 'authorName', 'guestEmail'],
    description: 'نظرهای خوانندگان؛ نظر تازه تا تأیید ناظر در سایت نمایش داده نمی‌شود.',
    components: { beforeListTable: ['/src/components/admin/CommentModerationBar#CommentModerationBar'] },
  },
  access: { read: readComments, create: () => true, update: isEditorial, delete: isEditorial },
  defaultSort: '-createdAt',
  indexes: [{ fields: ['article', 'status', 'createdAt'] }, { fields: ['ipHash', 'createdAt'] }],
  endpoints: [viewerEndpoint],
  hooks: {
    beforeValidate: [prepareComment],
    beforeChange: [screenSubmission],
    afterChange: [approveRepliedComment, notifyByEmail, revalidateArticleAfterChange],
    afterDelete: [revalidateArticleAfterDelete],
    afterOperation: [keepSpentPoints('comment')],
    afterError: [duplicateAsPersianConflict],
  },
  fields: [
    { name: 'body', type: 'textarea', label: 'متن نظر', required: true, validate: validateBody },
    {
      name: 'staffReply',
      type: 'ui',
      label: 'پاسخ سایت',
      admin: {
        components: { Field: '/src/components/admin/StaffReplyField#StaffReplyField' },
        condition: (data) => Boolean(data?.id),
      },
    },
    {
      name: 'status',
      type: 'select',
      label: 'وضعیت',
      required: true,
      // A staff member's comment is a reply in the site's name: public at once unless they choose otherwise.
      defaultValue: ({ user }: { user?: Parameters<typeof isStaffUser>[0] }) =>
        isStaffUser(user) ? 'approved' : 'pending',
      index: true,
      options: [...COMMENT_STATUSES],
      access: { update: isEditorialField },
      hooks: { afterRead: [maskSpam] },
      admin: { position: 'sidebar' },
    },
    {
      name: 'article',
      type: 'relationship',
      label: 'خبر',
      relationTo: 'articles',
      required: true,
      index: true,
      access: { update: () => false },
      admin: { position: 'sidebar' },
    },
    {
      name: 'parent',
      type: 'relationship',
      label: 'در پاسخ به',
      relationTo: 'comments',
      index: true,
      access: { update: () => false },
      admin: { position: 'sidebar' },
    },
    { name: 'depth', type: 'number', label: 'سطح در رشته گفتگو', defaultValue: 0, min: 0, admin: { hidden: true } },
    { name: 'authorName', type: 'text', label: 'نویسنده', admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'isStaffReply',
      type: 'checkbox',
      label: 'پاسخ سایت',
      defaultValue: false,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'staffAuthor',
      type: 'relationship',
      label: 'کارمند پاسخ‌دهنده',
      relationTo: 'users',
      access: { read: staffOnlyField, update: () => false },
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.staffAuthor) },
    },
    {
      name: 'reader',
      type: 'relationship',
      label: 'خواننده',
      relationTo: 'readers',
      index: true,
      access: { read: readerFieldAccess, update: () => false },
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.reader) },
    },
    {
      name: 'guestName',
      type: 'text',
      label: 'نام مهمان',
      validate: validateName,
      admin: { condition: (data) => !data?.reader && !data?.isStaffReply },
    },
    {
      name: 'guestEmail',
      type: 'email',
      label: 'رایانامه مهمان',
      access: { read: staffOnlyField },
      admin: {
        description: 'هرگز در سایت نمایش داده نمی‌شود.',
        condition: (data) => !data?.reader && !data?.isStaffReply,
      },
    },
    {
      name: 'spamReason',
      type: 'text',
      label: 'دلیل هرزنامه',
      access: { read: staffOnlyField, update: () => false },
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.spamReason) },
    },
    {
      name: 'ipHash',
      type: 'text',
      label: 'شناسه نشانی فرستنده',
      index: true,
      access: { read: staffOnlyField, update: () => false },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'چکیده رمزنگاشته نشانی IP؛ خود نشانی نگه‌داری نمی‌شود.',
      },
    },
    {
      name: 'userAgent',
      type: 'text',
      label: 'مرورگر فرستنده',
      access: { read: staffOnlyField, update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'fingerprint',
      type: 'text',
      unique: true,
      access: { read: staffOnlyField, update: () => false },
      admin: { hidden: true },
    },
  ],
  timestamps: true,
}
