/**
 * Security round 2: a query's cost is bounded before it runs. One anonymous GraphQL request of 300
 * aliases (`a0: Articles(limit: 100) { totalDocs } …`) kept the process busy for 9–12 s and made
 * /healthz wait; 1,001 OR conditions on REST answered 500 and logged 100 KB of SQL.
 */
import request from 'supertest'

import { type Agent, createStaff, signIn, signInAsAdmin, SITE_ORIGIN } from '../helpers/accounts'
import { type RunningServer, startServer } from '../helpers/server'
import { signedInReader } from '../helpers/tickets'

const PERSIAN = /[\u0600-\u06FF]/
let server: RunningServer
let editor: Agent
let reader: Agent

beforeAll(async () => {
  server = await startServer()
  const admin = await signInAsAdmin(server.url)
  editor = await signIn(server.url, 'users', (await createStaff(admin, 'editor', 'دبیر آزمون هزینه')).email)
  reader = (await signedInReader(server.url, 'خواننده آزمون هزینه')).agent
}, 120_000)
afterAll(() => server?.stop())

const aliases = (n: number) =>
  `{${Array.from({ length: n }, (_, i) => `a${i}:Articles(limit:100){totalDocs}`).join(' ')}}`
const graphql = (query: string, variables?: Record<string, unknown>) =>
  request(server.url).post('/api/graphql').set('Origin', SITE_ORIGIN).send({ query, variables })

/** Resolves with the answer and how long it took, in ms. */
async function timed<T>(work: Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const result = await work
  return [result, performance.now() - started]
}

function expectPersianRefusal(res: { status: number; body: any; text: string }, status = 400) {
  expect({ status: res.status, text: res.text.slice(0, 200) }).toEqual({ status, text: expect.any(String) })
  expect(res.body.errors.length).toBeGreaterThan(0)
  for (const error of res.body.errors) expect(error.message).toMatch(PERSIAN)
}

describe('GraphQL', () => {
  it("answers the site's kind of query: ten articles", async () => {
    const res = await graphql('{ Articles(limit: 10, sort: "-publishedAt") { docs { id title slug } totalDocs } }')
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Articles.docs.length).toBeGreaterThan(0)
    expect(res.body.data.Articles.docs.length).toBeLessThanOrEqual(10)
  })

  it.each([300, 450])('refuses %i aliases in under a second, while /healthz answers at once', async (n) => {
    const attack = timed(graphql(aliases(n)))
    // Meanwhile the process stays free: the health check does not queue behind the query.
    const [health, healthMs] = await timed(fetch(`${server.url}/healthz`))
    const [res, ms] = await attack
    expect(health.status).toBe(200)
    expect(healthMs).toBeLessThan(1000)
    expectPersianRefusal(res)
    expect(ms).toBeLessThan(1000)
  })

  it.each([
    ['a list of 101', '{ Articles(limit: 101) { docs { id } } }'],
    ['a list without pagination', '{ Articles(pagination: false) { docs { id } } }'],
    [
      'eleven lists of 100',
      `{${Array.from({ length: 11 }, (_, i) => `a${i}: Tags(limit: 100) { docs { id } }`).join(' ')}}`,
    ],
    ['depth 12', `{ Articles { docs { ${'category { '.repeat(10)}id${' }'.repeat(10)} } } }`],
    [
      '500 fields',
      `{ Articles(limit: 1) { docs { ${Array.from({ length: 500 }, (_, i) => `f${i}: id`).join(' ')} } } }`,
    ],
  ])('refuses %s before it runs, in Persian', async (_label, query) => {
    expectPersianRefusal(await graphql(query))
  })

  it('refuses a where of 150 conditions sent as variables', async () => {
    const where = { OR: Array.from({ length: 150 }, (_, i) => ({ title: { equals: `x${i}` } })) }
    const res = await graphql('query ($w: Article_where) { Articles(where: $w) { docs { id } } }', { w: where })
    expect(res.status).toBeLessThan(500)
    expect(res.body.data?.Articles ?? null).toBeNull()
    for (const error of res.body.errors) expect(error.message).toMatch(PERSIAN)
  })
})

describe('REST', () => {
  const ors = (n: number) => Array.from({ length: n }, (_, i) => `where[or][${i}][title][equals]=x${i}`).join('&')

  it('refuses 1,001 OR conditions with a Persian 400 and a short log', async () => {
    const logged = server.output().length
    const res = await request(server.url).get(`/api/articles?${ors(1001)}`)
    expectPersianRefusal(res)
    expect(res.body.errors[0].message).toMatch(/شرط/)
    await new Promise((r) => setTimeout(r, 300))
    expect(server.output().length - logged).toBeLessThan(4_000)
    expect((await request(server.url).get(`/api/articles?${ors(20)}&depth=0`)).status).toBe(200)
  })

  it('gives visitors and readers at most 100 documents a list; staff more', async () => {
    for (const query of ['limit=101', 'limit=0', 'pagination=false']) {
      expectPersianRefusal(await request(server.url).get(`/api/articles?${query}&depth=0`))
      expectPersianRefusal(await reader.get(`/api/articles?${query}&depth=0`))
    }
    expect((await request(server.url).get('/api/articles?limit=100&depth=0')).status).toBe(200)
    expect((await editor.get('/api/articles?limit=500&depth=0')).status).toBe(200)
  })

  it('bounds depth and page, and refuses line breaks in parameters', async () => {
    expectPersianRefusal(await request(server.url).get('/api/articles?depth=6'))
    expect((await request(server.url).get('/api/articles?depth=5&limit=1')).status).toBe(200)
    expectPersianRefusal(await request(server.url).get('/api/articles?page=99999999999999999999'))
    expectPersianRefusal(await request(server.url).get('/api/articles?sort=title%0D%0AX-Injected:%201'))
  })

  it("answers a reader's versions of an unversioned collection with a Persian 404", async () => {
    for (const url of ['/api/tickets/versions', '/api/tickets/versions/1', '/api/globals/site-settings/versions'])
      expectPersianRefusal(await reader.get(url), 404)
  })
})
