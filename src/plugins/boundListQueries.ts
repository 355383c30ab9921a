import { APIError, type CollectionBeforeOperationHook, type Plugin } from 'payload'

import { isStaffUser } from '../access/roles'
import { toPersianDigits } from '../lib/persian/digits'
import { countWhereConditions, hasInvalidDate, QUERY_LIMITS } from '../lib/queryLimits'

const refusal = () =>
  new APIError(
    `هر فهرست برای بازدیدکنندگان و خوانندگان حداکثر ${toPersianDigits(QUERY_LIMITS.listLimit)} مورد دارد.`,
    400,
    null,
    true,
  )

/**
 * API queries, not the site's own (the Local API): a `where` of more than
 * QUERY_LIMITS.whereConditions conditions is refused for everyone (GraphQL's variables come here
 * without passing the REST query-string checks). A visitor's or a reader's REST list returns at
 * most QUERY_LIMITS.listLimit documents (`limit=0` or `pagination=false` would return the whole
 * collection); GraphQL's lists are bounded for everyone before they run (graphqlCost). Staff,
 * signed in and trusted, keep Payload's bounds.
 * A date condition that is no date is refused too (it ended in a 500).
 */
/** The names of a collection's top-level date fields (createdAt and updatedAt included). */
const dateFieldsOf = (fields: { type: string; name?: string }[]) =>
  new Set(fields.flatMap((field) => (field.type === 'date' && field.name ? [field.name] : [])))

const boundListQuery: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  if (req.payloadAPI === 'local') return args
  const { limit, pagination, where } = args as { limit?: unknown; pagination?: unknown; where?: unknown }
  if (countWhereConditions(where) > QUERY_LIMITS.whereConditions)
    throw new APIError(`این جستجو بیش از ${toPersianDigits(QUERY_LIMITS.whereConditions)} شرط دارد.`, 400, null, true)
  if (where && hasInvalidDate(where, dateFieldsOf(collection.fields as { type: string; name?: string }[])))
    throw new APIError('یکی از شرط‌های تاریخ، تاریخ معتبری نیست.', 400, null, true)
  if (req.payloadAPI !== 'REST' || isStaffUser(req.user)) return args
  // Only the operation the query string asked for: the others a request runs (the signed-in
  // user's lookup, a registration's uniqueness check) share its req but pass their own arguments.
  const asked = (req.query ?? {}) as { limit?: unknown; pagination?: unknown }
  if (pagination === false && String(asked.pagination) === 'false') throw refusal()
  const value = Number(limit)
  if (limit === undefined || limit === null || asked.limit === undefined || value !== Number(asked.limit)) return args
  if (!Number.isFinite(value) || value < 1 || value > QUERY_LIMITS.listLimit) throw refusal()
  return args
}

export const boundListQueries: Plugin = (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [boundListQuery, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
})
