import request from 'supertest'

import { type Agent, createStaff, signIn, signInAsAdmin } from '../helpers/accounts'
import { createArticle } from '../helpers/content'
import { type RunningServer, startServer } from '../helpers/server'

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36'
let server: RunningServer
let admin: Agent
let editor: Agent

beforeAll(async () => {
  server = await startServer()
  admin = await signInAsAdmin(server.url)
  editor = await signIn(server.url, 'users', (await createStaff(admin, 'editor')).email)
})
afterAll(async () => {
  await server?.stop()
})

const beacon = (id: number | string, userAgent = BROWSER) =>
  request(server.url).post(`/api/articles/${id}/view`).set('User-Agent', userAgent)
/** The count as staff see it: the live document and the latest version the admin list sorts by. */
const storedViews = async (id: number) => ({
  live: (await admin.get(`/api/articles/${id}?depth=0`)).body.views,
  latestVersion: (await admin.get(`/api/articles/${id}?depth=0&draft=true`)).body.views,
})

describe('view counter', () => {
  it('counts 200 distinct visitors arriving at once exactly 200 times', async () => {
    const article = await createArticle(editor, { title: `پربازدید ${Date.now()}` })
    const responses = await Promise.all(Array.from({ length: 200 }, () => beacon(article.id)))
    expect(responses.every((r) => r.status === 200 && r.body.counted === true)).toBe(true)
    // every answer is a distinct count: each increment saw its own result
    expect(new Set(responses.map((r) => r.body.views)).size).toBe(200)
    expect(await storedViews(article.id)).toEqual({ live: 200, latestVersion: 200 })
  })

  it('does not count the same visitor again within 30 minutes, bots, or staff', async () => {
    const article = await createArticle(editor, { title: `بازدید تکراری ${Date.now()}` })
    const first = await beacon(article.id)
    expect(first.body).toEqual({ views: 1, counted: true })
    const cookie = String(first.headers['set-cookie'])
    expect(cookie).toMatch(/sarkhat_viewed=.+; Path=\/api\/articles; Max-Age=1800; HttpOnly; SameSite=Lax/)

    const again = await beacon(article.id).set('Cookie', cookie.split(';')[0]!)
    expect(again.body).toEqual({ views: 1, counted: false, reason: 'repeat' })
    for (const bot of [
      'Googlebot/2.1 (+http://www.google.com/bot.html)',
      'facebookexternalhit/1.1',
      'TelegramBot (like TwitterBot)',
      'curl/8.5.0',
      '',
    ])
      expect((await beacon(article.id, bot)).body).toMatchObject({ counted: false, reason: 'bot' })
    const staff = await editor.post(`/api/articles/${article.id}/view`).set('User-Agent', BROWSER)
    expect(staff.body).toEqual({ views: 1, counted: false, reason: 'staff' })
    expect(await storedViews(article.id)).toEqual({ live: 1, latestVersion: 1 })
  })

  it('answers 404 for drafts and unknown ids and 4xx for anything else, changing nothing', async () => {
    const draft = await createArticle(editor, { title: `پیش‌نویس بی‌بازدید ${Date.now()}` }, { draft: true })
    for (const id of [draft.id, 99999999, 99999999999, 'abc', "1' OR '1'='1", '-1', '1.5']) {
      const res = await beacon(encodeURIComponent(String(id)))
      expect(res.status).toBe(404)
      expect(res.body.errors[0].message).toBe('خبر پیدا نشد.')
    }
    expect((await admin.get(`/api/articles/${draft.id}?draft=true`)).body.views).toBe(0)
    const wrongMethod = await request(server.url).get(`/api/articles/${draft.id}/view`)
    expect(wrongMethod.status).toBeGreaterThanOrEqual(400)
    expect(wrongMethod.status).toBeLessThan(500)
    // A body that is not JSON is refused before the route runs.
    const garbage = await request(server.url)
      .post(`/api/articles/${draft.id}/view`)
      .set('Content-Type', 'application/json')
      .send('{not json')
    expect(garbage.status).toBe(400)
    expect(garbage.body.errors[0].message).toBe('بدنه درخواست JSON معتبر نیست.')
    expect((await admin.get(`/api/articles/${draft.id}?draft=true`)).body.views).toBe(0)
  })

  it('lets editors sort the admin list by views', async () => {
    const quiet = await createArticle(editor, { title: `کم‌بازدید ${Date.now()}` })
    const busy = await createArticle(editor, { title: `پربازدیدتر ${Date.now()}` })
    await Promise.all(Array.from({ length: 3 }, () => beacon(busy.id)))
    await beacon(quiet.id)
    const list = await editor
      .get('/api/articles')
      .query({ draft: 'true', sort: '-views', depth: 0, where: { id: { in: [quiet.id, busy.id] } } })
    expect(list.body.docs.map((d: { id: number }) => d.id)).toEqual([busy.id, quiet.id])
  })
})
