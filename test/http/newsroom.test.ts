import fs from 'node:fs'

import { XMLValidator } from 'fast-xml-parser'
import sharp from 'sharp'
import request from 'supertest'

import { slugify } from '../../src/lib/slug'
import { type Agent, createStaff, PASSWORD, registerReader, signIn, signInAsAdmin } from '../helpers/accounts'
import { createArticle, newsPath, withoutTextSeparators } from '../helpers/content'
import { type RunningServer, startServer } from '../helpers/server'

let server: RunningServer
let admin: Agent
let editor: Agent
let editorEmail: string
const EDITOR_NAME = 'سارا نیک‌اختر'
const anonymous = () => request(server.url)
const unique = () => Math.random().toString(36).slice(2, 8)

beforeAll(async () => {
  server = await startServer({ JOBS_AUTORUN_CRON: '*/2 * * * * *', MEDIA_MAX_BYTES: '300000' })
  admin = await signInAsAdmin(server.url)
  const editorDoc = await createStaff(admin, 'editor', EDITOR_NAME)
  editorEmail = editorDoc.email
  editor = await signIn(server.url, 'users', editorEmail)
})
afterAll(async () => {
  await server?.stop()
})

describe('public pages of the demo content', () => {
  const seedTitle = 'نشست ويديوكنفرانس مديران كل دفاتر امور روستايي برگزار شد'

  it('the article page shows what the old site showed: registrar, Jalali date, views', async () => {
    const res = await anonymous().get(newsPath(slugify(seedTitle)))
    expect(res.status).toBe(200)
    expect(res.text).toMatch(/<html[^>]*lang="fa"[^>]*dir="rtl"/)
    expect(res.text).toContain(seedTitle)
    expect(withoutTextSeparators(res.text)).toContain('ثبت کننده: سارا نیک‌اختر')
    expect(withoutTextSeparators(res.text)).toMatch(/تاریخ: <time[^>]*>1399\/03\/07<\/time>/)
    expect(res.text).toContain('۲۷۴')
    expect(res.text).toContain('نظرات کاربران')
    expect(res.text).toContain('اخبار مرتبط')
  })

  it('carries canonical, Open Graph, Twitter and NewsArticle JSON-LD metadata', async () => {
    const res = await anonymous().get(newsPath(slugify(seedTitle)))
    expect(res.text).toMatch(/<link rel="canonical" href="http:\/\/localhost:3000\/news\/[^"]+"/)
    expect(res.text).toContain('<meta property="og:type" content="article"/>')
    expect(res.text).toMatch(/<meta name="twitter:card" content="summary_large_image"\/>/)
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(res.text)![1]!)
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: seedTitle,
      author: { name: 'سارا نیک‌اختر' },
      datePublished: '2020-05-27T08:30:00.000Z',
    })
  })

  it('finds an article whose URL was typed with Arabic ي and ك', async () => {
    const arabicSpelling = encodeURIComponent(slugify(seedTitle).replace(/ی/g, 'ي').replace(/ک/g, 'ك'))
    expect((await anonymous().get(`/news/${arabicSpelling}`)).status).toBe(200)
  })

  it('serves home, archive, category, tag and static pages', async () => {
    const home = await anonymous().get('/')
    expect(home.status).toBe(200)
    expect(home.text).toContain('آخرین اخبار')
    expect(home.text).toContain('توسعه روستایی')
    // The archive runs newest first, 12 a page: the newest article opens page 1, the 2020 one
    // (the oldest) closes the last page. Other test files publish articles into the same database.
    const newest = (await anonymous().get('/api/articles').query({ sort: '-publishedAt', limit: 1, depth: 0 })).body
    const archive = await anonymous().get('/news')
    expect(archive.text).toContain('آرشیو اخبار')
    expect(archive.text).toContain(newest.docs[0].title)
    const lastPage = Math.ceil(newest.totalDocs / 12)
    const last = await anonymous().get(lastPage > 1 ? `/news/page/${lastPage}` : '/news')
    expect(last.text).toContain(seedTitle)
    const category = await anonymous().get(`/category/${encodeURIComponent('اخبار-سازمان')}`)
    expect(category.status).toBe(200)
    expect(category.text).toContain(seedTitle)
    const tag = await anonymous().get(`/tag/${encodeURIComponent('ویدیوکنفرانس')}`)
    expect(tag.status).toBe(200)
    expect(tag.text).toContain(seedTitle)
    const guide = await anonymous().get(`/pages/${encodeURIComponent('راهنمای-مشتریان')}`)
    expect(guide.status).toBe(200)
    expect(guide.text).toContain('راهنمای مشتریان')
  })

  it('answers unknown addresses with the Persian 404 page', async () => {
    for (const path of [
      '/nope',
      '/news/nope',
      '/news/page/99',
      '/news/page/abc',
      '/category/nope',
      `/pages/${encodeURIComponent('نیست')}`,
    ]) {
      const res = await anonymous().get(path)
      expect(res.status).toBe(404)
      // Next streams the not-found boundary as RSC payload here; the browser test checks the rendering.
      expect(res.text).toContain('صفحه پیدا نشد')
    }
  })

  it('serves robots.txt pointing at the sitemap', async () => {
    const res = await anonymous().get('/robots.txt')
    expect(res.status).toBe(200)
    expect(res.text).toContain('Disallow: /admin')
    expect(res.text).toContain('Sitemap: http://localhost:3000/sitemap.xml')
  })
})

describe('drafts, publishing and revalidation', () => {
  it('a draft is invisible to the public on every surface', async () => {
    const title = `پیش‌نویس محرمانه ${unique()}`
    const draft = await createArticle(editor, { title, lead: 'هنوز منتشر نشده' }, { draft: true })
    expect(draft._status).toBe('draft')

    expect((await anonymous().get(newsPath(draft.slug))).status).toBe(404)
    expect((await anonymous().get(`/api/articles/${draft.id}`)).status).toBe(404)
    const list = await anonymous()
      .get('/api/articles')
      .query({ where: { slug: { equals: draft.slug } } })
    expect(list.body.totalDocs).toBe(0)
    const gql = await anonymous()
      .post('/api/graphql')
      .send({ query: `{ Articles(where: { slug: { equals: "${draft.slug}" } }) { docs { id title } } }` })
    expect(gql.body.data.Articles.docs).toEqual([])
    for (const path of ['/', '/news', '/feed.xml', '/sitemap.xml'])
      expect((await anonymous().get(path)).text).not.toContain(title)
  })

  it('editors preview their draft on the real page; nobody else does, even with the cookie', async () => {
    const title = `پیش‌نمایش ${unique()}`
    const draft = await createArticle(editor, { title }, { draft: true })
    const previewPath = `/next/preview?collection=articles&slug=${encodeURIComponent(draft.slug)}`
    expect((await anonymous().get(previewPath)).status).toBe(403)

    // A browser navigation: session cookie plus Sec-Fetch-Site, as Chrome sends them.
    const login = await anonymous().post('/api/users/login').send({ email: editorEmail, password: PASSWORD })
    const session = String(login.headers['set-cookie']).match(/payload-token=[^;]+/)![0]
    const start = await anonymous()
      .get(previewPath)
      .set('Cookie', session)
      .set('Sec-Fetch-Site', 'same-origin')
      .redirects(0)
    expect(start.status).toBe(307)
    // Next marks the draft-mode cookie Secure; this test speaks plain HTTP, so it is sent by hand.
    const bypass = String(start.headers['set-cookie']).match(/__prerender_bypass=[^;]+/)![0]

    const page = await anonymous()
      .get(newsPath(draft.slug))
      .set('Cookie', `${session}; ${bypass}`)
      .set('Sec-Fetch-Site', 'same-origin')
    expect(page.status).toBe(200)
    expect(page.text).toContain(title)
    expect(page.text).toContain('پیش‌نمایش پیش‌نویس')
    // the draft-mode cookie alone (copied, leaked, or after signing out) shows nothing
    expect((await anonymous().get(newsPath(draft.slug)).set('Cookie', bypass)).status).toBe(404)
  })

  it('draft versions are for staff only, not for signed-in readers', async () => {
    const draft = await createArticle(editor, { title: `نسخه محرمانه ${unique()}` }, { draft: true })
    const reader = await registerReader(server.url)
    const asReader = await signIn(server.url, 'readers', reader.email)
    expect((await asReader.get('/api/articles/versions')).status).toBe(403)
    expect((await asReader.get(`/api/articles/${draft.id}?draft=true`)).status).toBe(404)
    expect((await anonymous().get('/api/pages/versions')).status).toBe(403)
    const staffView = await editor.get('/api/articles/versions').query({ where: { parent: { equals: draft.id } } })
    expect(staffView.body.totalDocs).toBeGreaterThan(0)
  })

  it('publishing, editing, unpublishing and deleting show on the cached pages at once', async () => {
    const title = `خبر تازه ${unique()}`
    // Warm the cache first, so a stale page would be served if revalidation failed.
    await anonymous().get('/')
    await anonymous().get('/news')
    const article = await createArticle(editor, { title, lead: 'لید خبر تازه' })
    expect((await anonymous().get('/')).text).toContain(title)
    const page = await anonymous().get(newsPath(article.slug))
    expect(page.status).toBe(200)
    expect(withoutTextSeparators(page.text)).toContain(`ثبت کننده: ${EDITOR_NAME}`)
    expect((await anonymous().get('/feed.xml')).text).toContain(title)
    expect((await anonymous().get('/sitemap.xml')).text).toContain(encodeURIComponent(article.slug))

    const edited = `${title} (ویرایش شده)`
    expect((await editor.patch(`/api/articles/${article.id}`).send({ title: edited })).status).toBe(200)
    expect((await anonymous().get(newsPath(article.slug))).text).toContain(edited)
    expect((await anonymous().get('/')).text).toContain(edited)

    expect((await editor.patch(`/api/articles/${article.id}`).send({ _status: 'draft' })).status).toBe(200)
    expect((await anonymous().get(newsPath(article.slug))).status).toBe(404)
    expect((await anonymous().get('/')).text).not.toContain(edited)

    expect((await editor.patch(`/api/articles/${article.id}`).send({ _status: 'published' })).status).toBe(200)
    expect((await anonymous().get(newsPath(article.slug))).status).toBe(200)
    expect((await editor.delete(`/api/articles/${article.id}`)).status).toBe(200)
    expect((await anonymous().get(newsPath(article.slug))).status).toBe(404)
    expect((await anonymous().get('/news')).text).not.toContain(edited)
  })

  it('keeps public pages in the server page cache, drops them on every change, never for previews', async () => {
    const title = `خبر پرخواننده ${unique()}`
    const article = await createArticle(editor, { title })
    const path = newsPath(article.slug)
    // Pages are not kept for a few seconds after a change (see src/server/pageCache.ts): wait for a hit.
    const cachedCopy = async (target: string) => {
      for (let i = 0; i < 40; i++) {
        const res = await anonymous().get(target)
        if (res.headers['x-sarkhat-cache'] === 'HIT') return res
        await new Promise((r) => setTimeout(r, 250))
      }
      throw new Error(`${target} never came from the page cache`)
    }
    const hit = await cachedCopy(path)
    expect(hit.text).toContain(title)
    expect(hit.headers['cache-control']).toMatch(/s-maxage=/)
    await cachedCopy('/')

    // Browsers get it compressed, and it is the same page.
    const compressed = await anonymous().get(path).set('Accept-Encoding', 'br')
    expect(compressed.headers['content-encoding']).toBe('br')
    expect(compressed.text).toBe(hit.text)
    // A revalidation by ETag costs no body.
    expect((await anonymous().get(path).set('If-None-Match', String(hit.headers.etag))).status).toBe(304)
    // Client-side navigation (React Server Components) and draft mode always reach Next.
    expect((await anonymous().get(path).set('RSC', '1')).headers['x-sarkhat-cache']).toBeUndefined()
    expect(
      (await anonymous().get(path).set('Cookie', '__prerender_bypass=x')).headers['x-sarkhat-cache'],
    ).toBeUndefined()

    const edited = `${title} (اصلاح شده)`
    expect((await editor.patch(`/api/articles/${article.id}`).send({ title: edited })).status).toBe(200)
    const after = await anonymous().get(path)
    expect(after.headers['x-sarkhat-cache']).toBeUndefined()
    expect(after.text).toContain(edited)
    expect((await anonymous().get('/')).text).toContain(edited)
    expect((await cachedCopy(path)).text).toContain(edited)

    expect((await editor.patch(`/api/articles/${article.id}`).send({ _status: 'draft' })).status).toBe(200)
    expect((await anonymous().get(path)).status).toBe(404)
  })

  it('records the editor as registrar, whatever the request says', async () => {
    const other = await createStaff(admin, 'editor', 'نفر دیگر')
    const article = await createArticle(editor, { title: `ثبت کننده ${unique()}`, author: other.id })
    const stored = await admin.get(`/api/articles/${article.id}?depth=1`)
    expect(stored.body.author.name).toBe(EDITOR_NAME)
  })

  it('keeps Persian letters in generated slugs, folded and unique', async () => {
    const title = `گزارش ويژه: توسعه‌یافته‌ترین روستاهای ۱۴۰۴ ${unique()}`
    const first = await createArticle(editor, { title })
    expect(first.slug).toMatch(/^گزارش-ویژه-توسعه-یافته-ترین-روستاهای-1404-[a-z0-9]+$/)
    const second = await createArticle(editor, { title })
    expect(second.slug).toBe(`${first.slug}-2`)
    const res = await anonymous().get(newsPath(second.slug))
    expect(res.status).toBe(200)
    expect(res.text).toContain(title)
  })

  it('publishes a scheduled draft on time on an idle server', async () => {
    const title = `خبر زمان‌بندی‌شده ${unique()}`
    const draft = await createArticle(editor, { title }, { draft: true })
    const queued = await editor
      .post(`/api/articles/${draft.id}/schedule`)
      .send({ type: 'publish', at: new Date(Date.now() + 3000).toISOString() })
    expect(queued.status).toBe(201)
    expect((await anonymous().get(newsPath(draft.slug))).status).toBe(404)
    let status = 404
    for (let i = 0; i < 40 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500))
      status = (await anonymous().get(newsPath(draft.slug))).status
    }
    expect(status).toBe(200)
    expect((await anonymous().get('/')).text).toContain(title)
  })

  it('refuses a schedule in the past or of an unknown kind, in Persian', async () => {
    const draft = await createArticle(editor, { title: `زمان‌بندی نادرست ${unique()}` }, { draft: true })
    const past = await editor
      .post(`/api/articles/${draft.id}/schedule`)
      .send({ type: 'publish', at: '2020-01-01T00:00:00Z' })
    expect(past.status).toBe(400)
    expect(past.body.errors[0].message).toBe('زمان باید تاریخی در آینده باشد.')
    const kind = await editor
      .post(`/api/articles/${draft.id}/schedule`)
      .send({ type: 'delete', at: new Date(Date.now() + 60000).toISOString() })
    expect(kind.status).toBe(400)
    const unknown = await editor
      .post('/api/articles/abc/schedule')
      .send({ type: 'publish', at: new Date(Date.now() + 60000).toISOString() })
    expect(unknown.status).toBe(404)
    expect(
      (
        await anonymous()
          .post(`/api/articles/${draft.id}/schedule`)
          .send({ type: 'publish', at: new Date(Date.now() + 60000).toISOString() })
      ).status,
    ).toBe(403)
  })

  it('unpublishes a published article at its scheduled time', async () => {
    const article = await createArticle(editor, { title: `خبر با پایان انتشار ${unique()}` })
    expect((await anonymous().get(newsPath(article.slug))).status).toBe(200)
    const queued = await editor
      .post(`/api/articles/${article.id}/schedule`)
      .send({ type: 'unpublish', at: new Date(Date.now() + 3000).toISOString() })
    expect(queued.status).toBe(201)
    let status = 200
    for (let i = 0; i < 40 && status !== 404; i++) {
      await new Promise((r) => setTimeout(r, 500))
      status = (await anonymous().get(newsPath(article.slug))).status
    }
    expect(status).toBe(404)
    expect((await admin.get(`/api/articles/${article.id}?depth=0&draft=true`)).body._status).toBe('draft')
    // Done jobs are no longer upcoming.
    expect((await editor.get(`/api/articles/${article.id}/schedule`)).body.schedules).toEqual([])
  })

  it('publishes nothing for an editor whose account was deleted before the time came', async () => {
    const draft = await createArticle(editor, { title: `زمان‌بندی دبیر حذف‌شده ${unique()}` }, { draft: true })
    const leaving = await createStaff(admin, 'editor', 'دبیر رفته')
    const leavingAgent = await signIn(server.url, 'users', leaving.email)
    expect(
      (
        await leavingAgent
          .post(`/api/articles/${draft.id}/schedule`)
          .send({ type: 'publish', at: new Date(Date.now() + 2000).toISOString() })
      ).status,
    ).toBe(201)
    expect((await admin.delete(`/api/users/${leaving.id}`)).status).toBe(200)
    // Long enough for the job and its retries to run (the cron ticks every 2 s here).
    await new Promise((r) => setTimeout(r, 9000))
    expect((await anonymous().get(newsPath(draft.slug))).status).toBe(404)
    expect((await admin.get(`/api/articles/${draft.id}?depth=0&draft=true`)).body._status).toBe('draft')
  })

  it('lists upcoming schedules soonest first, cancels one, and only for editors', async () => {
    const draft = await createArticle(editor, { title: `زمان‌بندی‌های پیش رو ${unique()}` }, { draft: true })
    const later = new Date(Date.now() + 48 * 3600_000).toISOString()
    const sooner = new Date(Date.now() + 24 * 3600_000).toISOString()
    const first = await editor.post(`/api/articles/${draft.id}/schedule`).send({ type: 'unpublish', at: later })
    await editor.post(`/api/articles/${draft.id}/schedule`).send({ type: 'publish', at: sooner })
    const listed = await editor.get(`/api/articles/${draft.id}/schedule`)
    expect(listed.status).toBe(200)
    expect(listed.body.schedules.map((s: { type: string; at: string }) => [s.type, s.at])).toEqual([
      ['publish', sooner],
      ['unpublish', later],
    ])

    const reader = await signIn(server.url, 'readers', (await registerReader(server.url)).email)
    const support = await signIn(server.url, 'users', (await createStaff(admin, 'support')).email)
    for (const outsider of [reader, support]) {
      expect((await outsider.get(`/api/articles/${draft.id}/schedule`)).status).toBe(403)
      expect((await outsider.delete(`/api/articles/${draft.id}/schedule/${first.body.job.id}`)).status).toBe(403)
    }
    expect((await reader.get(`/api/articles/${draft.id}/schedule`)).status).toBe(403)
    expect((await reader.delete(`/api/articles/${draft.id}/schedule/${first.body.job.id}`)).status).toBe(403)
    expect((await anonymous().delete(`/api/articles/${draft.id}/schedule/${first.body.job.id}`)).status).toBe(403)

    // A job of another article cannot be cancelled through this one.
    const other = await createArticle(editor, { title: `خبر دیگر ${unique()}` }, { draft: true })
    const wrong = await editor.delete(`/api/articles/${other.id}/schedule/${first.body.job.id}`)
    expect(wrong.status).toBe(404)
    expect(wrong.body.errors[0].message).toBe('این زمان‌بندی پیدا نشد یا اجرا شده است.')

    const cancelled = await editor.delete(`/api/articles/${draft.id}/schedule/${first.body.job.id}`)
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.message).toBe('زمان‌بندی لغو شد.')
    expect(
      (await editor.get(`/api/articles/${draft.id}/schedule`)).body.schedules.map((s: { type: string }) => s.type),
    ).toEqual(['publish'])
    expect((await editor.delete(`/api/articles/${draft.id}/schedule/${first.body.job.id}`)).status).toBe(404)

    // The dashboard lists it; deleting the article takes its upcoming jobs with it.
    const upcomingOnDashboard = async () =>
      /انتشارهای زمان‌بندی‌شده پیش رو.*?<\/section>/s.exec((await editor.get('/admin')).text)?.[0] ?? ''
    expect(await upcomingOnDashboard()).toContain(draft.title)
    expect((await editor.delete(`/api/articles/${draft.id}`)).status).toBe(200)
    const after = await upcomingOnDashboard()
    expect(after).not.toContain(draft.title)
    expect(after).not.toContain('خبر حذف شده')
  })
})

describe('feeds', () => {
  it('RSS and sitemap are valid XML listing only published articles', async () => {
    const feed = await anonymous().get('/feed.xml')
    expect(feed.headers['content-type']).toContain('application/rss+xml')
    expect(XMLValidator.validate(feed.text)).toBe(true)
    expect(feed.text).toContain('<language>fa-IR</language>')
    const sitemap = await anonymous().get('/sitemap.xml')
    expect(XMLValidator.validate(sitemap.text)).toBe(true)
    const published = await anonymous().get('/api/articles?limit=100&depth=0')
    const items = (feed.text.match(/<item>/g) ?? []).length
    expect(items).toBe(Math.min(published.body.totalDocs, 30))
    for (const doc of published.body.docs as { slug: string }[])
      expect(sitemap.text).toContain(encodeURIComponent(doc.slug))
  })
})

describe('media uploads', () => {
  const png = (width: number, height: number, noise = false) =>
    noise
      ? sharp(Buffer.from(Array.from({ length: width * height * 3 }, () => Math.floor(Math.random() * 256))), {
          raw: { width, height, channels: 3 },
        })
          .png()
          .toBuffer()
      : sharp({ create: { width, height, channels: 3, background: '#0b5d8a' } })
          .png()
          .toBuffer()

  const mediaCount = async () => (await admin.get('/api/media?limit=0')).body.totalDocs as number
  const filesOnDisk = () => (fs.existsSync(process.env.MEDIA_DIR!) ? fs.readdirSync(process.env.MEDIA_DIR!).length : 0)

  it('accepts an image with alt text and generates the sizes', async () => {
    const res = await editor
      .post('/api/media')
      .attach('file', await png(1200, 800), 'نمونه.png')
      .field('_payload', JSON.stringify({ alt: 'تصویر آزمایشی' }))
    expect(res.status).toBe(201)
    expect(Object.keys(res.body.doc.sizes)).toEqual(expect.arrayContaining(['thumbnail', 'card', 'hero']))
    expect((await anonymous().get(new URL(res.body.doc.sizes.card.url, server.url).pathname)).status).toBe(200)
  })

  it.each([
    ['a script disguised as a PNG', Buffer.from('<script>alert(1)</script>'), 'evil.png'],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg'],
    ['a text file', Buffer.from('سلام'), 'note.txt'],
  ])('rejects %s with a Persian message and keeps nothing', async (_case, content, name) => {
    const [before, files] = [await mediaCount(), filesOnDisk()]
    const res = await editor
      .post('/api/media')
      .attach('file', content, name)
      .field('_payload', JSON.stringify({ alt: 'نامعتبر' }))
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/[\u0600-\u06FF]/)
    expect(await mediaCount()).toBe(before)
    expect(filesOnDisk()).toBe(files)
  })

  it('rejects a file over MEDIA_MAX_BYTES with a Persian message', async () => {
    const [before, files] = [await mediaCount(), filesOnDisk()]
    const big = await png(600, 600, true)
    expect(big.length).toBeGreaterThan(300000)
    const res = await editor
      .post('/api/media')
      .attach('file', big, 'big.png')
      .field('_payload', JSON.stringify({ alt: 'بزرگ' }))
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toBe('حجم پرونده بیش از حد مجاز است.')
    expect(await mediaCount()).toBe(before)
    expect(filesOnDisk()).toBe(files)
  })

  it('requires alt text, and only editorial staff upload', async () => {
    const noAlt = await editor
      .post('/api/media')
      .attach('file', await png(100, 100), 'a.png')
      .field('_payload', JSON.stringify({}))
    expect(noAlt.status).toBe(400)
    const reader = await registerReader(server.url)
    const asReader = await signIn(server.url, 'readers', reader.email)
    expect(
      (
        await asReader
          .post('/api/media')
          .attach('file', await png(100, 100), 'b.png')
          .field('_payload', JSON.stringify({ alt: 'x' }))
      ).status,
    ).toBe(403)
  })
})
