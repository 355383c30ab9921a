import type { CollectionConfig, Config, EditConfig, Field, GlobalConfig, Plugin } from 'payload'

const CELL = '/src/components/admin/jalali/JalaliDateCell#JalaliDateCell'
const FIELD = '/src/components/admin/jalali/JalaliDateField#JalaliDateField'
const DOCUMENT_META = '/src/components/admin/jalali/JalaliDocumentMeta#JalaliDocumentMeta'
const VERSIONS_VIEW = '/src/components/admin/jalali/JalaliVersionsView#JalaliVersionsView'

/** Gives a date field the Jalali column and picker, unless it brings components of its own. */
function withJalaliComponents(field: Field): Field {
  if (field.type === 'date') {
    const components = { ...field.admin?.components }
    components.Cell ??= CELL
    components.Field ??= FIELD
    return { ...field, admin: { ...field.admin, components } } as Field
  }
  if (field.type === 'tabs')
    return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(withJalaliComponents) })) }
  if (field.type === 'blocks')
    return {
      ...field,
      blocks: field.blocks.map((block) => ({ ...block, fields: block.fields.map(withJalaliComponents) })),
    }
  if ('fields' in field && Array.isArray(field.fields))
    return { ...field, fields: field.fields.map(withJalaliComponents) } as Field
  return field
}

/**
 * Payload adds `createdAt`/`updatedAt` itself (after plugins run) unless a collection declares
 * them; declaring the same columns lets them carry the Jalali cell. Same names, types and
 * indexes as Payload's, so the schema does not change.
 */
function timestampFields(collection: CollectionConfig): Field[] {
  if (collection.timestamps === false) return []
  const declared = new Set(collection.fields.map((f) => ('name' in f ? f.name : '')))
  const stamp = (name: 'createdAt' | 'updatedAt', label: string): Field => ({
    name,
    type: 'date',
    label,
    index: true,
    admin: { hidden: true, disableBulkEdit: true, components: { Cell: CELL } },
  })
  return [
    ...(declared.has('updatedAt') ? [] : [stamp('updatedAt', 'آخرین تغییر')]),
    ...(declared.has('createdAt') ? [] : [stamp('createdAt', 'تاریخ ایجاد')]),
  ]
}

/**
 * The edit view's created/updated pair, in Jalali, ahead of the collection's own controls; and,
 * for versioned collections, the version history with Jalali times.
 */
function withJalaliDocumentViews(collection: CollectionConfig): CollectionConfig['admin'] {
  const { admin } = collection
  const edit = admin?.components?.edit
  const views = admin?.components?.views
  const editViews = views?.edit as Record<string, unknown> | undefined
  const versionsView =
    collection.versions && !editViews?.versions
      ? { edit: { ...editViews, versions: { Component: VERSIONS_VIEW } } as EditConfig }
      : {}
  return {
    ...admin,
    components: {
      ...admin?.components,
      edit: { ...edit, beforeDocumentControls: [DOCUMENT_META, ...(edit?.beforeDocumentControls ?? [])] },
      views: { ...views, ...versionsView },
    },
  }
}

/** Every date a staff member reads or sets in the admin is Jalali, on Tehran's clock. */
export const jalaliAdminDates: Plugin = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map((collection): CollectionConfig => ({
    ...collection,
    fields: [...collection.fields.map(withJalaliComponents), ...timestampFields(collection)],
    admin: collection.timestamps === false ? collection.admin : withJalaliDocumentViews(collection),
  })),
  globals: config.globals?.map((global): GlobalConfig => ({
    ...global,
    fields: global.fields.map(withJalaliComponents),
  })),
})
