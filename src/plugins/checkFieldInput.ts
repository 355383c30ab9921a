import { type CollectionBeforeValidateHook, type Field, type FieldHook, type Plugin, ValidationError } from 'payload'

import { stripInvisibleControls } from '../lib/text/invisibleControls'

const mustBeText = (label: string) => `«${label}» باید متن باشد.`
const labelOf = (field: unknown) => {
  const { label, name } = field as { label?: unknown; name?: string }
  return typeof label === 'string' ? label : (name ?? '')
}

const refuse = (args: Parameters<FieldHook>[0], message: string): never => {
  throw new ValidationError({
    collection: args.collection?.slug,
    errors: [{ path: args.path.join('.'), message }],
    req: args.req,
  })
}

/** A string, or for `hasMany` fields a list of strings. */
const isStringValue = ({ value, field }: Parameters<FieldHook>[0]) =>
  'hasMany' in field && field.hasMany
    ? Array.isArray(value) && value.every((item) => typeof item === 'string')
    : typeof value === 'string'

/**
 * Text is text: a number, object or array sent for a text field is refused in Persian here,
 * before any hook of ours or Payload's treats it as a string. Strings lose invisible controls.
 */
const cleanText: FieldHook = (args) => {
  const { value } = args
  if (value === undefined || value === null) return value
  if (!isStringValue(args)) return refuse(args, mustBeText(labelOf(args.field)))
  return Array.isArray(value) ? value.map(stripInvisibleControls) : stripInvisibleControls(value as string)
}

/** A choice is one of its options' values: a string (or a list of them). */
const choiceIsText: FieldHook = (args) => {
  if (args.value === undefined || args.value === null || isStringValue(args)) return args.value
  return refuse(args, `مقدار «${labelOf(args.field)}» از گزینه‌ها نیست.`)
}

/** A number is a finite number (or its digits as text); `true` is not 1, whatever JavaScript says. */
const numberIsNumber: FieldHook = (args) => {
  const { value, field } = args
  if (value === undefined || value === null || ('hasMany' in field && field.hasMany)) return value
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value)
  return refuse(args, `«${labelOf(field)}» باید عدد باشد.`)
}

/** A checkbox is true or false. */
const checkboxIsBoolean: FieldHook = (args) => {
  const { value, field } = args
  if (value === undefined || value === null || typeof value === 'boolean') return value
  if (value === 'true' || value === 'false') return value === 'true'
  return refuse(args, `«${labelOf(field)}» باید بله یا خیر باشد.`)
}

const withHook = (field: Field, hook: FieldHook): Field =>
  ({
    ...field,
    hooks: {
      ...('hooks' in field ? field.hooks : {}),
      beforeValidate: [hook, ...(('hooks' in field && field.hooks?.beforeValidate) || [])],
    },
  }) as Field

/**
 * Every text, textarea and email field checks and cleans its value before validation; choices,
 * numbers and checkboxes are checked for their type (PostgreSQL refuses a wrong one with a 500).
 */
function withInputChecks(field: Field): Field {
  if (field.type === 'number') return withHook(field, numberIsNumber)
  if (field.type === 'checkbox') return withHook(field, checkboxIsBoolean)
  if (field.type === 'select' || field.type === 'radio') return withHook(field, choiceIsText)
  if (field.type === 'text' || field.type === 'textarea' || field.type === 'email') return withHook(field, cleanText)
  if (field.type === 'tabs')
    return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(withInputChecks) })) }
  if (field.type === 'blocks')
    return { ...field, blocks: field.blocks.map((block) => ({ ...block, fields: block.fields.map(withInputChecks) })) }
  if ('fields' in field && Array.isArray(field.fields))
    return { ...field, fields: field.fields.map(withInputChecks) } as Field
  return field
}

/**
 * Fields Payload adds after plugins run: the email and password of auth collections, the
 * `_status` of drafts. A wrong type there ends in a 500 inside Payload; it is refused here.
 */
const systemFieldsAreValid: CollectionBeforeValidateHook = ({ data, collection, req }) => {
  if (!data) return data
  const errors: { path: string; message: string }[] = []
  if (collection.auth) {
    for (const [name, label] of [
      ['email', 'رایانامه'],
      ['password', 'گذرواژه'],
    ] as const) {
      if (data[name] !== undefined && data[name] !== null && typeof data[name] !== 'string')
        errors.push({ path: name, message: mustBeText(label) })
    }
  }
  if (collection.versions?.drafts && data._status !== undefined && !['draft', 'published'].includes(data._status)) {
    errors.push({ path: '_status', message: 'وضعیت انتشار باید «پیش‌نویس» یا «منتشرشده» باشد.' })
  }
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req })
  if (typeof data.email === 'string') data.email = stripInvisibleControls(data.email)
  return data
}

/**
 * Names, subjects and bodies reach other people (moderators, support staff, readers): none may
 * carry characters that reorder or hide what they read (a U+202E in a name turns "gnp.exe" into
 * "exe.png"). Applied to every collection and global, so no field is forgotten.
 */
export const checkFieldInput: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    fields: collection.fields.map(withInputChecks),
    hooks: { ...collection.hooks, beforeValidate: [systemFieldsAreValid, ...(collection.hooks?.beforeValidate ?? [])] },
  })),
  globals: config.globals?.map((global) => ({ ...global, fields: global.fields.map(withInputChecks) })),
})
