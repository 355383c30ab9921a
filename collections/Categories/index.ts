import type { CollectionConfig } from 'payload'

import { anyone, isEditorial } from '../../src/access'
import { slugField } from '../../src/fields/slug'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from '../../src/server/revalidate'

export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: 'دسته', plural: 'دسته‌ها' },
  admin: { group: 'محتوا', useAsTitle: 'title', defaultColumns: ['title', 'slug', 'parent'] },
  access: { read: anyone, create: isEditorial, update: isEditorial, delete: isEditorial },
  hooks: { afterChange: [revalidateSiteAfterChange], afterDelete: [revalidateSiteAfterDelete] },
  fields: [
    { name: 'title', type: 'text', label: 'عنوان', required: true, maxLength: 80 },
    slugField(),
    {
      name: 'parent',
      type: 'relationship',
      label: 'دسته بالاتر',
      relationTo: 'categories',
      admin: { position: 'sidebar' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    { name: 'order', type: 'number', label: 'ترتیب نمایش در صفحه نخست', admin: { position: 'sidebar' } },
  ],
}
