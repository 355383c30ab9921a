import { toPersianDigits } from './persian/digits'

/**
 * Bounds on what a REST query string may ask, checked before Payload parses it (security round 2).
 * Each bound is far above what a page or the admin sends.
 */
export const QUERY_LIMITS = {
  /** Conditions in one `where` (an `in` list counts once): 1,001 ORs made a 100 KB SQL statement and a 500. */
  whereConditions: 100,
  /** Relations populated: the site reads with depth 0 or 1; Payload's maxDepth is set to the same. */
  depth: 5,
  /** Deeper pages make the database skip that many rows; past this, a search is the better tool. */
  page: 10_000,
  /** Documents one list may return to a visitor or a reader (staff: Payload's own bounds). */
  listLimit: 100,
} as const

/** A query string refused, with its Persian reason. */
export class QueryRefused extends Error {}

// `in`, `not_in` and `all` take lists (`where[id][in][0]=1`): their items make one condition.
const LIST_ITEM = /(\[(?:in|not_in|all)\])\[\d*\]$/

/** The key/value pairs of a query string, decoded; throws on a broken %-escape. */
function pairs(query: string): [string, string][] {
  return query
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf('=')
      const [key, value] = at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)]
      const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '))
      return [decode(key), decode(value)]
    })
}

const wholeNumber = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : NaN)

/** Checks a query string (`a=1&b=2`, without `?`) against QUERY_LIMITS; throws QueryRefused. */
export function checkQueryLimits(query: string): void {
  let decoded: [string, string][]
  try {
    decoded = pairs(query)
  } catch {
    throw new QueryRefused('نشانی درخواست نامعتبر است.')
  }
  const conditions = new Set<string>()
  for (const [key, value] of decoded) {
    // A line break has no place in a parameter; in a log line it forges the next line.
    if (/[\r\n]/.test(key) || /[\r\n]/.test(value))
      throw new QueryRefused('پارامترهای درخواست نباید شکست خط داشته باشند.')
    if (key.startsWith('where')) {
      conditions.add(key.replace(LIST_ITEM, '$1'))
      if (conditions.size > QUERY_LIMITS.whereConditions)
        throw new QueryRefused(`این جستجو بیش از ${toPersianDigits(QUERY_LIMITS.whereConditions)} شرط دارد.`)
    }
    if (key === 'depth' && value !== '' && !(wholeNumber(value) <= QUERY_LIMITS.depth))
      throw new QueryRefused(`عمق (depth) باید عددی از ۰ تا ${toPersianDigits(QUERY_LIMITS.depth)} باشد.`)
    if (key === 'page' && /^\d+$/.test(value) && (value.length > 9 || Number(value) > QUERY_LIMITS.page))
      throw new QueryRefused(`شماره صفحه حداکثر ${toPersianDigits(QUERY_LIMITS.page)} است.`)
  }
}

/** The conditions of a parsed `where` (REST or GraphQL): its leaves, `and`/`or` walked through. */
export function countWhereConditions(where: unknown, depth = 0): number {
  if (!where || typeof where !== 'object' || depth > 50) return 0
  let count = 0
  for (const [key, value] of Object.entries(where)) {
    if (/^(and|or)$/i.test(key) && Array.isArray(value))
      for (const item of value) count += countWhereConditions(item, depth + 1)
    else count += 1
    if (count > QUERY_LIMITS.whereConditions) return count
  }
  return count
}

const DATE_OPERATORS = new Set([
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'in',
  'not_in',
])
const isDate = (value: unknown) =>
  (typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime())

/**
 * True when a `where` compares one of `dateFields` with something that is no date
 * (`where[createdAt][greater_than]=yesterday`): the database adapter turns it into a missing
 * parameter and the query fails with a 500.
 */
export function hasInvalidDate(where: unknown, dateFields: ReadonlySet<string>, depth = 0): boolean {
  if (!where || typeof where !== 'object' || depth > 50) return false
  for (const [key, condition] of Object.entries(where)) {
    if (/^(and|or)$/i.test(key) && Array.isArray(condition)) {
      if (condition.some((item) => hasInvalidDate(item, dateFields, depth + 1))) return true
      continue
    }
    if (!dateFields.has(key) || !condition || typeof condition !== 'object') continue
    for (const [operator, value] of Object.entries(condition)) {
      if (!DATE_OPERATORS.has(operator) || value === null || value === '') continue
      const values = Array.isArray(value) ? value : operator.endsWith('in') ? String(value).split(',') : [value]
      if (!values.every(isDate)) return true
    }
  }
  return false
}
