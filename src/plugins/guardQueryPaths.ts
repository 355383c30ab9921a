import {
  APIError,
  type CollectionBeforeOperationHook,
  type FlattenedField,
  type PayloadRequest,
  type Plugin,
  type SanitizedCollectionConfig,
} from 'payload'

/**
 * Payload's auth columns. Nobody reads them over the API, so nobody filters or sorts on them
 * either: `where[author.sessions.id][like]=…` would tell a visitor whether a staff member is signed
 * in and spell out their session ids one character at a time.
 */
const AUTH_SECRETS = new Set([
  'hash',
  'salt',
  'sessions',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'loginAttempts',
  'lockUntil',
  '_verificationToken',
  'apiKey',
  'apiKeyIndex',
  'enableAPIKey',
])

const OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
])

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Every field path a `where` names, through and/or, nested objects and nested `contains` queries. */
export function wherePaths(where: unknown, prefix = ''): string[] {
  if (!isObject(where)) return []
  return Object.entries(where).flatMap(([key, value]) => {
    if (/^(and|or)$/i.test(key)) return Array.isArray(value) ? value.flatMap((w) => wherePaths(w, prefix)) : []
    const path = `${prefix}${key}`
    if (!isObject(value)) return [path]
    const operators = Object.keys(value).filter((k) => OPERATORS.has(k))
    const nested = Object.keys(value).some((k) => !OPERATORS.has(k))
    return [
      ...(operators.length || !nested ? [path] : []),
      ...(nested ? wherePaths(value, `${path}.`) : []),
      ...(isObject(value.contains) ? wherePaths(value.contains, `${path}.`) : []),
    ]
  })
}

/** The field paths of a `sort` (`-title,author.name` or an array). */
export function sortPaths(sort: unknown): string[] {
  const parts = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim().replace(/^-/, ''))
}

const refuse = (path: string) => new APIError(`جست‌وجو یا مرتب‌سازی بر پایه «${path}» مجاز نیست.`, 400, null, true)

/**
 * Walks `path` field by field, across relationships, as the caller: it must be allowed to read
 * every field on the way, and fully read every collection a relationship leads into. Read access
 * given as a query (an editor reads only their own staff account) is not enough: Payload 3.90.1
 * does not apply that query to the related side of a filter (the access matrix caught an editor
 * matching articles by the admin's email), and a sort has no query to apply.
 */
async function checkPath(path: string, start: SanitizedCollectionConfig, req: PayloadRequest, versions: boolean) {
  const segments = path.replace(/__/g, '.').split('.')
  if (versions && (segments[0] === 'version' || segments[0] === 'parent' || segments[0] === 'latest')) segments.shift()
  let collection = start
  let fields: FlattenedField[] = start.flattenedFields
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i]
    const field = fields.find((f) => f.name === name)
    // Unknown names (and `id`) are Payload's to refuse or answer.
    if (!field) return
    if ((collection.auth && AUTH_SECRETS.has(name)) || field.hidden) throw refuse(path)
    const read = field.access?.read
    if (read && !(await read({ req, doc: undefined, siblingData: {}, data: {} }))) throw refuse(path)
    if (i === segments.length - 1) return
    if (field.type === 'relationship' || field.type === 'upload' || field.type === 'join') {
      const target = field.type === 'join' ? field.collection : field.relationTo
      // Polymorphic relations are queried as `.value` / `.relationTo` only: nothing deeper to walk.
      if (typeof target !== 'string') return
      if (segments[i + 1] === 'id') return
      collection = req.payload.collections[target].config
      const access = collection.access?.read
      if (access && (await access({ req })) !== true) throw refuse(path)
      fields = collection.flattenedFields
    } else if ('flattenedFields' in field && Array.isArray(field.flattenedFields)) {
      fields = field.flattenedFields
    } else return
  }
}

const VERSION_OPERATIONS = new Set(['findVersions', 'findVersionByID', 'countVersions'])

const guard: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const { where, sort, field, overrideAccess } = args as {
    where?: unknown
    sort?: unknown
    field?: unknown
    overrideAccess?: boolean
  }
  // The server's own queries (Local API with overrideAccess) know what they ask.
  if (overrideAccess === true) return args
  const paths = [...wherePaths(where), ...sortPaths(sort), ...(typeof field === 'string' ? [field] : [])]
  for (const path of new Set(paths)) await checkPath(path, collection, req, VERSION_OPERATIONS.has(operation))
  return args
}

/** Filters and sorts only on what the caller may read, on every collection and through every relation. */
export const guardQueryPaths: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [guard, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
})
