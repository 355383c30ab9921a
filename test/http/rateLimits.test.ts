import crypto from 'node:crypto'

import request from 'supertest'

import {
  type Agent,
  createStaff,
  PASSWORD,
  signIn,
  signInAsAdmin,
  SITE_ORIGIN,
  uniqueEmail,
  verifyReader,
} from '../helpers/accounts'
import { postAsGuest } from '../helpers/comments'
import { type ArticleDoc, createArticle } from '../helpers/content'
import { type RunningServer, startServer } from '../helpers/server'
import { ticketData } from '../helpers/tickets'

const COMMENT_LIMITED = 'در یک دقیقه بیش از حد مجاز نظر فرستاده‌اید؛ کمی بعد دوباره تلاش کنید.'
const TICKET_LIMITED = 'در یک ساعت بیش از حد مجاز درخواست ثبت کرده‌اید؛ کمی بعد دوباره تلاش کنید.'
const SIGNUP_LIMITED = 'از این نشانی در یک ساعت بیش از حد مجاز حساب ساخته شده است؛ کمی بعد دوباره تلاش کنید.'

let server: RunningServer
let admin: Agent
let news: ArticleDoc
let department: number | string

// Addresses of their own (TEST-NET-3), apart from those of test/helpers/comments.
let lastAddress = crypto.randomInt(0, 100)
const newAddress = () => `203.0.113.${++lastAddress % 250}`

beforeAll(async () => {
  server = await startServer({
    COMMENT_RATE_LIMIT_PER_MINUTE: '5',
    TICKET_RATE_LIMIT_PER_HOUR: '3',
    READER_SIGNUP_RATE_LIMIT_PER_HOUR: '3',
    SMTP_HOST: '',
  })
  admin = await signInAsAdmin(server.url)
  const editor = await signIn(server.url, 'users', (await createStaff(admin, 'editor', 'دبیر محدودیت‌ها')).email)
  news = await createArticle(editor, { title: `خبر محدودیت‌ها ${Date.now()}` })
  const res = await admin.post('/api/departments').send({ title: 'واحد محدودیت‌ها', active: true })
  expect(res.status).toBe(201)
  department = res.body.doc.id
})
afterAll(async () => {
  await server?.stop()
})

const firstError = (res: request.Response) =>
  res.body.errors?.[0]?.data?.errors?.[0]?.message ?? res.body.errors?.[0]?.message
const statuses = (responses: request.Response[]) => responses.map((r) => r.status).sort()
const countOf = (status: number, responses: request.Response[]) => responses.filter((r) => r.status === status).length
const storedComments = async (guestName: string) =>
  (await admin.get('/api/comments').query({ where: { guestName: { equals: guestName } }, limit: 0 })).body.totalDocs

const register = (from: string, email = uniqueEmail('rl')) =>
  request(server.url)
    .post('/api/readers')
    .set('Origin', SITE_ORIGIN)
    .set('X-Forwarded-For', from)
    .send({ email, password: PASSWORD, name: 'خواننده محدودیت' })

/** A verified reader, registered from an address of its own, and an agent signed in as them. */
async function reader(): Promise<Agent> {
  const res = await register(newAddress())
  expect(res.status).toBe(201)
  await verifyReader(server.url, res.body.doc.id)
  return signIn(server.url, 'readers', res.body.doc.email)
}

describe('comments', () => {
  it('of 20 sent at once from one address, stores exactly the limit and refuses the rest in Persian', async () => {
    const address = newAddress()
    const guestName = `هم‌زمان ${crypto.randomBytes(3).toString('hex')}`
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        postAsGuest(server.url, { article: news.id, guestName, body: `نظر شماره ${n} از یک نشانی` }, address),
      ),
    )
    expect(countOf(201, sent)).toBe(5)
    expect(countOf(429, sent)).toBe(15)
    for (const refused of sent.filter((r) => r.status === 429)) {
      expect(firstError(refused)).toBe(COMMENT_LIMITED)
      const retryAfter = Number(refused.headers['retry-after'])
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(60)
    }
    expect(await storedComments(guestName)).toBe(5)
    // Another address is counted apart.
    expect((await postAsGuest(server.url, { article: news.id, guestName, body: 'از نشانی دیگر' })).status).toBe(201)
  })

  it('gives the point back when a comment is refused for another reason', async () => {
    const address = newAddress()
    const guestName = `ناموفق ${crypto.randomBytes(3).toString('hex')}`
    const post = (body: string) => postAsGuest(server.url, { article: news.id, guestName, body }, address)
    // Refused after the point is spent: by field validation (too long) and as a duplicate.
    for (let n = 0; n < 3; n++) expect((await post('ب'.repeat(2001 + n))).status).toBe(400)
    expect((await post('نظر تکراری')).status).toBe(201)
    for (let n = 0; n < 3; n++) expect((await post('نظر تکراری')).status).toBe(409)
    for (let n = 2; n <= 5; n++) expect((await post(`نظر شماره ${n}`)).status).toBe(201)
    const sixth = await post('نظر شماره ۶')
    expect(sixth.status).toBe(429)
    expect(firstError(sixth)).toBe(COMMENT_LIMITED)
    expect(await storedComments(guestName)).toBe(5)
  })

  it('keeps the point of a comment stored by GraphQL when a later mutation of the request fails', async () => {
    const address = newAddress()
    const guestName = `گراف ${crypto.randomBytes(3).toString('hex')}`
    // GraphQL's input asks for every required field; a public comment's status is the server's anyway.
    const create = (alias: string, body: string) =>
      `${alias}: createComment(data: { article: ${news.id}, status: pending, guestName: ${JSON.stringify(guestName)}, body: ${JSON.stringify(body)} }) { id }`
    for (let n = 1; n <= 5; n++) {
      const res = await request(server.url)
        .post('/api/graphql')
        .set('Origin', SITE_ORIGIN)
        .set('X-Forwarded-For', address)
        .send({ query: `mutation { ${create('stored', `نظر گرافی ${n}`)} ${create('refused', 'ب'.repeat(2001))} }` })
      // Shown whole on failure: what GraphQL said.
      expect(res.body).toMatchObject({ data: { stored: { id: expect.anything() }, refused: null } })
      expect(res.body.errors).toHaveLength(1)
    }
    expect(await storedComments(guestName)).toBe(5)
    const sixth = await postAsGuest(server.url, { article: news.id, guestName, body: 'نظر ششم' }, address)
    expect(sixth.status).toBe(429)
    expect(await storedComments(guestName)).toBe(5)
  })
})

describe('tickets', () => {
  it('of 8 filed at once by one reader, stores exactly the limit', async () => {
    const agent = await reader()
    const sent = await Promise.all(
      Array.from({ length: 8 }, () => agent.post('/api/tickets?depth=0').send(ticketData(department))),
    )
    expect(statuses(sent)).toEqual([...Array(3).fill(201), ...Array(5).fill(429)])
    for (const refused of sent.filter((r) => r.status === 429)) {
      expect(firstError(refused)).toBe(TICKET_LIMITED)
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    }
    expect((await agent.get('/api/tickets/count')).body.totalDocs).toBe(3)
    // Another reader has a limit of their own.
    const other = await reader()
    expect((await other.post('/api/tickets?depth=0').send(ticketData(department))).status).toBe(201)
  })

  it('gives the point back when a ticket is refused', async () => {
    const agent = await reader()
    for (let n = 0; n < 3; n++)
      expect((await agent.post('/api/tickets?depth=0').send(ticketData(department, { subject: '' }))).status).toBe(400)
    for (let n = 0; n < 3; n++)
      expect((await agent.post('/api/tickets?depth=0').send(ticketData(department))).status).toBe(201)
    const fourth = await agent.post('/api/tickets?depth=0').send(ticketData(department))
    expect(fourth.status).toBe(429)
    expect(firstError(fourth)).toBe(TICKET_LIMITED)
    expect((await agent.get('/api/tickets/count')).body.totalDocs).toBe(3)
  })
})

describe('sign-ups', () => {
  const readersNamed = async (tag: string) =>
    (await admin.get('/api/readers').query({ where: { email: { like: tag } }, limit: 0 })).body.totalDocs

  it('of 8 at once from one address, creates exactly the limit', async () => {
    const address = newAddress()
    const tag = `burst${crypto.randomBytes(3).toString('hex')}`
    const sent = await Promise.all(Array.from({ length: 8 }, () => register(address, uniqueEmail(tag))))
    expect(statuses(sent)).toEqual([...Array(3).fill(201), ...Array(5).fill(429)])
    for (const refused of sent.filter((r) => r.status === 429)) expect(firstError(refused)).toBe(SIGNUP_LIMITED)
    expect(await readersNamed(tag)).toBe(3)
  })

  it('keeps the point of a failed sign-up (an address already registered)', async () => {
    const address = newAddress()
    const email = uniqueEmail('taken')
    expect((await register(address, email)).status).toBe(201)
    for (let n = 0; n < 2; n++) {
      const again = await register(address, email)
      expect(again.status).toBeGreaterThanOrEqual(400)
      expect(again.status).not.toBe(429)
    }
    const fourth = await register(address)
    expect(fourth.status).toBe(429)
    expect(firstError(fourth)).toBe(SIGNUP_LIMITED)
    expect((await register(newAddress())).status).toBe(201)
  })
})

describe('a limit of 0', () => {
  let unlimited: RunningServer
  beforeAll(async () => {
    unlimited = await startServer({ COMMENT_RATE_LIMIT_PER_MINUTE: '0', SMTP_HOST: '' })
  })
  afterAll(async () => {
    await unlimited?.stop()
  })

  it('turns the limit off', async () => {
    const address = newAddress()
    const sent = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        postAsGuest(unlimited.url, { article: news.id, guestName: 'بی‌محدودیت', body: `نظر آزاد ${n}` }, address),
      ),
    )
    expect(statuses(sent)).toEqual(Array(8).fill(201))
  })
})
