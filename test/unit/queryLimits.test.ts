import { isRefusedQueryValue } from '../../src/lib/persianErrors'
import { checkQueryCost, GRAPHQL_LIMITS, measureQuery, QueryTooCostly } from '../../src/lib/graphqlCost'
import { boundedError, truncate } from '../../src/lib/boundedLog'
import {
  checkQueryLimits,
  countWhereConditions,
  hasInvalidDate,
  QUERY_LIMITS,
  QueryRefused,
} from '../../src/lib/queryLimits'
import { parse } from 'graphql'

const aliases = (n: number, limit = 100) =>
  `{${Array.from({ length: n }, (_, i) => `a${i}:Articles(limit:${limit}){totalDocs}`).join(' ')}}`
const refusedQuery = (query: string, variables?: Record<string, unknown>) => {
  try {
    checkQueryCost(query, variables)
    return null
  } catch (error) {
    if (error instanceof QueryTooCostly) return error.message
    throw error
  }
}

describe('GraphQL query cost', () => {
  it("lets the site's own kind of query through and counts what it asks", () => {
    const query =
      '{ Articles(limit: 10, sort: "-publishedAt") { docs { id title slug category { title } } totalDocs } }'
    expect(refusedQuery(query)).toBeNull()
    expect(measureQuery(parse(query))).toEqual({ rootFields: 1, fields: 8, depth: 4, documents: 20 })
  })

  it('refuses the attacker’s 300 aliases, in Persian, before walking them all', () => {
    expect(refusedQuery(aliases(300))).toMatch(/[\u0600-\u06FF]/)
    expect(refusedQuery(aliases(11))).toMatch(/سند/) // 1,100 documents
    expect(refusedQuery(aliases(GRAPHQL_LIMITS.rootFields, 10))).toBeNull()
    expect(refusedQuery(aliases(GRAPHQL_LIMITS.rootFields + 1, 10))).toMatch(/سطح اول/)
  })

  it('multiplies nested lists, refuses lists past 100, unpaginated lists and limits in variables', () => {
    expect(refusedQuery('{ Articles(limit: 101) { docs { id } } }')).toMatch(/۱۰۰/)
    expect(refusedQuery('{ Articles(pagination: false) { docs { id } } }')).toMatch(/صفحه‌بندی/)
    expect(refusedQuery('query ($n: Int) { Articles(limit: $n) { docs { id } } }', { n: 500 })).toMatch(/۱۰۰/)
    expect(refusedQuery('query ($n: Int) { Articles(limit: $n) { docs { id } } }', { n: 50 })).toBeNull()
    const nested = '{ Categories(limit: 100) { docs { articles: relatedArticles(limit: 20) { docs { id } } } } }'
    expect(refusedQuery(nested)).toMatch(/سند/)
  })

  it('refuses deep nesting, too many fields, fragment cycles and overlong queries', () => {
    expect(refusedQuery(`{ Articles { docs { ${'category { '.repeat(12)}id${' }'.repeat(12)} } } }`)).toMatch(/سطح/)
    const wide = `{ Articles(limit: 1) { docs { ${Array.from({ length: 450 }, (_, i) => `f${i}: id`).join(' ')} } } }`
    expect(refusedQuery(wide)).toMatch(/فیلد/)
    expect(refusedQuery('{ ...A } fragment A on Query { ...A }')).toMatch(/سطح/)
    // Each fragment spreads the next twice: 2^40 selections if walked, refused after a few hundred.
    const bomb = `{ ...F0 } ${Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')}`
    expect(refusedQuery(bomb)).toMatch(/سطح|فیلد/)
    const wideBomb = `{ ...F0 } ${Array.from({ length: 8 }, (_, i) => `fragment F${i} on Query { ${`...F${i + 1} `.repeat(50)}}`).join(' ')}`
    expect(refusedQuery(wideBomb)).toMatch(/فیلد/)
    expect(refusedQuery(`{ Articles { docs { ${'id '.repeat(6000)} } } }`)).toMatch(/بلند/)
    expect(refusedQuery('{ Articles(limit: ')).toBeNull() // GraphQL reports the syntax error itself
  })
})

describe('REST query-string limits', () => {
  const refused = (query: string) => {
    try {
      checkQueryLimits(query)
      return null
    } catch (error) {
      if (error instanceof QueryRefused) return error.message
      throw error
    }
  }
  const ors = (n: number) => Array.from({ length: n }, (_, i) => `where[or][${i}][title][equals]=x${i}`).join('&')

  it('counts where conditions, an `in` list once', () => {
    expect(refused(ors(QUERY_LIMITS.whereConditions))).toBeNull()
    expect(refused(ors(1001))).toMatch(/شرط/)
    const list = Array.from({ length: 500 }, (_, i) => `where[id][in][${i}]=${i}`).join('&')
    expect(refused(list)).toBeNull()
  })

  it('bounds depth and page, refuses line breaks', () => {
    expect(refused('depth=1&page=3&limit=10')).toBeNull()
    expect(refused('depth=6')).toMatch(/عمق/)
    expect(refused('depth=abc')).toMatch(/عمق/)
    expect(refused('page=99999999999999999999')).toMatch(/صفحه/)
    expect(refused('page=10001')).toMatch(/صفحه/)
    expect(refused('sort=title%0D%0ASet-Cookie:%20x=1')).toMatch(/شکست خط/)
    expect(refused('where[title][like]=%E0%A4%A')).toMatch(/نامعتبر/)
  })

  it('counts parsed where objects as GraphQL and the admin send them', () => {
    const where = { or: Array.from({ length: 150 }, (_, i) => ({ title: { equals: i } })) }
    expect(countWhereConditions(where)).toBeGreaterThan(QUERY_LIMITS.whereConditions)
    expect(countWhereConditions({ and: [{ a: { equals: 1 } }, { or: [{ b: { in: [1, 2, 3] } }] }] })).toBe(2)
  })
})

describe('bounded log lines', () => {
  it('cuts the SQL out of a database error and keeps its code', () => {
    const sql = `select * from articles where ${'title = $1 or '.repeat(10_000)}`
    const error = Object.assign(new Error(`Failed query: ${sql}\nparams: ${'x,'.repeat(5000)}`), {
      code: 'SQLITE_ERROR',
      cause: new Error(sql),
    })
    const logged = JSON.stringify(boundedError(error))
    expect(logged.length).toBeLessThan(8_000)
    expect(logged).toContain('SQLITE_ERROR')
    expect(truncate('کوتاه')).toBe('کوتاه')
  })
})

describe('values the database refuses', () => {
  it('recognises PostgreSQL data exceptions through the error chain, nothing else', () => {
    const pg = Object.assign(new Error('invalid input syntax for type integer: "abc"'), { code: '22P02' })
    expect(isRefusedQueryValue(new Error('Failed query', { cause: pg }))).toBe(true)
    expect(isRefusedQueryValue(Object.assign(new Error('x'), { code: '42883' }))).toBe(true)
    expect(isRefusedQueryValue(Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' }))).toBe(false)
    expect(isRefusedQueryValue(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBe(false)
  })
})

describe('date conditions', () => {
  it('finds a date condition that is no date, through and/or', () => {
    const dates = new Set(['createdAt'])
    expect(hasInvalidDate({ createdAt: { greater_than: 'yesterday' } }, dates)).toBe(true)
    expect(hasInvalidDate({ or: [{ title: { equals: 'x' } }, { createdAt: { in: '2026-01-01,nope' } }] }, dates)).toBe(
      true,
    )
    expect(hasInvalidDate({ createdAt: { greater_than: '2026-12-01T00:00:00Z' }, title: { equals: 'x' } }, dates)).toBe(
      false,
    )
    expect(hasInvalidDate({ createdAt: { exists: 'true' } }, dates)).toBe(false)
  })
})
