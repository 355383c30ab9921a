import request from 'supertest'

import { type Agent, createStaff, signIn, signInAsAdmin } from '../helpers/accounts'
import { createArticle, withoutTextSeparators } from '../helpers/content'
import { type RunningServer, startServer } from '../helpers/server'
import { paragraphsToLexical as lexical } from '../../src/seed/lexical'

let server: RunningServer
let editor: Agent
// A word no demo article contains, so each test sees only its own articles.
const tag = () => `ت${Math.random().toString(36).slice(2, 8).replace(/\d/g, '')}`

beforeAll(async () => {
  server = await startServer()
  const admin = await signInAsAdmin(server.url)
  editor = await signIn(server.url, 'users', (await createStaff(admin, 'editor')).email)
})
afterAll(async () => {
  await server?.stop()
})

const search = async (params: Record<string, string>) => {
  const res = await request(server.url).get('/api/search').query(params)
  expect(res.status).toBe(200)
  return res.body as {
    total: number
    message?: string
    results: { title: string; titleMatch: boolean; url: string }[]
    errors: { field: string; message: string }[]
  }
}
const titles = async (q: string, extra: Record<string, string> = {}) =>
  (await search({ q, ...extra })).results.map((r) => r.title)

describe('Persian search', () => {
  it('finds every spelling of a word, in the article and in the query', async () => {
    const t = tag()
    const arabic = await createArticle(editor, {
      title: `گزارش ${t} دهياري هاي كشور`,
      lead: 'شهرستان هاي كمتر توسعهيافته در 2 ماه',
      body: lexical(['متن با ارقام ۱۴۰۴ و ١٢٣.']),
    })
    const persian = await createArticle(editor, {
      title: `خبر ${t} دهیاری‌های کشور`,
      lead: 'مناطق توسعه‌یافته و کمتر توسعه یافته',
      body: lexical(['سال 1404 و عدد 123.']),
    })
    const both = [arabic.title, persian.title].sort()

    for (const q of [
      `${t} دهیاری`,
      `${t} دهياري`,
      `${t} کشور`,
      `${t} كشور`,
      `${t} توسعه‌یافته`,
      `${t} توسعه یافته`,
      `${t} توسعهيافته`,
      `${t} ۱۴۰۴`,
      `${t} 1404`,
      `${t} ١٢٣`,
      `${t} دهیاریهای`,
    ]) {
      expect([q, (await titles(q)).sort()]).toEqual([q, both])
    }
  })

  it('needs every word of the query and ranks title matches above body matches, then newer first', async () => {
    const t = tag()
    const old = await createArticle(editor, { title: `${t} سامانه قدیمی`, publishedAt: '2024-01-01T08:00:00Z' })
    const recentBody = await createArticle(editor, {
      title: `${t} خبر تازه`,
      lead: 'درباره سامانه جدید',
      publishedAt: '2026-01-01T08:00:00Z',
    })
    const recentTitle = await createArticle(editor, { title: `${t} سامانه تازه`, publishedAt: '2025-06-01T08:00:00Z' })
    await createArticle(editor, { title: `${t} بی‌ربط`, publishedAt: '2026-02-01T08:00:00Z' })

    const found = await search({ q: `${t} سامانه` })
    expect(found.results.map((r) => [r.title, r.titleMatch])).toEqual([
      [recentTitle.title, true],
      [old.title, true],
      [recentBody.title, false],
    ])
    expect(found.total).toBe(3)
    expect(await titles(`${t} سامانه ناموجود`)).toEqual([])
  })

  it('never finds drafts or unpublished articles, and follows edits and deletes', async () => {
    const t = tag()
    await createArticle(editor, { title: `${t} پیش‌نویس محرمانه` }, { draft: true })
    const published = await createArticle(editor, { title: `${t} منتشرشده` })
    expect(await titles(t)).toEqual([published.title])

    // a draft of new words on a published article stays unsearchable until published
    await editor
      .patch(`/api/articles/${published.id}?draft=true`)
      .send({ title: `${t} عنوان پیش‌نویس‌شده`, _status: 'draft' })
    expect(await titles(`${t} پیش‌نویس‌شده`)).toEqual([])
    expect(await titles(`${t} منتشرشده`)).toEqual([published.title])

    await editor.patch(`/api/articles/${published.id}`).send({ title: `${t} عنوان ویرایش‌شده`, _status: 'published' })
    expect(await titles(`${t} ویرایش‌شده`)).toEqual([`${t} عنوان ویرایش‌شده`])
    expect(await titles(`${t} منتشرشده`)).toEqual([])

    await editor.patch(`/api/articles/${published.id}`).send({ _status: 'draft' })
    expect(await titles(t)).toEqual([])
    await editor.patch(`/api/articles/${published.id}`).send({ _status: 'published' })
    expect(await titles(t)).toEqual([`${t} عنوان ویرایش‌شده`])
    await editor.delete(`/api/articles/${published.id}`)
    expect(await titles(t)).toEqual([])
  })

  it('filters by category and by a Jalali date range', async () => {
    const t = tag()
    const category = (await editor.post('/api/categories').send({ title: `دسته ${t}` })).body.doc
    const inCategory = await createArticle(editor, {
      title: `${t} در دسته`,
      category: category.id,
      publishedAt: '2025-03-21T06:00:00Z',
    }) // 1404/01/01
    const lastYear = await createArticle(editor, { title: `${t} پارسال`, publishedAt: '2025-03-19T06:00:00Z' }) // 1403/12/29

    expect(await titles(t, { category: String(category.id) })).toEqual([inCategory.title])
    expect(await titles(t, { from: '1404/01/01' })).toEqual([inCategory.title])
    expect(await titles(t, { to: '۱۴۰۳/۱۲/۲۹' })).toEqual([lastYear.title])
    expect((await titles(t, { from: '1403/12/29', to: '1404/01/01' })).sort()).toEqual(
      [inCategory.title, lastYear.title].sort(),
    )
    const bad = await search({ q: t, from: '1403/13/01', to: 'فردا', category: 'abc' })
    expect(bad.errors.map((e) => e.field).sort()).toEqual(['category', 'from', 'to'])
    expect(bad.errors.every((e) => /[\u0600-\u06FF]/.test(e.message))).toBe(true)
  })

  it('answers any query with results or a Persian message, never an error', async () => {
    const queries = [
      '',
      '   ',
      '"',
      "'",
      "' OR 1=1 --",
      '"; DROP TABLE articles; --',
      '%',
      '_',
      '\\',
      '*',
      '(',
      'NEAR(a b)',
      'a AND OR NOT',
      '.*+?^${}()|[]',
      '<script>alert(1)</script>',
      'ـــ',
      '\u200c',
      'ا'.repeat(5_000),
      'دهیاری '.repeat(780),
      'x'.repeat(10_240),
      '🙂',
      '%00',
    ]
    for (const q of queries) {
      const res = await request(server.url).get('/api/search').query({ q })
      expect([q.slice(0, 20), res.status]).toEqual([q.slice(0, 20), 200])
      if (res.body.results.length === 0) expect(res.body.message).toMatch(/[\u0600-\u06FF]/)
      const page = await request(server.url).get('/search').query({ q })
      expect([q.slice(0, 20), page.status]).toEqual([q.slice(0, 20), 200])
    }
    for (const query of ['q[]=a&q[]=b', 'q[a]=b', 'page=-1&q=دهیاری', 'page=99999&q=دهیاری', 'page=abc&q=دهیاری'])
      expect((await request(server.url).get(`/api/search?${query}`)).status).toBe(200)
    // beyond any sensible query: Node refuses the request line, in Persian
    const huge = await request(server.url)
      .get('/api/search')
      .query({ q: 'ا'.repeat(20_000) })
    expect(huge.status).toBe(431)
    expect(huge.body.errors[0].message).toMatch(/بیش از اندازه بلند/)
    expect((await search({ q: '' })).message).toBe('عبارتی برای جستجو بنویسید.')
    expect((await search({ q: '!!!' })).message).toBe('عبارت جستجو باید دست‌کم یک واژه یا عدد داشته باشد.')
  })

  it('shows results on the /search page with the matched words highlighted and the dates in Jalali', async () => {
    const t = tag()
    await createArticle(editor, {
      title: `${t} نشست دهياري ها`,
      lead: 'لید نشست دهیاری‌ها',
      publishedAt: '2025-03-21T06:00:00Z',
    })
    const html = (
      await request(server.url)
        .get('/search')
        .query({ q: `${t} دهیاری` })
    ).text
    expect(html).toContain('<mark>دهياري</mark>')
    expect(html).toContain('<mark>دهیاری‌ها</mark>')
    expect(html).toContain('۱ فروردین ۱۴۰۴')
    expect(withoutTextSeparators(html)).toMatch(/۱ خبر برای «.+» پیدا شد/)
    const none = (
      await request(server.url)
        .get('/search')
        .query({ q: `${t} ناموجود` })
    ).text
    expect(none).toContain(`نتیجه‌ای برای «${t} ناموجود» پیدا نشد.`)
  })
})
