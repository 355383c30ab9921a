import fs from 'node:fs'
import path from 'node:path'

import request from 'supertest'

import { type Agent, createStaff, PASSWORD, registerReader, signInAsAdmin, SITE_ORIGIN } from '../helpers/accounts'
import { newAddress } from '../helpers/comments'
import { type ArticleDoc, createArticle } from '../helpers/content'
import { type MailCatcher, startMailCatcher } from '../helpers/mailCatcher'
import { type RunningServer, startServer } from '../helpers/server'
import { fileTicket, postMessage, PNG, signedInReader, ticketData, ticketFilesDir, uploadOk } from '../helpers/tickets'

const LOGIN_THROTTLED = 'تلاش‌های ناموفق ورود از این نشانی بیش از حد مجاز است؛ چند دقیقه بعد دوباره تلاش کنید.'
const IN_FLIGHT = 'درخواستی با همین Idempotency-Key هنوز در حال انجام است؛ چند لحظه بعد دوباره بفرستید.'
const OTHER_BODY = 'این Idempotency-Key پیش‌تر برای درخواستی با محتوای دیگر به کار رفته است.'
const persian = /[\u0600-\u06FF]/

let server: RunningServer
let mail: MailCatcher
let admin: Agent
let news: ArticleDoc
let department: number | string

beforeAll(async () => {
  mail = await startMailCatcher()
  server = await startServer({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.port),
    SMTP_SECURE: 'false',
    LOGIN_FAILURES_PER_ADDRESS: '8',
    // Attachments no message carries are stale after 3.6 seconds here; the job runs every second.
    TICKET_ORPHAN_UPLOAD_HOURS: '0.001',
    TICKET_UPLOAD_CLEANUP_CRON: '* * * * * *',
    JOBS_AUTORUN_CRON: '* * * * * *',
  })
  admin = await signInAsAdmin(server.url)
  const comments = { allowGuests: true, autoApproveReturning: false, blocklist: '' }
  expect((await admin.post('/api/globals/site-settings').send({ comments })).status).toBe(200)
  news = await createArticle(admin, { title: `خبر آزمون امنیت ${Date.now()}` })
  const res = await admin.post('/api/departments').send({ title: 'واحد آزمون امنیت', active: true })
  expect(res.status).toBe(201)
  department = res.body.doc.id
})
afterAll(async () => {
  await server?.stop()
  await mail?.close()
})

const adminEmail = () => process.env.ADMIN_EMAIL as string
const loginFrom = (address: string, collection: 'users' | 'readers', email: string, password: string) =>
  request(server.url).post(`/api/${collection}/login`).set('X-Forwarded-For', address).send({ email, password })
const firstError = (res: request.Response) => res.body?.errors?.[0]?.message as string | undefined

async function timed(send: () => Promise<request.Response>): Promise<{ ms: number; res: request.Response }> {
  const started = process.hrtime.bigint()
  const res = await send()
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, res }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

describe('login throttle per address and per account', () => {
  it('refuses an address after five wrong passwords for the admin, while the admin signs in from elsewhere', async () => {
    const attacker = newAddress()
    for (let attempt = 1; attempt <= 5; attempt++)
      expect((await loginFrom(attacker, 'users', adminEmail(), 'wrong-password')).status).toBe(401)
    for (let attempt = 1; attempt <= 3; attempt++) {
      const refused = await loginFrom(attacker, 'users', adminEmail(), 'wrong-password')
      expect(refused.status).toBe(429)
      expect(firstError(refused)).toBe(LOGIN_THROTTLED)
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    }
    const admin = await loginFrom(newAddress(), 'users', adminEmail(), process.env.ADMIN_PASSWORD as string)
    expect(admin.status).toBe(200)
  })

  it('never lets one address reach the account lock, staff or reader', async () => {
    const reader = await registerReader(server.url)
    const attacker = newAddress()
    const statuses: number[] = []
    for (let attempt = 1; attempt <= 12; attempt++)
      statuses.push((await loginFrom(attacker, 'readers', reader.email, 'wrong-password')).status)
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]))
    expect((await loginFrom(newAddress(), 'readers', reader.email, PASSWORD)).status).toBe(200)
  })

  it('limits wrong passwords per address across accounts, and a success gives the point back', async () => {
    const office = newAddress()
    const editor = await createStaff(admin, 'editor')
    // A success in between: only failures count.
    for (let attempt = 1; attempt <= 4; attempt++)
      expect((await loginFrom(office, 'users', editor.email, 'wrong-password')).status).toBe(401)
    expect((await loginFrom(office, 'users', editor.email, PASSWORD)).status).toBe(200)
    for (let attempt = 1; attempt <= 4; attempt++)
      expect((await loginFrom(office, 'users', editor.email, 'wrong-password')).status).toBe(401)
    // LOGIN_FAILURES_PER_ADDRESS is 8 here: other accounts from the same address are refused now.
    const next = await loginFrom(office, 'users', `nobody-${Date.now()}@sarkhat.test`, 'wrong-password')
    expect(next.status).toBe(429)
    expect(firstError(next)).toBe(LOGIN_THROTTLED)
  })
})

describe('account enumeration', () => {
  it.each(['users', 'readers'] as const)(
    '%s login: an unknown email and a wrong password get the same answer in comparable time',
    async (collection) => {
      const known = collection === 'users' ? adminEmail() : (await registerReader(server.url)).email
      const knownTimes: number[] = []
      const unknownTimes: number[] = []
      const bodies = new Set<string>()
      for (let attempt = 0; attempt < 10; attempt++) {
        // A fresh address each time: the throttle is not what is measured.
        const wrong = await timed(() => loginFrom(newAddress(), collection, known, `wrong-${attempt}`))
        const unknown = await timed(() =>
          loginFrom(newAddress(), collection, `nobody-${attempt}-${Date.now()}@sarkhat.test`, `wrong-${attempt}`),
        )
        expect(wrong.res.status).toBe(401)
        expect(unknown.res.status).toBe(401)
        bodies.add(JSON.stringify(wrong.res.body)).add(JSON.stringify(unknown.res.body))
        knownTimes.push(wrong.ms)
        unknownTimes.push(unknown.ms)
      }
      expect(bodies.size).toBe(1)
      expect(JSON.parse([...bodies][0]).errors[0].message).toMatch(persian)
      const [slow, fast] = [median(knownTimes), median(unknownTimes)].sort((a, b) => b - a)
      expect(slow / fast).toBeLessThan(3)
      // The admin was not locked by all this.
      if (collection === 'users')
        expect((await loginFrom(newAddress(), 'users', known, process.env.ADMIN_PASSWORD as string)).status).toBe(200)
    },
  )

  it('forgot-password answers alike for a known and an unknown email, and still mails the known one', async () => {
    const reader = await registerReader(server.url)
    const knownTimes: number[] = []
    const unknownTimes: number[] = []
    const answers = new Set<string>()
    for (let attempt = 0; attempt < 10; attempt++) {
      const known = await timed(() =>
        request(server.url).post('/api/readers/forgot-password').send({ email: reader.email }),
      )
      const unknown = await timed(() =>
        request(server.url)
          .post('/api/readers/forgot-password')
          .send({ email: `nobody-${attempt}-${Date.now()}@sarkhat.test` }),
      )
      answers.add(`${known.res.status} ${JSON.stringify(known.res.body)}`)
      answers.add(`${unknown.res.status} ${JSON.stringify(unknown.res.body)}`)
      knownTimes.push(known.ms)
      unknownTimes.push(unknown.ms)
    }
    expect(answers.size).toBe(1)
    expect([...answers][0].startsWith('200 ')).toBe(true)
    const [slow, fast] = [median(knownTimes), median(unknownTimes)].sort((a, b) => b - a)
    expect(slow / fast).toBeLessThan(3)
    const sent = await mail.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes(reader.email), 15_000)
    expect(sent.subject).toMatch(persian)
  })
})

describe('Idempotency-Key on comment and ticket POSTs', () => {
  const storedComments = async (marker: string) =>
    (
      (await admin.get(`/api/comments?where[body][contains]=${encodeURIComponent(marker)}&depth=0&limit=50`)).body
        .docs as unknown[]
    ).length
  const comment = (marker: string) => ({ article: news.id, guestName: 'مهمان تکراری', body: `نظر آزمون ${marker}` })
  const postWithKey = (data: Record<string, unknown>, key: string, address: string) =>
    request(server.url)
      .post('/api/comments?depth=0')
      .set('Origin', SITE_ORIGIN)
      .set('X-Forwarded-For', address)
      .set('Idempotency-Key', key)
      .send(data)
  const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`

  it('a retry with the same key replays the first answer and files once', async () => {
    const marker = unique()
    const address = newAddress()
    const first = await postWithKey(comment(marker), `key-${marker}`, address)
    const again = await postWithKey(comment(marker), `key-${marker}`, address)
    expect(first.status).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    expect(again.status).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.body).toEqual(first.body)
    expect(await storedComments(marker)).toBe(1)
  })

  it('two at once with one key: one is filed, the other waits its turn (409) or gets the replay', async () => {
    const marker = unique()
    const address = newAddress()
    const answers = await Promise.all([0, 1].map(() => postWithKey(comment(marker), `key-${marker}`, address)))
    const statuses = answers.map((res) => res.status).sort()
    if (statuses[1] === 409) {
      expect(statuses).toEqual([201, 409])
      expect(firstError(answers.find((res) => res.status === 409)!)).toBe(IN_FLIGHT)
    } else expect(statuses).toEqual([201, 201])
    expect(await storedComments(marker)).toBe(1)
  })

  it('different keys file twice; another caller with the same key is not answered with the first one', async () => {
    const marker = unique()
    const address = newAddress()
    // Bodies differ: the comment collection refuses a duplicate of the same text (409) itself.
    expect((await postWithKey(comment(`${marker}-1`), `a-${marker}`, address)).status).toBe(201)
    expect((await postWithKey(comment(`${marker}-2`), `b-${marker}`, address)).status).toBe(201)
    const stranger = await postWithKey(comment(`${marker}-3`), `a-${marker}`, newAddress())
    expect(stranger.status).toBe(201)
    expect(stranger.headers['idempotent-replayed']).toBeUndefined()
    expect(await storedComments(marker)).toBe(3)
  })

  it('the same key with another body is refused in Persian (422); a refused first request frees its key', async () => {
    const marker = unique()
    const address = newAddress()
    expect((await postWithKey(comment(marker), `key-${marker}`, address)).status).toBe(201)
    const other = await postWithKey(comment(`${marker}-دیگر`), `key-${marker}`, address)
    expect(other.status).toBe(422)
    expect(firstError(other)).toBe(OTHER_BODY)
    // A refused comment (no body) stores nothing: the corrected retry under its key is filed.
    const refused = await postWithKey({ article: news.id, guestName: 'مهمان' }, `fix-${marker}`, address)
    expect(refused.status).toBe(400)
    expect((await postWithKey(comment(`${marker}-fix`), `fix-${marker}`, address)).status).toBe(201)
    expect(await storedComments(marker)).toBe(2)
  })

  it('files a ticket once for a retried or concurrent POST with one key', async () => {
    const { agent } = await signedInReader(server.url)
    const count = async () => (await agent.get('/api/tickets/count')).body.totalDocs as number
    const data = ticketData(department)
    const first = await agent.post('/api/tickets?depth=0').set('Idempotency-Key', 'ticket-1').send(data)
    const again = await agent.post('/api/tickets?depth=0').set('Idempotency-Key', 'ticket-1').send(data)
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.body).toEqual(first.body)
    expect(await count()).toBe(1)
    const other = ticketData(department)
    const both = await Promise.all(
      [0, 1].map(() => agent.post('/api/tickets?depth=0').set('Idempotency-Key', 'ticket-2').send(other)),
    )
    expect(both.map((res) => res.status).filter((status) => status === 201).length).toBeGreaterThanOrEqual(1)
    expect(both.every((res) => [201, 409].includes(res.status))).toBe(true)
    expect(await count()).toBe(2)
    expect((await agent.post('/api/tickets?depth=0').set('Idempotency-Key', 'ticket-3').send(other)).status).toBe(201)
    expect(await count()).toBe(3)
  })
})

describe('stale ticket uploads', () => {
  it('deletes attachments no message carries once stale, files included; attached ones stay', async () => {
    const { agent } = await signedInReader(server.url)
    const ticket = await fileTicket(agent, department)
    const orphan = await uploadOk(agent, 'orphan.png', PNG)
    const kept = await uploadOk(agent, 'kept.png', PNG)
    expect((await postMessage(agent, ticket.id, 'پیام با پیوست', { attachments: [kept.id] })).status).toBe(201)
    const fileOf = (name: string) => path.join(ticketFilesDir(), name)
    expect(fs.existsSync(fileOf(orphan.filename))).toBe(true)
    const deadline = Date.now() + 30_000
    while ((await admin.get(`/api/ticket-attachments/${orphan.id}`)).status !== 404) {
      if (Date.now() > deadline) throw new Error('the stale attachment was not deleted')
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(fs.existsSync(fileOf(orphan.filename))).toBe(false)
    expect((await admin.get(`/api/ticket-attachments/${kept.id}`)).status).toBe(200)
    expect(fs.existsSync(fileOf(kept.filename))).toBe(true)
  })
})
