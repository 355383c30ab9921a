import type { FieldHook, TextField } from 'payload'

import { slugify } from '../lib/slug'

/** Fills the slug from the title when empty, normalises what editors type, and keeps it unique. */
const generateSlug =
  (source: string): FieldHook =>
  async ({ value, data, originalDoc, req, collection }) => {
    const base = slugify(String(value || data?.[source] || originalDoc?.[source] || ''))
    if (!base || !collection) return base || value
    const id = originalDoc?.id ?? data?.id
    for (let n = 1; n < 50; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as 'articles',
        where: { and: [{ slug: { equals: candidate } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
        overrideAccess: true,
        req,
      })
      if (totalDocs === 0) return candidate
    }
    return `${base}-${Date.now()}`
  }

export function slugField(source = 'title'): TextField {
  return {
    name: 'slug',
    type: 'text',
    label: 'نامک (بخش پایانی نشانی)',
    required: true,
    unique: true,
    index: true,
    maxLength: 100,
    admin: {
      position: 'sidebar',
      description: 'اگر خالی بماند از عنوان ساخته می‌شود. حروف فارسی در نشانی می‌مانند.',
    },
    hooks: { beforeValidate: [generateSlug(source)] },
  }
}
