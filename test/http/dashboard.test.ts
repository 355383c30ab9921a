import request from 'supertest'

import { toPersianDigits } from '../../src/lib/persian'
import { type Agent, createStaff, signIn, signInAsAdmin } from '../helpers/accounts'
import { createArticle } from '../helpers/content'
import { type RunningServer, startServer } from '../helpers/server'

let server: RunningServer
let admin: Agent

/** The dashboard card titled `title` in the admin home's HTML, or null when it is not there. */
async function card(agent: Agent, title: string): Promise<string | null> {
  const res = await agent.get('/admin')
  expect(res.status).toBe(200)
  const start = res.text.indexOf(`>${title}</h2>`)
  if (start < 0) return null
  return res.text.slice(start, res.text.indexOf('</section>', start))
}
const figure = (html: string | null, name: string) => new RegExp(`data-figure="${name}">([^<]*)<`).exec(html ?? '')?.[1]

beforeAll(async () => {
  server = await startServer()
  admin = await signInAsAdmin(server.url)
})
afterAll(async () => {
  await server?.stop()
})

describe('the admin dashboard', () => {
  it('shows an editor the moderation queue, most viewed and schedules, and no ticket figures', async () => {
    const editor = await signIn(server.url, 'users', (await createStaff(admin, 'editor')).email)
    const pending = (await admin.get('/api/comments?where[status][equals]=pending&limit=0')).body.totalDocs as number
    expect(figure(await card(editor, 'نظرهای در انتظار تأیید'), 'pending-comments')).toBe(toPersianDigits(pending))
    expect(await card(editor, 'انتشارهای زمان‌بندی‌شده پیش رو')).not.toBeNull()
    expect(await card(editor, 'درخواست‌های باز')).toBeNull()
    expect((await editor.get('/admin')).text).not.toContain('قدیمی‌ترین درخواست در انتظار')
  })

  it('shows support staff the open tickets by status and no moderation queue', async () => {
    const support = await signIn(server.url, 'users', (await createStaff(admin, 'support')).email)
    const tickets = await card(support, 'درخواست‌های باز')
    for (const status of ['new', 'in_progress', 'answered']) {
      const count = (await admin.get(`/api/tickets?where[status][equals]=${status}&limit=0`)).body.totalDocs as number
      expect(figure(tickets, `tickets-${status}`)).toBe(toPersianDigits(count))
    }
    expect(tickets).toContain('/admin/collections/tickets?where%5Bstatus%5D%5Bequals%5D=new')
    expect(await card(support, 'نظرهای در انتظار تأیید')).toBeNull()
    expect(await card(support, 'انتشارهای زمان‌بندی‌شده پیش رو')).toBeNull()
  })

  it('ranks this week’s articles by views and leaves out older ones, however viewed', async () => {
    const weekAgo = new Date(Date.now() - 7 * 86400_000).toISOString()
    const oracle = async () =>
      (
        await admin.get(
          `/api/articles?where[_status][equals]=published&where[publishedAt][greater_than_equal]=${weekAgo}&where[publishedAt][less_than_equal]=${new Date().toISOString()}&sort=-views,-publishedAt&limit=5&depth=0`,
        )
      ).body.docs as { title: string; views: number }[]
    const fifth = (await oracle()).at(-1)?.views ?? 0
    // An older article that outnumbers this week's fifth: the beacon counts each cookie-less visit.
    const old = await createArticle(admin, {
      title: `خبر قدیمی پربازدید ${Date.now().toString(36)}`,
      publishedAt: new Date(Date.now() - 10 * 86400_000).toISOString(),
    })
    const visitor = () =>
      request(server.url)
        .post(`/api/articles/${old.id}/view`)
        .set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36')
    for (let sent = 0; sent <= fifth; sent += 25) await Promise.all(Array.from({ length: 25 }, visitor))
    expect((await admin.get(`/api/articles/${old.id}?depth=0`)).body.views).toBeGreaterThan(fifth)

    const mostViewed = await card(admin, 'پربازدیدترین خبرهای هفت روز اخیر')
    const listed = [...mostViewed!.matchAll(/<li[^>]*><a[^>]*>([^<]*)<\/a>/g)].map((m) => m[1])
    expect(listed).toEqual((await oracle()).map((a) => a.title))
    expect(listed.length).toBeGreaterThan(0)
    expect(mostViewed).not.toContain(old.title)
  })
})
