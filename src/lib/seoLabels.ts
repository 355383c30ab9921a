import type { Config, Field, Plugin } from 'payload'

const LABELS: Record<string, string> = {
  title: 'عنوان برای موتورهای جست‌وجو',
  description: 'توضیح برای موتورهای جست‌وجو',
  image: 'تصویر هم‌رسانی',
}

/** @payloadcms/plugin-seo labels its fields in English ("SEO", "Title"…); the admin is Persian only. */
export const persianSeoLabels: Plugin = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    fields: collection.fields.map((field): Field =>
      field.type === 'group' && 'name' in field && field.name === 'meta'
        ? {
            ...field,
            label: 'سئو (موتورهای جست‌وجو و هم‌رسانی)',
            fields: field.fields.map((child) =>
              'name' in child && LABELS[child.name] ? ({ ...child, label: LABELS[child.name] } as Field) : child,
            ),
          }
        : field,
    ),
  })),
})
