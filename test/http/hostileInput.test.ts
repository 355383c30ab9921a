/**
 * Hostile input: every public endpoint and every create/update route gets a generated corpus of
 * malformed, oversized, mistyped and booby-trapped requests. Each one must be refused with a 4xx
 * and a Persian message (or accepted and stored harmlessly), never a 5xx, and a refused request
 * must leave no record and no file behind.
 */
import fs from 'node:fs'
import path from 'node:path'

import request from 'supertest'

import { paragraphsToLexical as lexical } from '../../src/seed/lexical'
import { type Agent, createStaff, PASSWORD, signIn, signInAsAdmin, SITE_ORIGIN, uniqueEmail } from '../helpers/accounts'
import { newAddress, postAsGuest } from '../helpers/comments'
import { createArticle, newsPath } from '../helpers/content'
import { type RunningServer, startServer } from '../helpers/server'
import { fileTicket, PNG, pdf, signedInReader, storedTicketFiles, ticketData } from '../helpers/tickets'

type Role = 'anonymous' | 'reader' | 'editor' | 'support' | 'admin'
type Answer = { status: number; body: any; text: string; headers: Record<string, string> }
type JsonRoute = {
  name: string
  role: Role
  method: 'post' | 'patch'
  path: () => string
  /** A body the route accepts; the corpus bends it. */
  valid: () => Record<string, unknown>
  /** Collections that gain this many records per accepted request (and none per refused one). */
  records: Record<string, number>
  /** Text fields a person reads back (names, subjects, bodies). */
  texts: string[]
}

let server: RunningServer
const agents = {} as Record<Role, Agent>
let articleId: number
let department: number
let ticketId: number
let ticketToRate: number
let commentId: number
let readerId: number | string
/** The site settings as they were: the corpus writes to them, and other test files share the database. */
let settingsBefore: Record<string, unknown>

const PERSIAN = /[\u0600-\u06FF]/
const MEDIA_DIR = path.resolve(process.env.MEDIA_DIR || 'media')
const mediaFiles = () => (fs.existsSync(MEDIA_DIR) ? fs.readdirSync(MEDIA_DIR).sort() : [])
const unique = () => Math.random().toString(36).slice(2, 8)

beforeAll(async () => {
  server = await startServer({
    COMMENT_RATE_LIMIT_PER_MINUTE: '100000',
    READER_SIGNUP_RATE_LIMIT_PER_HOUR: '100000',
    TICKET_RATE_LIMIT_PER_HOUR: '100000',
    LOGIN_MAX_ATTEMPTS: '1000',
  })
  agents.anonymous = request.agent(server.url).set('Origin', SITE_ORIGIN)
  agents.admin = await signInAsAdmin(server.url)
  agents.editor = await signIn(
    server.url,
    'users',
    (await createStaff(agents.admin, 'editor', 'دبیر آزمون ورودی')).email,
  )
  agents.support = await signIn(
    server.url,
    'users',
    (await createStaff(agents.admin, 'support', 'پشتیبان آزمون ورودی')).email,
  )
  const reader = await signedInReader(server.url, 'خواننده آزمون ورودی')
  agents.reader = reader.agent
  readerId = reader.reader.id
  articleId = (await createArticle(agents.editor, { title: `خبر آزمون ورودی ${unique()}` })).id
  const dept = await agents.admin
    .post('/api/departments')
    .send({ title: `واحد آزمون ورودی ${unique()}`, email: `dept-${unique()}@sarkhat.test`, active: true })
  department = dept.body.doc.id
  ticketId = (await fileTicket(agents.reader, department)).id
  ticketToRate = (await fileTicket(agents.reader, department)).id
  const settings = (await agents.admin.get('/api/globals/site-settings?depth=0')).body
  settingsBefore = { tagline: settings.tagline ?? null, intro: settings.intro ?? null, comments: settings.comments }
  await agents.admin
    .post('/api/globals/site-settings')
    .send({ comments: { allowGuests: true, autoApproveReturning: false, blocklist: '' } })
  commentId = (
    await postAsGuest(server.url, {
      article: articleId,
      guestName: 'مهمان نخست',
      guestEmail: 'first@sarkhat.test',
      body: 'نظر نخست',
    })
  ).body.doc.id
}, 120_000)
afterAll(async () => {
  if (settingsBefore) await agents.admin.post('/api/globals/site-settings').send(settingsBefore)
  await server?.stop()
})

// ---------------------------------------------------------------------------------------------
// The routes a visitor, a reader or an editor can write to.

const ROUTES: JsonRoute[] = [
  {
    name: 'guest comment',
    role: 'anonymous',
    method: 'post',
    path: () => '/api/comments?depth=0',
    valid: () => ({
      article: articleId,
      guestName: 'مهمان آزمون',
      guestEmail: `${unique()}@sarkhat.test`,
      body: `نظر آزمون ${unique()}`,
    }),
    records: { comments: 1 },
    texts: ['guestName', 'body'],
  },
  {
    name: 'reader registration',
    role: 'anonymous',
    method: 'post',
    path: () => '/api/readers',
    valid: () => ({ email: uniqueEmail('hostile'), password: PASSWORD, name: 'خواننده تازه' }),
    records: { readers: 1 },
    texts: ['name'],
  },
  {
    name: 'reader login',
    role: 'anonymous',
    method: 'post',
    path: () => '/api/readers/login',
    valid: () => ({ email: 'nobody@sarkhat.test', password: PASSWORD }),
    records: {},
    texts: [],
  },
  {
    name: 'staff login',
    role: 'anonymous',
    method: 'post',
    path: () => '/api/users/login',
    valid: () => ({ email: 'nobody@sarkhat.test', password: PASSWORD }),
    records: {},
    texts: [],
  },
  {
    name: 'forgot password',
    role: 'anonymous',
    method: 'post',
    path: () => '/api/readers/forgot-password',
    valid: () => ({ email: 'nobody@sarkhat.test' }),
    records: {},
    texts: [],
  },
  {
    name: 'change password',
    role: 'reader',
    method: 'post',
    path: () => '/api/readers/change-password',
    // A wrong current password: the corpus must never change the reader's password.
    valid: () => ({ currentPassword: 'not-the-password', newPassword: 'Gozarvazhe-Taze-1405' }),
    records: {},
    texts: [],
  },
  {
    name: 'reader profile',
    role: 'reader',
    method: 'patch',
    path: () => `/api/readers/${readerId}?depth=0`,
    valid: () => ({ name: 'خواننده آزمون ورودی' }),
    records: {},
    texts: ['name'],
  },
  {
    name: 'ticket',
    role: 'reader',
    method: 'post',
    path: () => '/api/tickets?depth=0',
    valid: () => ticketData(department),
    records: { tickets: 1, 'ticket-messages': 1 },
    texts: ['subject', 'message'],
  },
  {
    name: 'ticket reply',
    role: 'reader',
    method: 'post',
    path: () => '/api/ticket-messages?depth=0',
    valid: () => ({ ticket: ticketId, body: `پاسخ خواننده ${unique()}` }),
    records: { 'ticket-messages': 1 },
    texts: ['body'],
  },
  {
    name: 'view beacon',
    role: 'anonymous',
    method: 'post',
    path: () => `/api/articles/${articleId}/view`,
    valid: () => ({}),
    records: {},
    texts: [],
  },
  {
    name: 'article',
    role: 'editor',
    method: 'post',
    path: () => '/api/articles?depth=0',
    valid: () => ({ title: `خبر تازه ${unique()}`, body: lexical(['متن خبر.']), _status: 'published' }),
    records: { articles: 1 },
    texts: ['title'],
  },
  {
    name: 'article edit',
    role: 'editor',
    method: 'patch',
    path: () => `/api/articles/${articleId}?depth=0`,
    valid: () => ({ title: `خبر ویرایش‌شده ${unique()}` }),
    records: { articles: 0 },
    texts: ['title'],
  },
  {
    name: 'reset password',
    role: 'anonymous',
    method: 'post',
    path: () => '/api/readers/reset-password',
    valid: () => ({ token: 'not-a-real-token', password: 'Gozarvazhe-Taze-1405' }),
    records: {},
    texts: [],
  },
  {
    name: 'ticket closed and rated',
    role: 'reader',
    method: 'patch',
    path: () => `/api/tickets/${ticketToRate}?depth=0`,
    valid: () => ({ status: 'closed', rating: 4, ratingComment: 'پاسخ خوبی بود' }),
    records: { tickets: 0 },
    texts: ['ratingComment'],
  },
  {
    name: 'ticket worked by support',
    role: 'support',
    method: 'patch',
    path: () => `/api/tickets/${ticketId}?depth=0`,
    valid: () => ({ priority: 'high', status: 'in_progress' }),
    records: { tickets: 0 },
    texts: [],
  },
  {
    name: 'canned response',
    role: 'support',
    method: 'post',
    path: () => '/api/canned-responses?depth=0',
    valid: () => ({ title: `پاسخ آماده ${unique()}`, body: 'متن پاسخ آماده' }),
    records: { 'canned-responses': 1 },
    texts: ['title', 'body'],
  },
  {
    name: 'comment moderation',
    role: 'editor',
    method: 'patch',
    path: () => `/api/comments/${commentId}?depth=0`,
    valid: () => ({ status: 'approved' }),
    records: { comments: 0 },
    texts: [],
  },
  {
    name: 'article scheduling',
    role: 'editor',
    method: 'post',
    path: () => `/api/articles/${articleId}/schedule`,
    valid: () => ({ type: 'unpublish', at: new Date(Date.now() + 365 * 86_400_000).toISOString() }),
    records: {},
    texts: [],
  },
  {
    name: 'page',
    role: 'editor',
    method: 'post',
    path: () => '/api/pages?depth=0&draft=true',
    valid: () => ({ title: `صفحه تازه ${unique()}`, _status: 'draft' }),
    records: { pages: 1 },
    texts: ['title'],
  },
  {
    name: 'category',
    role: 'editor',
    method: 'post',
    path: () => '/api/categories?depth=0',
    valid: () => ({ title: `دسته ${unique()}` }),
    records: { categories: 1 },
    texts: ['title'],
  },
  {
    name: 'tag',
    role: 'editor',
    method: 'post',
    path: () => '/api/tags?depth=0',
    valid: () => ({ title: `برچسب ${unique()}` }),
    records: { tags: 1 },
    texts: ['title'],
  },
  {
    name: 'department',
    role: 'admin',
    method: 'post',
    path: () => '/api/departments?depth=0',
    valid: () => ({ title: `واحد ${unique()}`, email: `d-${unique()}@sarkhat.test`, active: false }),
    records: { departments: 1 },
    texts: ['title'],
  },
  {
    name: 'staff account',
    role: 'admin',
    method: 'post',
    path: () => '/api/users?depth=0',
    valid: () => ({ email: uniqueEmail('staff'), password: PASSWORD, name: 'کارمند تازه', roles: ['editor'] }),
    records: { users: 1 },
    texts: ['name'],
  },
  {
    name: 'site settings',
    role: 'admin',
    method: 'post',
    path: () => '/api/globals/site-settings',
    valid: () => ({ tagline: 'پایگاه اطلاع‌رسانی', intro: 'معرفی کوتاه' }),
    records: {},
    texts: ['tagline', 'intro'],
  },
  {
    name: 'GraphQL',
    role: 'anonymous',
    method: 'post',
    path: () => '/api/graphql',
    valid: () => ({ query: '{ Articles(limit: 1) { docs { id } } }' }),
    records: {},
    texts: [],
  },
]

// ---------------------------------------------------------------------------------------------
// The corpus: raw bodies built from a route's valid body.

type Case = { label: string; body: (route: JsonRoute) => string; contentType?: string }

const json = (value: unknown) => JSON.stringify(value)
const withField = (route: JsonRoute, field: string, value: unknown) => json({ ...route.valid(), [field]: value })
const fieldsOf = (route: JsonRoute) => Object.keys(route.valid())

/** Control characters that reorder or hide text: RLO/LRO/PDF, isolates, zero-width space, BOM. */
const CONTROLS = '\u202e\u202d\u202a\u202b\u202c\u2066\u2067\u2068\u2069\u200b\u2060\ufeff\u0000\u0007'
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f]/

function corpus(route: JsonRoute): Case[] {
  const cases: Case[] = [
    { label: 'malformed JSON', body: () => '{"a": [1, 2' },
    { label: 'JSON null', body: () => 'null' },
    { label: 'JSON array', body: () => '[1, 2, 3]' },
    { label: 'JSON string', body: () => '"سلام"' },
    { label: 'JSON number', body: () => '42' },
    { label: 'JSON as text/plain', body: (r) => json(r.valid()), contentType: 'text/plain' },
    { label: 'form-encoded', body: () => 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    {
      label: '__proto__ key',
      body: (r) =>
        `{"__proto__": {"roles": ["admin"], "status": "approved", "_verified": true}, ${json(r.valid()).slice(1)}`,
    },
    {
      label: 'constructor.prototype key',
      body: (r) => json({ constructor: { prototype: { roles: ['admin'] } }, ...r.valid() }),
    },
    {
      label: 'deeply nested value',
      body: (r) =>
        `${json(r.valid()).slice(0, -1)}${fieldsOf(r).length ? ',' : ''}"nested": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
    },
    {
      label: 'huge array',
      body: (r) =>
        withField(
          r,
          fieldsOf(r)[0] ?? 'x',
          Array.from({ length: 100_000 }, (_, i) => i),
        ),
    },
  ]
  for (const field of fieldsOf(route)) {
    for (const [kind, value] of [
      ['object', { $ne: null }],
      ['array', ['a', 'b']],
      ['number', 12345],
      ['boolean', true],
      ['null', null],
      ['empty string', ''],
    ] as const)
      cases.push({ label: `${field} as ${kind}`, body: (r) => withField(r, field, value) })
    cases.push({ label: `${field} 200 KB long`, body: (r) => withField(r, field, 'ب'.repeat(100_000)) })
  }
  for (const field of route.texts)
    cases.push({
      label: `${field} with bidi and zero-width controls`,
      body: (r) => withField(r, field, `${CONTROLS}متن${CONTROLS} آزمون\u200cها`),
    })
  return cases
}

async function count(collection: string): Promise<number> {
  const res = await agents.admin.get(`/api/${collection}/count`)
  if (res.status !== 200) throw new Error(`count of ${collection}: ${res.status} ${res.text}`)
  return res.body.totalDocs
}

async function send(
  role: Role,
  method: 'post' | 'patch',
  url: string,
  body: string | Buffer,
  contentType = 'application/json',
): Promise<Answer> {
  const res = await agents[role][method](url)
    .set('Content-Type', contentType)
    .set('X-Forwarded-For', newAddress())
    .send(body)
  return { status: res.status, body: res.body, text: res.text, headers: res.headers as Record<string, string> }
}

/** A refusal a person can read: 4xx, JSON, a Persian message. */
function expectPersianRefusal(answer: Answer, what: string) {
  if (answer.status < 400 || answer.status >= 500)
    throw new Error(`${what}: expected 4xx, got ${answer.status} ${answer.text.slice(0, 300)}`)
  const messages = (answer.body?.errors ?? []).map((e: { message?: string }) => e.message ?? '')
  if (!messages.length || !messages.every((m: string) => PERSIAN.test(m)))
    throw new Error(`${what}: message not Persian: ${answer.text.slice(0, 300)}`)
}

function expectHarmless(answer: Answer, what: string) {
  if (answer.status >= 500) throw new Error(`${what}: ${answer.status} ${answer.text.slice(0, 300)}`)
  if (answer.status >= 400) expectPersianRefusal(answer, what)
}

describe.each(ROUTES)('$name ($method, as $role)', (route) => {
  it.each(corpus(route).map((c) => [c.label, c] as const))(
    '%s: refused in Persian or stored harmlessly, nothing partial',
    async (_label, kase) => {
      const collections = Object.keys(route.records)
      const before = await Promise.all(collections.map(count))
      const files = [mediaFiles(), storedTicketFiles()]
      const answer = await send(route.role, route.method, route.path(), kase.body(route), kase.contentType)
      expectHarmless(answer, `${route.name} / ${kase.label}`)

      const accepted = answer.status < 300 && route.name !== 'GraphQL'
      const after = await Promise.all(collections.map(count))
      collections.forEach((c, i) =>
        expect({ [c]: after[i]! - before[i]! }).toEqual({ [c]: accepted ? route.records[c] : 0 }),
      )
      expect([mediaFiles(), storedTicketFiles()]).toEqual(files)

      const stored = answer.body?.doc ?? answer.body?.result
      if (accepted && stored) {
        // Stored harmlessly: no text a person reads back hides or reorders characters, and
        // nothing injected through __proto__ or constructor took effect.
        for (const field of route.texts) {
          const value = stored[field]
          if (typeof value === 'string') expect({ field, hidden: HIDDEN.test(value) }).toEqual({ field, hidden: false })
        }
        expect(stored.roles ?? []).not.toContain('admin')
        if (route.name === 'guest comment') expect(stored.status).not.toBe('approved')
      }
    },
  )
})

describe('bodies larger than any form sends', () => {
  it.each(ROUTES.map((r) => [r.name, r] as const))(
    '%s: a 12 MB JSON body is refused with 413 before it is read',
    async (_name, route) => {
      const answer = await send(
        route.role,
        route.method,
        route.path(),
        json({ ...route.valid(), padding: 'x'.repeat(12 * 1024 * 1024) }),
      )
      expect(answer.status).toBe(413)
      expectPersianRefusal(answer, route.name)
    },
  )
})

describe('text a person reads back', () => {
  it('keeps the ZWNJ of Persian words but drops bidi overrides and zero-width spaces from names, subjects and bodies', async () => {
    const res = await postAsGuest(server.url, {
      article: articleId,
      guestName: 'علی\u202e رضایی\u200b',
      guestEmail: 'ali@sarkhat.test',
      body: 'کتاب\u200cها\u2066 را\u2069 خواندم\ufeff',
    })
    expect(res.status).toBe(201)
    const comment = await agents.admin.get(`/api/comments/${res.body.doc.id}?depth=0`)
    expect(comment.body.guestName).toBe('علی رضایی')
    expect(comment.body.body).toBe('کتاب\u200cها را خواندم')
    const ticket = await fileTicket(agents.reader, department, { subject: '\u202eشکایت از\u200b واحد\u200cها' })
    expect(ticket.subject).toBe('شکایت از واحد\u200cها')
  })

  it('renders markup in a comment as text on the article page', async () => {
    const res = await postAsGuest(server.url, {
      article: articleId,
      guestName: '<img src=x onerror=alert(1)>',
      guestEmail: 'x@sarkhat.test',
      body: '<script>alert("xss")</script> متن',
    })
    expect(res.status).toBe(201)
    expect((await agents.admin.patch(`/api/comments/${res.body.doc.id}`).send({ status: 'approved' })).status).toBe(200)
    const article = await agents.admin.get(`/api/articles/${articleId}?depth=0`)
    const page = await request(server.url).get(newsPath(article.body.slug))
    expect(page.status).toBe(200)
    expect(page.text).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;')
    expect(page.text).not.toContain('<script>alert("xss")')
    expect(page.text).not.toContain('<img src=x onerror')
  })
})

// ---------------------------------------------------------------------------------------------
// Uploads: names that climb out of the folder or hide their type, content that lies about it.

/** `accept`: false for content that lies (always refused); 'renamed' for names only, refused or stored under a safe name. */
type UploadCase = { label: string; name: string; content: Buffer; contentType: string; accept: false | 'renamed' }
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
const HTML = Buffer.from('<!doctype html><script>alert(1)</script>')

const UPLOADS: UploadCase[] = [
  {
    label: 'path traversal in the name',
    name: '../../../etc/passwd.png',
    content: PNG,
    contentType: 'image/png',
    accept: 'renamed',
  },
  {
    label: 'Windows traversal in the name',
    name: '..\\..\\evil.png',
    content: PNG,
    contentType: 'image/png',
    accept: 'renamed',
  },
  {
    label: 'double extension, script last',
    name: 'photo.png.php',
    content: PNG,
    contentType: 'image/png',
    accept: 'renamed',
  },
  {
    label: 'double extension, image last',
    name: 'shell.php.png',
    content: PNG,
    contentType: 'image/png',
    accept: 'renamed',
  },
  {
    label: 'text claiming to be a PNG',
    name: 'note.png',
    content: Buffer.from('just text, not an image'),
    contentType: 'image/png',
    accept: false,
  },
  { label: 'HTML claiming to be a PNG', name: 'page.png', content: HTML, contentType: 'image/png', accept: false },
  { label: 'SVG with script', name: 'logo.svg', content: SVG, contentType: 'image/svg+xml', accept: false },
  { label: 'SVG with script named .png', name: 'logo.png', content: SVG, contentType: 'image/png', accept: false },
  { label: 'HTML page', name: 'index.html', content: HTML, contentType: 'text/html', accept: false },
  { label: 'PDF named as an image', name: 'scan.png', content: pdf(), contentType: 'image/png', accept: false },
  { label: 'RLO in the name', name: 'عکس\u202egnp.exe', content: PNG, contentType: 'image/png', accept: 'renamed' },
  { label: 'empty file', name: 'empty.png', content: Buffer.alloc(0), contentType: 'image/png', accept: false },
]

const UPLOAD_ROUTES = [
  {
    name: 'media (editor)',
    role: 'editor' as Role,
    collection: 'media',
    payload: { alt: 'تصویر آزمون' },
    files: mediaFiles,
  },
  {
    name: 'ticket attachment (reader)',
    role: 'reader' as Role,
    collection: 'ticket-attachments',
    payload: {},
    files: storedTicketFiles,
  },
]

describe.each(UPLOAD_ROUTES)('upload: $name', (target) => {
  it.each(UPLOADS.map((u) => [u.label, u] as const))('%s', async (_label, kase) => {
    const before = await count(target.collection)
    const files = target.files()
    const res = await agents[target.role]
      .post(`/api/${target.collection}?depth=0`)
      .field('_payload', json(target.payload))
      .attach('file', kase.content, { filename: kase.name, contentType: kase.contentType })
    const answer = {
      status: res.status,
      body: res.body,
      text: res.text,
      headers: res.headers as Record<string, string>,
    }
    if (!kase.accept || answer.status >= 400) {
      expectPersianRefusal(answer, `${target.name} / ${kase.label}`)
      expect(await count(target.collection)).toBe(before)
      expect(target.files()).toEqual(files)
      return
    }
    expect(answer.status).toBe(201)
    const stored: string = answer.body.doc.filename
    // Whatever the name claimed, the file lands inside its folder, under a name with no controls
    // and one extension: the one its content proves.
    expect(stored).toMatch(/^[\p{L}\p{N}_\u200c-]+\.png$/u)
    const added = target.files().filter((f) => !files.includes(f))
    expect(added).toContain(stored)
    const served = await agents[target.role].get(answer.body.doc.url.replace(/^https?:\/\/[^/]+/, ''))
    expect(served.status).toBe(200)
    expect(served.headers['content-type']).toBe('image/png')
    expect(served.headers['x-content-type-options']).toBe('nosniff')
  })
})

// ---------------------------------------------------------------------------------------------
// Reads: queries, ids and paths no page links to.

const manyOrs = (n: number) => Array.from({ length: n }, (_, i) => `where[or][${i}][title][equals]=x${i}`).join('&')
const deepWhere = (depth: number) => `${'[or][0]'.repeat(depth)}[title][equals]=x`
const READS: [string, string][] = [
  ['nested where, 30 levels', `/api/articles?where${deepWhere(30)}`],
  ['nested where, 300 levels', `/api/articles?where${deepWhere(300)}`],
  ['where on an unknown field', '/api/articles?where[nope][equals]=1'],
  ['where with an unknown operator', '/api/articles?where[title][hack]=1'],
  ['where through __proto__', '/api/articles?where[__proto__][equals]=1'],
  ['where through constructor', '/api/articles?where[constructor][prototype][equals]=1'],
  ["where on a relation's hidden field", '/api/comments?where[article.author.email][like]=a'],
  ["where on a staff member's sessions", '/api/articles?where[author.sessions.id][like]=-'],
  ["sort by a staff member's session expiry", '/api/articles?sort=-author.sessions.expiresAt'],
  ['where on a password hash', '/api/readers?where[hash][exists]=true'],
  ['exit-preview to a backslash host', '/next/exit-preview?to=/%5Cevil.example'],
  ['exit-preview to a tab-hidden host', '/next/exit-preview?to=/%09/evil.example'],
  ['exit-preview with a header in it', '/next/exit-preview?to=/%0d%0aSet-Cookie:%20x=1'],
  ['login with a header in next', '/account/login?next=/%0d%0aSet-Cookie:%20x=1'],
  ['login with next as an array', '/account/login?next=/a&next=//evil.example'],
  ['email confirmation with a made-up token', '/account/confirm-email?token=%27%20OR%201=1--'],
  ['where with an array of operators', '/api/articles?where[title][equals][]=a&where[title][equals][]=b'],
  ['where in with 5,000 values', `/api/articles?where[id][in]=${Array.from({ length: 5000 }, (_, i) => i).join(',')}`],
  ['negative limit', '/api/articles?limit=-5'],
  ['limit that is not a number', '/api/articles?limit=بسیار'],
  ['page zero', '/api/articles?page=0'],
  ['page that is not a number', '/api/articles?page=abc'],
  ['huge depth', '/api/articles?depth=1000'],
  ['sort by __proto__', '/api/articles?sort=__proto__'],
  ['sort by an unknown field', '/api/articles?sort=-nope'],
  ['id that is not a number', '/api/articles/abc'],
  ['id far beyond any integer', '/api/articles/99999999999999999999999'],
  ['id with SQL in it', '/api/articles/1%20OR%201=1'],
  ['ticket by a made-up code', '/api/tickets?where[code][equals]=%27%20OR%201=1--'],
  ['search with controls', `/api/search?q=${encodeURIComponent('\u202eدهیاری\u0000')}`],
  ['search 2,000 characters long', `/api/search?q=${encodeURIComponent('ب'.repeat(2000))}`],
  ['search as an array', '/api/search?q[]=a&q[]=b'],
  ['search page with controls', `/search?q=${encodeURIComponent('\u202eدهیاری\u0000')}`],
  ['search page as an array', '/search?q[]=a&q[]=b'],
  ['news page with a broken escape', '/news/%E0%A4%A'],
  ['news page climbing out', '/news/..%2F..%2F..%2Fetc%2Fpasswd'],
  ['news page by a huge number', '/news/page/99999999999999999999'],
  ['category page zero', '/category/x/page/0'],
  ['media file climbing out', '/api/media/file/..%2F..%2Fpayload.config.ts'],
  ['media file that does not exist', '/api/media/file/missing-file.png'],
  ['attachment climbing out', '/api/ticket-attachments/file/..%2F..%2F..%2Fpackage.json'],
  ['GraphQL over GET, malformed', '/api/graphql?query=%7B'],
  // Security round 2: queries that cost too much, or reach a database error.
  ['where with 1,001 OR conditions', `/api/articles?${manyOrs(1001)}`],
  ['limit of a million', '/api/articles?limit=1000000'],
  ['limit zero (every document)', '/api/articles?limit=0'],
  ['no pagination (every document)', '/api/articles?pagination=false'],
  ['page beyond any integer', '/api/articles?page=99999999999999999999'],
  ['page of a million', '/api/articles?page=1000000'],
  ['depth of six', '/api/articles?depth=6'],
  ['CR/LF in a sort', '/api/articles?sort=title%0D%0ASet-Cookie:%20a=1'],
  ['CR/LF in a where value', '/api/articles?where[title][equals]=a%0Ab'],
  ['CR/LF in the search box', `/api/search?q=${encodeURIComponent('دهیاری\r\nX: 1')}`],
  ['CR/LF in a page query', '/search?q=a%0D%0Ab'],
  ['where on rich text', '/api/articles?where[body][equals]=x'],
  ['where on a password', '/api/readers?where[password][equals]=x'],
  ['where on a hash', '/api/users?where[hash][exists]=true'],
  ['where on image sizes', '/api/media?where[sizes][equals]=x'],
  ['where through a relation to a missing field', '/api/articles?where[category.nope][equals]=x'],
  ['sort by a relation', '/api/articles?sort=category.title'],
  ['sort by rich text', '/api/articles?sort=body'],
]

describe('reads no page links to', () => {
  it.each(READS)('%s: answers without a server error and reveals no file', async (_label, url) => {
    const res = await request(server.url)
      .get(url)
      .set('Accept', url.startsWith('/api') ? 'application/json' : 'text/html')
    const answer = {
      status: res.status,
      body: res.body,
      text: res.text,
      headers: res.headers as Record<string, string>,
    }
    if (res.status >= 500) throw new Error(`${url}: ${res.status} ${res.text.slice(0, 300)}`)
    expect(res.text).not.toMatch(/"name":\s*"sarkhat"|buildConfig|root:x:0:0/)
    if (res.status >= 400 && url.startsWith('/api')) expectPersianRefusal(answer, url)
    if (res.status >= 400 && !url.startsWith('/api')) expect(res.text).toMatch(PERSIAN)
  })

  it('answers a request with a malformed Host header with 400, in Persian', async () => {
    const { port } = new URL(server.url)
    const net = await import('node:net')
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () =>
        socket.write('GET /api/articles HTTP/1.1\r\nHost: [bad host\r\nConnection: close\r\n\r\n'),
      )
      let data = ''
      socket.on('data', (chunk) => (data += chunk))
      socket.on('end', () => resolve(data))
      socket.on('error', reject)
    })
    expect(text).toMatch(/^HTTP\/1\.1 400/)
    expect(text).toMatch(PERSIAN)
  })
})

// Security round 2: every collection and global, read by a visitor and by a reader, through the
// routes Payload serves for any of them (versions on an unversioned one answered 500).
const COLLECTIONS = [
  'articles',
  'pages',
  'categories',
  'tags',
  'media',
  'comments',
  'tickets',
  'ticket-messages',
  'ticket-attachments',
  'departments',
  'canned-responses',
  'ticket-counters',
  'users',
  'readers',
]
const GLOBALS = ['site-settings', 'navigation']
const EVERY_COLLECTION_READ = (slug: string): [string, string][] => [
  ['versions', `/api/${slug}/versions`],
  ['one version', `/api/${slug}/versions/1`],
  ['version count', `/api/${slug}/versions/count`],
  ['drafts', `/api/${slug}?draft=true&depth=0`],
  ['unknown sort', `/api/${slug}?sort=-nope`],
  ['where on an unknown field', `/api/${slug}?where[nope][equals]=1`],
  ['where on id with a word', `/api/${slug}?where[id][equals]=abc`],
  ['where on id greater than text', `/api/${slug}?where[id][greater_than]=abc`],
  ['where on createdAt with a word', `/api/${slug}?where[createdAt][greater_than]=yesterday`],
  ['where updatedAt exists as a word', `/api/${slug}?where[updatedAt][exists]=maybe`],
  ['huge page', `/api/${slug}?page=99999999999`],
  ['page 10,000', `/api/${slug}?page=10000`],
  ['1,001 OR conditions', `/api/${slug}?${manyOrs(1001)}`],
  ['count with 1,001 OR conditions', `/api/${slug}/count?${manyOrs(1001)}`],
  ['CR/LF in a parameter', `/api/${slug}?sort=id%0D%0AX:1`],
]
const EVERY_GLOBAL_READ = (slug: string): [string, string][] => [
  ['versions', `/api/globals/${slug}/versions`],
  ['one version', `/api/globals/${slug}/versions/1`],
  ['drafts', `/api/globals/${slug}?draft=true`],
  ['depth of a thousand', `/api/globals/${slug}?depth=1000`],
  ['CR/LF in a parameter', `/api/globals/${slug}?locale=fa%0D%0AX:1`],
]
const EVERY_READ = [
  ...COLLECTIONS.flatMap((slug) => EVERY_COLLECTION_READ(slug).map(([label, url]) => [`${slug}: ${label}`, url])),
  ...GLOBALS.flatMap((slug) => EVERY_GLOBAL_READ(slug).map(([label, url]) => [`globals/${slug}: ${label}`, url])),
] as [string, string][]

describe.each(['anonymous', 'reader'] as const)('every collection and global, as %s', (role) => {
  it.each(EVERY_READ)('%s: a 2xx or a Persian 4xx, never a 5xx', async (_label, url) => {
    const res = await (role === 'anonymous' ? request(server.url).get(url) : agents.reader.get(url)).set(
      'Accept',
      'application/json',
    )
    const answer = {
      status: res.status,
      body: res.body,
      text: res.text,
      headers: res.headers as Record<string, string>,
    }
    const unversioned = url.includes('/versions') && !/^\/api\/(articles|pages)\//.test(url)
    if (res.status >= 400 || unversioned || url.includes('%0D')) expectPersianRefusal(answer, url)
  })

  it('versions of an unversioned collection are not found, of a drafted one allowed to staff only', async () => {
    const agent = role === 'anonymous' ? request(server.url) : agents.reader
    const tickets = await agent.get('/api/tickets/versions')
    expect(tickets.status).toBe(404)
    expect(tickets.body.errors[0].message).toBe('مورد خواسته‌شده پیدا نشد.')
    expect((await agent.get('/api/globals/navigation/versions')).status).toBe(404)
    expect((await agents.editor.get('/api/articles/versions?limit=1')).status).toBe(200)
  })
})

describe('GraphQL', () => {
  it.each([
    ['a syntax error', '{ Articles(limit: '],
    ['an unknown field', '{ Articles { docs { nope } } }'],
    ['a collection the caller may not read', '{ Readers { docs { email } } }'],
    ['300 aliases', `{${Array.from({ length: 300 }, (_, i) => `a${i}:Articles(limit:100){totalDocs}`).join(' ')}}`],
    ['a list of a thousand', '{ Articles(limit: 1000) { docs { id } } }'],
    ['a list without pagination', '{ Articles(pagination: false) { docs { id } } }'],
    [
      'nested lists of 100',
      '{ Categories(limit: 100) { docs { id } } a: Articles(limit: 100) { docs { id } } b: Articles(limit: 100) { docs { id } } c: Tags(limit: 100) { docs { id } } d: Articles(limit: 100, page: 2) { docs { id } } e: Articles(limit: 100, page: 3) { docs { id } } f: Articles(limit: 100, page: 4) { docs { id } } g: Articles(limit: 100, page: 5) { docs { id } } h: Articles(limit: 100, page: 6) { docs { id } } i: Articles(limit: 100, page: 7) { docs { id } } j: Articles(limit: 100, page: 8) { docs { id } } }',
    ],
    [
      'fragments that spread each other twice',
      `{ ...F0 } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F30 on Query { Articles { totalDocs } }`,
    ],
    [
      'a where of 150 OR conditions in variables',
      'query ($w: Article_where) { Articles(where: $w) { docs { id } } }',
      { w: { OR: Array.from({ length: 150 }, (_, i) => ({ title: { equals: `x${i}` } })) } },
    ],
    [
      'a query nested 40 levels deep',
      `{ Articles { docs { ${'id '.repeat(1)}${'category { '.repeat(40)}id${' }'.repeat(40)} } } }`,
    ],
  ] as [string, string, Record<string, unknown>?][])(
    '%s: answered without a server error, every message in Persian',
    // A rest parameter: Jest takes a parameter beyond a row's length for a `done` callback.
    async (_label, query, ...variables) => {
      const res = await agents.anonymous.post('/api/graphql').send({ query, variables: variables[0] })
      expect(res.status).toBeLessThan(500)
      const messages: string[] = (res.body.errors ?? []).map((e: { message: string }) => e.message)
      expect(messages.length).toBeGreaterThan(0)
      for (const message of messages) expect(message).toMatch(PERSIAN)
    },
  )
})

describe('after the corpus', () => {
  it('the reader still signs in with the old password and is still only a reader', async () => {
    const reader = await agents.admin.get(`/api/readers/${readerId}?depth=0`)
    const again = await signIn(server.url, 'readers', reader.body.email, PASSWORD)
    const me = await again.get('/api/readers/me')
    expect(me.body.user.roles ?? []).not.toContain('admin')
    expect((await again.get('/api/users')).status).toBe(403)
  })

  it('the server is still healthy', async () => {
    expect((await request(server.url).get('/readyz')).status).toBe(200)
  })
})
