import { APIError, type CollectionBeforeOperationHook, type Plugin } from 'payload'

import { isStaffUser } from '../access/roles'
import { toPersianDigits } from '../lib/persian/digits'
import { countWhereConditions, QUERY_LIMITS } from '../lib/queryLimits'

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
 *
 * The limit is read from the request's query string, not from the operation's arguments: the
 * operations a request runs inside (a registration's uniqueness check, access lookups) share its
 * `req` and pass their own, unbounded, arguments.
 */
const boundListQuery: CollectionBeforeOperationHook = ({ args, req }) => {
  if (req.payloadAPI === 'local') return args
  if (countWhereConditions((args as { where?: unknown }).where) > QUERY_LIMITS.whereConditions)
    throw new APIError(`این جستجو بیش از ${toPersianDigits(QUERY_LIMITS.whereConditions)} شرط دارد.`, 400, null, true)
  if (req.payloadAPI !== 'REST' || isStaffUser(req.user)) return args
  const { limit, pagination } = (req.query ?? {}) as { limit?: unknown; pagination?: unknown }
  if (pagination === false || pagination === 'false') throw refusal()
  if (limit === undefined || limit === null || limit === '') return args
  const value = Number(limit)
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
