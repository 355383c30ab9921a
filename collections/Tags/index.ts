import type { CollectionConfig } from 'payload'

import { anyone, isEditorial } from '../../src/access'
import { slugField } from '../../src/fields/slug'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from '../../src/server/revalidate'

export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: 'برچسب', plural: 'برچسب‌ها' },
  admin: { group: 'محتوا', useAsTitle: 'title', defaultColumns: ['title', 'slug'] },
  access: { read: anyone, create: isEditorial, update: isEditorial, delete: isEditorial },
  hooks: { afterChange: [revalidateSiteAfterChange], afterDelete: [revalidateSiteAfterDelete] },
  fields: [{ name: 'title', type: 'text', label: 'عنوان', required: true, maxLength: 80 }, slugField()],
}
