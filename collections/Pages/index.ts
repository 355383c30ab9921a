import type { CollectionConfig } from 'payload'

import { isEditorial, isStaff, publishedOrStaff } from '../../src/access'
import { slugField } from '../../src/fields/slug'
import { previewURL } from '../../src/lib/preview'
import { revalidateSiteAfterDelete, revalidateSiteUnlessAutosave } from '../../src/server/revalidate'

/** Static pages: customer guide, complaints, about, contact. */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: { singular: 'صفحه', plural: 'صفحه‌ها' },
  admin: {
    group: 'محتوا',
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'updatedAt'],
    preview: (doc) => previewURL('pages', doc?.slug as string | undefined),
  },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: isEditorial,
    update: isEditorial,
    delete: isEditorial,
  },
  versions: { drafts: true, maxPerDoc: 20 },
  hooks: { afterChange: [revalidateSiteUnlessAutosave], afterDelete: [revalidateSiteAfterDelete] },
  fields: [
    { name: 'title', type: 'text', label: 'عنوان', required: true, maxLength: 200 },
    { name: 'body', type: 'richText', label: 'متن صفحه' },
    slugField(),
  ],
}
