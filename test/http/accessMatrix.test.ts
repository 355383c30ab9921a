/**
 * The access matrix (test/access/matrix.ts), asked of a running server over REST and GraphQL:
 * every role lists and opens every collection's fixtures, reads their private fields, tries to
 * learn what it may not read through filters and sorting, and creates, updates and deletes.
 */
import crypto from 'node:crypto'

import request from 'supertest'

import { paragraphsToLexical as lexical } from '../../src/seed/lexical'
import {
  type CollectionRules,
  type FixtureKey,
  type FixtureValues,
  MATRIX,
  type Oracle,
  type Role,
  ROLES,
} from '../access/matrix'
import {
  type Agent,
  createStaff,
  PASSWORD,
  registerReader,
  signIn,
  signInAsAdmin,
  SITE_ORIGIN,
  uniqueEmail,
} from '../helpers/accounts'
import { newAddress, postAsGuest } from '../helpers/comments'
import { createArticle } from '../helpers/content'
import { type RunningServer, startServer } from '../helpers/server'
import { fileTicket, PNG, postMessage, storedTicketFiles, ticketData, uploadOk } from '../helpers/tickets'

type Doc = Record<string, unknown> & { id: number | string }
type Answer = { status: number; body: Record<string, any> }

let server: RunningServer
const agents = {} as Record<Role, Agent>
const ids = {} as Record<FixtureKey, number | string>
/** Every fixture as the admin reads it (depth 0): the true values the other roles must not learn. */
const fx = {} as FixtureValues

const COLLECTIONS = Object.entries(MATRIX) as [string, CollectionRules][]
const unique = () => crypto.randomBytes(3).toString('hex')
const ok = (res: { status: number; body: unknown }, status: number, what: string) => {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`)
  return (res.body as { doc: Doc }).doc
}

// ---------------------------------------------------------------------------------------------
// GraphQL names, as Payload derives them from the slug (its schema is not introspectable in
// production).
const pascal = (slug: string) => slug.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())
const singular = (slug: string) => pascal(slug).replace(/ies$/, 'y').replace(/s$/, '')
const plural = (slug: string) => (singular(slug) === pascal(slug) ? `all${pascal(slug)}` : pascal(slug))

async function graphql(role: Role, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const res = await agents[role].post('/api/graphql').send({ query, variables })
  return { status: res.status, body: res.body }
}

/** How a field is selected in GraphQL: relationships are objects. */
const RELATIONSHIPS = new Set(['reader', 'assignee', 'authorStaff', 'staffAuthor', 'requester'])
const selection = (field: string) => (RELATIONSHIPS.has(field) ? `${field} { id }` : field)

// ---------------------------------------------------------------------------------------------
// Fixtures

async function loadFixture(slug: string, key: FixtureKey) {
  const res = await agents.admin.get(`/api/${slug}/${ids[key]}?depth=0`)
  fx[key] = ok({ ...res, body: { doc: res.body } }, 200, `admin reading ${slug}/${key}`)
}

beforeAll(async () => {
  server = await startServer()
  const url = server.url
  agents.anonymous = request.agent(url).set('Origin', SITE_ORIGIN) as unknown as Agent
  agents.admin = await signInAsAdmin(url)
  const editor = await createStaff(agents.admin, 'editor', 'دبیر ماتریس')
  const support = await createStaff(agents.admin, 'support', 'کارشناس ماتریس')
  agents.editor = await signIn(url, 'users', editor.email)
  agents.support = await signIn(url, 'users', support.email)
  const readerA = await registerReader(url, 'خواننده الف')
  const readerB = await registerReader(url, 'خواننده ب')
  agents.readerA = await signIn(url, 'readers', readerA.email)
  agents.readerB = await signIn(url, 'readers', readerB.email)
  ok(await agents.readerB.patch(`/api/readers/${readerB.id}`).send({ mobile: '09121234567' }), 200, 'reader B mobile')
  const me = ok(
    await agents.admin
      .get('/api/users?where[email][equals]=' + encodeURIComponent(process.env.ADMIN_EMAIL!))
      .then((r) => ({ ...r, body: { doc: r.body.docs?.[0] } })),
    200,
    'admin',
  )
  Object.assign(ids, {
    readerA: readerA.id,
    readerB: readerB.id,
    userAdmin: me.id,
    userEditor: editor.id,
    userSupport: support.id,
  })

  // The published article carries a word only its search index column holds (besides the body).
  const published = await createArticle(agents.admin, {
    title: `خبر ماتریس ${unique()}`,
    body: lexical(['متن خبر درباره زعفران قاینات.']),
  })
  const draft = await createArticle(agents.admin, { title: `پیش‌نویس محرمانه ${unique()}` }, { draft: true })
  Object.assign(ids, { articlePublished: published.id, articleDraft: draft.id })
  ids.pagePublished = ok(
    await agents.admin.post('/api/pages').send({ title: `صفحه ماتریس ${unique()}`, _status: 'published' }),
    201,
    'page',
  ).id
  ids.pageDraft = ok(
    await agents.admin
      .post('/api/pages?draft=true')
      .send({ title: `صفحه پیش‌نویس محرمانه ${unique()}`, _status: 'draft' }),
    201,
    'draft page',
  ).id
  ids.category = ok(
    await agents.admin.post('/api/categories').send({ title: `دسته ماتریس ${unique()}` }),
    201,
    'category',
  ).id
  ids.tag = ok(await agents.admin.post('/api/tags').send({ title: `برچسب ماتریس ${unique()}` }), 201, 'tag').id
  ids.media = ok(await uploadMedia(agents.admin), 201, 'media').id

  const comment = async (res: Promise<{ status: number; body: unknown }>, status?: 'approved' | 'pending') => {
    const doc = ok(await res, 201, 'comment')
    if (status) ok(await agents.admin.patch(`/api/comments/${doc.id}`).send({ status }), 200, 'moderating a comment')
    return doc.id
  }
  const guest = (body: string) =>
    postAsGuest(url, {
      article: published.id,
      guestName: 'مهمان ماتریس',
      guestEmail: `guest-${unique()}@sarkhat.test`,
      body,
    })
  ids.commentGuestApproved = await comment(guest('نظر مهمان پذیرفته'), 'approved')
  ids.commentGuestPending = await comment(guest('نظر مهمان در صف'), 'pending')
  ids.commentReaderAPending = await comment(
    agents.readerA.post('/api/comments?depth=0').send({ article: published.id, body: 'نظر خواننده الف در صف' }),
    'pending',
  )
  ids.commentReaderBApproved = await comment(
    agents.readerB.post('/api/comments?depth=0').send({ article: published.id, body: 'نظر خواننده ب پذیرفته' }),
    'approved',
  )

  ids.department = ok(
    await agents.admin
      .post('/api/departments')
      .send({ title: 'واحد ماتریس', email: `dept-${unique()}@sarkhat.test`, active: true }),
    201,
    'department',
  ).id
  ids.cannedResponse = ok(
    await agents.support
      .post('/api/canned-responses')
      .send({ title: 'پاسخ آماده ماتریس', body: `متن پاسخ آماده ${unique()}` }),
    201,
    'canned',
  ).id

  const ticketA = await fileTicket(agents.readerA, ids.department)
  const ticketB = await fileTicket(agents.readerB, ids.department)
  Object.assign(ids, { ticketA: ticketA.id, ticketB: ticketB.id })
  ok(await agents.support.patch(`/api/tickets/${ticketA.id}`).send({ assignee: support.id }), 200, 'assigning')
  const firstMessage = async (ticket: number | string) =>
    (await agents.support.get(`/api/ticket-messages?where[ticket][equals]=${ticket}&sort=createdAt&depth=0`)).body
      .docs[0].id
  ids.messageA = await firstMessage(ticketA.id)
  ids.messageB = await firstMessage(ticketB.id)
  ids.noteOnA = ok(
    await postMessage(agents.support, ticketA.id, `یادداشت درونی ${unique()}`, { internal: true }),
    201,
    'note',
  ).id
  ids.answerToA = ok(await postMessage(agents.support, ticketA.id, 'پاسخ کارشناس به خواننده الف'), 201, 'answer').id
  ids.fileA = (await uploadOk(agents.readerA, `پیوست-الف-${unique()}.png`, PNG)).id
  ids.fileB = (await uploadOk(agents.readerB, `پیوست-ب-${unique()}.png`, PNG)).id
  // The year's ticket counter: no role reads it, so its id is the first row's.
  ids.counter = 1

  for (const [slug, rules] of COLLECTIONS)
    for (const key of rules.fixtures) if (slug !== 'ticket-counters') await loadFixture(slug, key)
  fx.counter = { id: 1 }
}, 180_000)

afterAll(async () => {
  if (process.env.MATRIX_SERVER_LOG)
    (await import('node:fs')).writeFileSync(process.env.MATRIX_SERVER_LOG, server?.output() ?? '')
  await server?.stop()
})

function uploadMedia(agent: Agent) {
  return agent
    .post('/api/media?depth=0')
    .field('_payload', JSON.stringify({ alt: 'تصویر آزمون ماتریس' }))
    .attach('file', PNG, { filename: `matrix-${unique()}.png`, contentType: 'image/png' })
}

// ---------------------------------------------------------------------------------------------
// Reading

const keyOf = (slug: string, id: unknown) => MATRIX[slug].fixtures.find((key) => String(ids[key]) === String(id))
const idList = (rules: CollectionRules) => rules.fixtures.map((key) => ids[key])

async function restList(role: Role, slug: string, query: string): Promise<Answer> {
  const res = await agents[role].get(`/api/${slug}?depth=0&limit=100&${query}`)
  return { status: res.status, body: res.body }
}

/** The fixture keys a list answer shows; a refusal (403) shows none. */
function listed(slug: string, answer: Answer): FixtureKey[] {
  expect(answer.status).toBeLessThan(500)
  if (answer.status !== 200) return []
  return (answer.body.docs as Doc[])
    .map((doc) => keyOf(slug, doc.id))
    .filter((key): key is FixtureKey => Boolean(key))
    .sort()
}

const inFixtures = (rules: CollectionRules) =>
  rules.fixtures.map((key, i) => `where[id][in][${i}]=${ids[key]}`).join('&')

function expectPrivateFields(slug: string, role: Role, doc: Doc, via: string) {
  const key = keyOf(slug, doc.id)!
  for (const [field, visibility] of Object.entries(MATRIX[slug].fields)) {
    const allowed = (visibility[role] ?? []).includes(key)
    const shown = via === 'graphql' ? doc[field] !== null && doc[field] !== undefined : field in doc
    if (allowed && (fx[key][field] === null || fx[key][field] === undefined)) continue
    expect({ via, role, key, field, shown }).toEqual({ via, role, key, field, shown: allowed })
  }
}

describe.each(COLLECTIONS)('%s: reading', (slug, rules) => {
  test.each([...ROLES])('%s sees exactly its documents and fields (REST list, draft list, by id)', async (role) => {
    const expected = [...(rules.read[role] ?? [])].sort()
    for (const draft of ['', '&draft=true']) {
      const answer = await restList(role, slug, inFixtures(rules) + draft)
      expect({ role, draft, seen: listed(slug, answer) }).toEqual({ role, draft, seen: expected })
      if (answer.status === 200) for (const doc of answer.body.docs) expectPrivateFields(slug, role, doc, 'rest')
    }
    for (const key of rules.fixtures) {
      const res = await agents[role].get(`/api/${slug}/${ids[key]}?depth=0`)
      expect(res.status).toBeLessThan(500)
      expect({ role, key, found: res.status === 200 }).toEqual({ role, key, found: expected.includes(key) })
      if (res.status === 200) expectPrivateFields(slug, role, res.body, 'rest')
    }
  })

  if (rules.graphQL === false) return
  test.each([...ROLES])('%s sees exactly its documents and fields (GraphQL list and by id)', async (role) => {
    const expected = [...(rules.read[role] ?? [])].sort()
    const fields = ['id', ...Object.keys(rules.fields).map(selection)].join(' ')
    const anyOf = idList(rules)
      .map((id) => `{ id: { equals: ${JSON.stringify(id)} } }`)
      .join(' ')
    const list = await graphql(
      role,
      `{ list: ${plural(slug)}(where: { OR: [${anyOf}] }, limit: 100) { docs { ${fields} } } }`,
    )
    expect(list.status).toBeLessThan(500)
    const docs: Doc[] = list.body.data?.list?.docs ?? []
    // A role without any read access is refused outright (Forbidden), others get their documents.
    const errors = (list.body.errors ?? []).map(
      (e: { extensions?: { statusCode?: number } }) => e.extensions?.statusCode,
    )
    expect({ role, seen: docs.map((doc) => keyOf(slug, doc.id)).sort(), errors }).toEqual({
      role,
      seen: expected,
      errors: expected.length ? [] : [403],
    })
    for (const doc of docs) expectPrivateFields(slug, role, doc, 'graphql')
    for (const key of rules.fixtures) {
      const one = await graphql(
        role,
        `query ($id: ${typeof ids[key] === 'number' ? 'Int' : 'String'}!) { one: ${singular(slug)}(id: $id) { id } }`,
        { id: ids[key] },
      )
      expect({ role, key, found: Boolean(one.body.data?.one) }).toEqual({ role, key, found: expected.includes(key) })
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Query oracles: a filter or a sort on a value the caller may not read answers exactly as if the
// value were different.

function mayRead(slug: string, role: Role, oracle: Oracle): boolean {
  const rules = MATRIX[slug]
  if (!(rules.read[role] ?? []).includes(oracle.fixture)) return false
  if (oracle.readableBy) return oracle.readableBy.includes(role)
  const visibility = rules.fields[oracle.path.split('.')[0]]
  return !visibility || (visibility[role] ?? []).includes(oracle.fixture)
}

const qs = (path: string, operator: string, value: unknown) =>
  `where[${path}][${operator}]=${encodeURIComponent(String(value))}`
const likeValue = (value: unknown) => String(value)

async function sameRestAnswer(role: Role, slug: string, a: string, b: string) {
  for (const draft of ['', '&draft=true']) {
    const [first, second] = [await restList(role, slug, a + draft), await restList(role, slug, b + draft)]
    expect(first.status).toBeLessThan(500)
    expect({ role, query: a + draft, status: first.status, seen: listed(slug, first) }).toEqual({
      role,
      query: a + draft,
      status: second.status,
      seen: listed(slug, second),
    })
  }
}

describe.each(COLLECTIONS.filter(([, rules]) => rules.oracles.length))('%s: query oracles', (slug, rules) => {
  test.each([...ROLES])('%s learns nothing by filtering or sorting on what it may not read', async (role) => {
    for (const oracle of rules.oracles.filter((o) => !o.existsOnly && !mayRead(slug, role, o))) {
      const secret = oracle.secret(fx)
      expect(secret).toBeDefined()
      await sameRestAnswer(role, slug, qs(oracle.path, 'equals', secret), qs(oracle.path, 'equals', oracle.decoy))
      if (oracle.like)
        await sameRestAnswer(
          role,
          slug,
          qs(oracle.path, 'like', likeValue(secret)),
          qs(oracle.path, 'like', likeValue(oracle.decoy)),
        )
      if (rules.graphQL !== false && !oracle.path.includes('.')) {
        const ask = (value: unknown, operator: string) =>
          graphql(
            role,
            `query ($v: JSON) { list: ${plural(slug)}(where: { ${oracle.path}: { ${operator}: $v } }, limit: 100) { docs { id } } }`,
            { v: value },
          )
        for (const operator of oracle.like ? ['equals', 'like'] : ['equals']) {
          const value = operator === 'like' ? likeValue(secret) : secret
          const decoy = operator === 'like' ? likeValue(oracle.decoy) : oracle.decoy
          const [a, b] = [await ask(value, operator), await ask(decoy, operator)]
          expect(a.status).toBeLessThan(500)
          const seen = (x: Answer) => (x.body.data?.list?.docs ?? []).map((d: Doc) => String(d.id)).sort()
          expect({ role, path: oracle.path, operator, seen: seen(a) }).toEqual({
            role,
            path: oracle.path,
            operator,
            seen: seen(b),
          })
        }
      }
    }
    // A field it reads on none of the fixtures: neither `exists` nor the sort order may depend on it.
    const hidden = [...new Set(rules.oracles.map((o) => o.path))].filter((path) => {
      const oracle = rules.oracles.find((o) => o.path === path)!
      return !rules.fixtures.some((key) => mayRead(slug, role, { ...oracle, fixture: key }))
    })
    const inIds = inFixtures(rules)
    for (const path of hidden) {
      await sameRestAnswer(
        role,
        slug,
        `${inIds}&${qs(path, 'exists', 'true')}`,
        `${inIds}&${qs(path, 'exists', 'false')}`,
      )
      const order = async (sort: string) => {
        const answer = await restList(role, slug, `${inIds}&sort=${sort}`)
        return answer.status === 200 ? (answer.body.docs as Doc[]).map((d) => String(d.id)) : answer.status
      }
      expect({ role, path, order: await order(path) }).toEqual({ role, path, order: await order(`-${path}`) })
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Writing

/** A valid new document of each collection, as `role` would send it (its own ticket, its own address). */
function newDocument(slug: string, role: Role): Record<string, unknown> {
  const tag = `${role}-${unique()}`
  const ownTicket = role === 'readerB' ? ids.ticketB : ids.ticketA
  const bodies: Record<string, Record<string, unknown>> = {
    articles: { title: `خبر تازه ${tag}`, _status: 'draft' },
    pages: { title: `صفحه تازه ${tag}`, _status: 'draft' },
    categories: { title: `دسته ${tag}` },
    tags: { title: `برچسب ${tag}` },
    comments: {
      article: ids.articlePublished,
      body: `نظر تازه ${tag}`,
      guestName: 'مهمان',
      guestEmail: `c-${tag}@sarkhat.test`,
    },
    departments: { title: `واحد ${tag}`, email: `d-${tag}@sarkhat.test`, active: false },
    'canned-responses': { title: `پاسخ ${tag}`, body: 'متن پاسخ آماده تازه' },
    readers: { email: uniqueEmail('matrix'), password: PASSWORD, name: 'خواننده تازه' },
    users: { email: uniqueEmail('staff'), password: PASSWORD, name: 'کارمند تازه', roles: ['editor'] },
    tickets: ticketData(ids.department),
    'ticket-messages': { ticket: ownTicket, body: `پیام تازه ${tag}` },
    'ticket-counters': { year: 1300, value: 5 },
  }
  return bodies[slug]
}

const UPLOADS = new Set(['media', 'ticket-attachments'])

function restCreate(slug: string, role: Role) {
  if (slug === 'media') return uploadMedia(agents[role])
  if (slug === 'ticket-attachments')
    return agents[role]
      .post('/api/ticket-attachments?depth=0')
      .field('_payload', '{}')
      .attach('file', PNG, { filename: `file-${unique()}.png`, contentType: 'image/png' })
  // Guest comments come from their own address each (the per-address limit stays out of the way).
  return agents[role]
    .post(`/api/${slug}?depth=0${slug === 'articles' || slug === 'pages' ? '&draft=true' : ''}`)
    .set('X-Forwarded-For', newAddress())
    .send(newDocument(slug, role))
}

async function count(slug: string): Promise<number | null> {
  if (slug === 'ticket-counters') return null // nobody reads it
  const res = await agents.admin.get(`/api/${slug}/count`)
  return ok({ ...res, body: { doc: res.body } }, 200, `count of ${slug}`).totalDocs as number
}

/** The number in the next ticket's tracking code, filed by reader A. */
const nextTicketNumber = async () => Number((await fileTicket(agents.readerA, ids.department)).code.split('-')[1])

describe.each(COLLECTIONS)('%s: writing', (slug, rules) => {
  test.each([...ROLES])('%s creates only where the matrix allows (REST and GraphQL)', async (role) => {
    const allowed = rules.create.includes(role)
    const before = await count(slug)
    const res = await restCreate(slug, role)
    expect({ role, status: res.status }).toEqual({ role, status: allowed ? 201 : expect.any(Number) })
    if (!allowed) {
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(JSON.stringify(res.body.errors)).toMatch(/[\u0600-\u06FF]/)
    }
    if (before !== null) expect(await count(slug)).toBe(before + (allowed ? 1 : 0))

    if (rules.graphQL === false || UPLOADS.has(slug) || allowed) return
    const attempt = await graphql(
      role,
      `mutation ($data: mutation${singular(slug)}Input!) { created: create${singular(slug)}(data: $data) { id } }`,
      { data: newDocument(slug, role) },
    )
    expect(attempt.status).toBeLessThan(500)
    expect(attempt.body.data?.created ?? null).toBeNull()
    expect(attempt.body.errors?.length).toBeGreaterThan(0)
    if (before !== null) expect(await count(slug)).toBe(before)
  })

  const update = rules.update
  if (update)
    test.each([...ROLES])('%s updates only where the matrix allows (REST and GraphQL)', async (role) => {
      const key = update.fixture
      const original = fx[key][update.field]
      const outcome = update.outcome[role] ?? 'refused'
      const counterBefore = slug === 'ticket-counters' ? await nextTicketNumber() : 0
      for (const via of ['rest', 'graphql'] as const) {
        if (via === 'graphql' && rules.graphQL === false) continue
        const value = update.value
        let status: number
        if (via === 'rest') {
          status = (await agents[role].patch(`/api/${slug}/${ids[key]}?depth=0`).send({ [update.field]: value })).status
        } else {
          const res = await graphql(
            role,
            `mutation ($id: Int!, $data: mutation${singular(slug)}UpdateInput!) { updated: update${singular(slug)}(id: $id, data: $data) { id } }`,
            {
              id: ids[key],
              data: { [update.field]: value },
            },
          )
          expect(res.status).toBeLessThan(500)
          status = res.body.data?.updated ? 200 : 403
        }
        if (slug === 'ticket-counters') {
          expect(status).toBe(403)
          continue
        }
        const stored = (await agents.admin.get(`/api/${slug}/${ids[key]}?depth=0`)).body[update.field]
        expect({ via, role, status: status < 300 ? 'ok' : status < 500 ? 'refused' : status }).toEqual({
          via,
          role,
          status: outcome === 'refused' ? 'refused' : 'ok',
        })
        expect({ via, role, stored }).toEqual({ via, role, stored: outcome === 'changed' ? value : original })
        // Put it back for the next role.
        if (outcome === 'changed')
          ok(
            await agents.admin.patch(`/api/${slug}/${ids[key]}?depth=0`).send({ [update.field]: original }),
            200,
            'restoring',
          )
      }
      // The counter no one may touch still hands out the next number.
      if (slug === 'ticket-counters') expect(await nextTicketNumber()).toBe(counterBefore + 1)
    })

  test.each([...ROLES])('%s deletes only where the matrix allows (REST and GraphQL)', async (role) => {
    const allowed = rules.delete.includes(role)
    if (!allowed) {
      for (const key of rules.fixtures) {
        const res = await agents[role].delete(`/api/${slug}/${ids[key]}`)
        expect({ role, key, status: res.status >= 400 && res.status < 500 }).toEqual({ role, key, status: true })
        if (rules.graphQL !== false) {
          const gql = await graphql(role, `mutation ($id: Int!) { gone: delete${singular(slug)}(id: $id) { id } }`, {
            id: ids[key],
          })
          expect(gql.status).toBeLessThan(500)
          expect(gql.body.data?.gone ?? null).toBeNull()
        }
        if (slug !== 'ticket-counters')
          expect((await agents.admin.get(`/api/${slug}/${ids[key]}?depth=0`)).status).toBe(200)
      }
      return
    }
    // A document made for the purpose (tickets are filed by readers), deleted over each route.
    for (const via of ['rest', 'graphql'] as const) {
      const creator: Role = slug === 'tickets' ? 'readerA' : 'admin'
      const made = ok(await restCreate(slug, creator), 201, `making a ${slug} to delete`)
      if (via === 'rest') expect((await agents[role].delete(`/api/${slug}/${made.id}`)).status).toBe(200)
      else {
        const gql = await graphql(role, `mutation ($id: Int!) { gone: delete${singular(slug)}(id: $id) { id } }`, {
          id: made.id,
        })
        expect({ role, gone: gql.body.data?.gone?.id }).toEqual({ role, gone: made.id })
      }
      expect((await agents.admin.get(`/api/${slug}/${made.id}?depth=0`)).status).toBe(404)
    }
  })
})

test("an admin's delete of a ticket takes its messages, attachments and their files with it", async () => {
  const ticket = await fileTicket(agents.readerA, ids.department)
  const file = await uploadOk(agents.readerA, 'پیوست-رفتنی.png', PNG)
  ok(
    await postMessage(agents.readerA, ticket.id, 'پیامی با پیوست', { attachments: [file.id] }),
    201,
    'message with a file',
  )
  expect(storedTicketFiles()).toContain(file.filename)

  expect((await agents.admin.delete(`/api/tickets/${ticket.id}`)).status).toBe(200)
  const left = async (slug: string) =>
    (await agents.admin.get(`/api/${slug}/count?where[ticket][equals]=${ticket.id}`)).body.totalDocs
  expect({ messages: await left('ticket-messages'), attachments: await left('ticket-attachments') }).toEqual({
    messages: 0,
    attachments: 0,
  })
  expect(storedTicketFiles()).not.toContain(file.filename)
})
