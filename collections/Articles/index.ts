import type { CollectionConfig } from 'payload'

import { hasRole, isEditorial, isStaff, publishedOrStaff } from '../../src/access'
import { slugField } from '../../src/fields/slug'
import { revalidateSiteUnlessAutosave, revalidateSiteAfterDelete } from '../../src/server/revalidate'
import { previewURL } from '../../src/lib/preview'
import { countViewEndpoint } from './endpoints/countView'
import { cancelScheduleEndpoint, listSchedulesEndpoint, scheduleEndpoint } from './endpoints/schedule'
import { deleteComments } from './hooks/deleteComments'
import { deleteSchedules } from './hooks/deleteSchedules'
import { setAuthor } from './hooks/setAuthor'
import { setPublishedAt } from './hooks/setPublishedAt'
import { setSearchText } from './hooks/setSearchText'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: 'خبر', plural: 'اخبار' },
  admin: {
    group: 'محتوا',
    useAsTitle: 'title',
    defaultColumns: ['title', 'category', '_status', 'publishedAt', 'views'],
    listSearchableFields: ['title', 'lead'],
    preview: (doc) => previewURL('articles', doc?.slug as string | undefined),
    components: { edit: { beforeDocumentControls: ['/src/components/admin/ArticleSchedule#ArticleSchedule'] } },
  },
  // readVersions: Payload's default lets any signed-in account (readers too) read drafts.
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: isEditorial,
    update: isEditorial,
    delete: isEditorial,
  },
  versions: {
    // Scheduling is ours (src/jobs/schedulePublish): Payload's option brings a Gregorian picker.
    drafts: { autosave: { interval: 1500 } },
    maxPerDoc: 30,
  },
  defaultSort: '-publishedAt',
  endpoints: [countViewEndpoint, scheduleEndpoint, listSchedulesEndpoint, cancelScheduleEndpoint],
  hooks: {
    beforeChange: [setAuthor, setPublishedAt, setSearchText],
    afterChange: [revalidateSiteUnlessAutosave],
    beforeDelete: [deleteComments, deleteSchedules],
    afterDelete: [revalidateSiteAfterDelete],
  },
  fields: [
    { name: 'title', type: 'text', label: 'عنوان', required: true, maxLength: 250 },
    {
      name: 'lead',
      type: 'textarea',
      label: 'لید (خلاصه خبر)',
      maxLength: 600,
      admin: { description: 'یک یا دو جمله که در فهرست‌ها و زیر عنوان نمایش داده می‌شود.' },
    },
    { name: 'body', type: 'richText', label: 'متن خبر' },
    { name: 'featuredImage', type: 'upload', label: 'تصویر شاخص', relationTo: 'media' },
    slugField(),
    {
      name: 'category',
      type: 'relationship',
      label: 'دسته',
      relationTo: 'categories',
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'tags',
      type: 'relationship',
      label: 'برچسب‌ها',
      relationTo: 'tags',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'author',
      type: 'relationship',
      label: 'ثبت کننده',
      relationTo: 'users',
      index: true,
      access: { update: ({ req: { user } }) => hasRole(user, 'admin') },
      admin: { position: 'sidebar', description: 'کارمندی که خبر را ثبت کرده است؛ خودکار پر می‌شود.' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: 'تاریخ انتشار',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'views',
      type: 'number',
      label: 'تعداد بازدید',
      defaultValue: 0,
      index: true,
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'allowComments',
      type: 'checkbox',
      label: 'امکان ثبت نظر',
      defaultValue: true,
      admin: { position: 'sidebar' },
    },
    // Normalised words for search (hooks/setSearchText.ts); internal, never shown or returned.
    {
      name: 'searchTitle',
      type: 'textarea',
      access: { read: () => false, create: () => false, update: () => false },
      admin: { hidden: true },
    },
    {
      name: 'searchText',
      type: 'textarea',
      access: { read: () => false, create: () => false, update: () => false },
      admin: { hidden: true },
    },
  ],
}
