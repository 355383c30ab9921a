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
 * API queries (REST or GraphQL), not the site's own (the Local API): a `where` of more than
 * QUERY_LIMITS.whereConditions conditions is refused for everyone, and a visitor's or a reader's
 * list returns at most QUERY_LIMITS.listLimit documents (`limit=0` or `pagination=false` would
 * otherwise return the whole collection). Staff, signed in and trusted, keep Payload's bounds.
 */
const boundListQuery: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI === 'local') return args
  const { limit, pagination, where } = args as { limit?: unknown; pagination?: unknown; where?: unknown }
  // For everyone: GraphQL's `where` arrives here without passing the REST query-string checks.
  if (countWhereConditions(where) > QUERY_LIMITS.whereConditions)
    throw new APIError(`این جستجو بیش از ${toPersianDigits(QUERY_LIMITS.whereConditions)} شرط دارد.`, 400, null, true)
  if (operation !== 'read' || isStaffUser(req.user)) return args
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
