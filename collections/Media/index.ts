import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { anyone, isEditorial } from '../../src/access'
import { env } from '../../src/lib/env'
import { revalidateSiteAfterChange, revalidateSiteAfterDelete } from '../../src/server/revalidate'
import { nameByContent } from './hooks/nameByContent'
import { missingFileIs404 } from './serveFile'

const staticDir = path.resolve(process.cwd(), env().mediaDir)

/** Raster images only: SVG can carry script, and PDFs belong to ticket attachments, not the site. */
export const MEDIA_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'رسانه', plural: 'رسانه‌ها' },
  admin: { group: 'محتوا', defaultColumns: ['filename', 'alt', 'updatedAt'] },
  access: { read: anyone, create: isEditorial, update: isEditorial, delete: isEditorial },
  upload: {
    staticDir,
    mimeTypes: MEDIA_MIME_TYPES,
    handlers: [missingFileIs404(staticDir)],
    // Images only, never sniffed into something else, never able to run script if opened directly.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('X-Content-Type-Options', 'nosniff')
      headers.set('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
      return headers
    },
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre', formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'card', width: 768, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'hero', width: 1600, formatOptions: { format: 'webp', options: { quality: 82 } } },
    ],
  },
  hooks: { beforeOperation: [nameByContent], afterChange: [revalidateSiteAfterChange], afterDelete: [revalidateSiteAfterDelete] },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: 'متن جایگزین',
      required: true,
      maxLength: 200,
      admin: { description: 'شرح کوتاه تصویر برای نابینایان و موتورهای جست‌وجو.' },
    },
    { name: 'caption', type: 'text', label: 'زیرنویس', maxLength: 300 },
  ],
}
