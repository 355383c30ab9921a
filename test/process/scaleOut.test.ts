import { execSync } from 'node:child_process'

import { Redis } from 'ioredis'
import request from 'supertest'

import { databaseKind } from '../../src/db/kind'
import { type Agent, signInAsAdmin } from '../helpers/accounts'
import { postAsGuest } from '../helpers/comments'
import { createArticle, newsPath, withoutTextSeparators } from '../helpers/content'
import { separateWorkingFolder } from '../helpers/instances'
import { type RunningServer, startServer } from '../helpers/server'

/**
 * Several processes serving one site: an editor's change, once the save returned, is what every
 * process serves. Each process keeps its own page caches (Next's and the express copy); the change
 * reaches them through the cluster's primary or through Redis (src/server/invalidation.ts).
 */

const START_TIMEOUT = 240_000
const READS = 12 // enough requests that round-robin reaches every worker several times

async function waitForOutput(server: RunningServer, text: string, ms = 180_000) {
  const deadline = Date.now() + ms
  while (!server.output().includes(text)) {
    if (server.process.exitCode !== null) throw new Error(`server exited:\n${server.output()}`)
    if (Date.now() > deadline) throw new Error(`"${text}" not printed within ${ms} ms:\n${server.output()}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Pages as a reader gets them, `times` times in a row (each a new connection). */
async function readTimes(url: string, path: string, times = READS) {
  const pages = []
  for (let i = 0; i < times; i++) {
    const res = await fetch(`${url}${path}`, { headers: { Connection: 'close' } })
    pages.push({ status: res.status, html: withoutTextSeparators(await res.text()) })
  }
  return pages
}

const uniqueTitle = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`

/** A published article whose page every reader process has cached (read several times). */
async function cachedArticle(editor: Agent, readers: string[], label: string) {
  const article = await createArticle(editor, { title: uniqueTitle(label) })
  for (const url of readers) {
    const pages = await readTimes(url, newsPath(article.slug))
    expect(pages.every((p) => p.status === 200 && p.html.includes(article.title))).toBe(true)
  }
  return article
}

/** The journey both setups must pass: `write` is where the editor works, `readers` every origin readers use. */
function editsReachEveryProcess(setup: () => { write: string; readers: string[] }) {
  let editor: Agent
  beforeAll(async () => {
    editor = await signInAsAdmin(setup().write)
  })

  it('an edited title is what every process serves once the save returns', async () => {
    const { readers } = setup()
    const article = await cachedArticle(editor, readers, 'خبر ویرایش‌شونده')
    const edited = uniqueTitle('عنوان تازه')
    expect((await editor.patch(`/api/articles/${article.id}`).send({ title: edited })).status).toBe(200)
    for (const url of readers)
      for (const page of await readTimes(url, newsPath(article.slug))) {
        expect(page.html).toContain(edited)
        expect(page.html).not.toContain(article.title)
      }
  })

  it('an unpublished or deleted article is gone from every process once the save returns', async () => {
    const { readers } = setup()
    const withdrawn = await cachedArticle(editor, readers, 'خبر پس‌گرفته')
    const deleted = await cachedArticle(editor, readers, 'خبر حذف‌شده')
    expect((await editor.patch(`/api/articles/${withdrawn.id}`).send({ _status: 'draft' })).status).toBe(200)
    expect((await editor.delete(`/api/articles/${deleted.id}`)).status).toBe(200)
    for (const url of readers)
      for (const gone of [withdrawn, deleted])
        for (const page of await readTimes(url, newsPath(gone.slug))) {
          expect(page.status).toBe(404)
          expect(page.html).not.toContain(gone.title)
        }
  })

  it('of 20 comments sent at once from one address to every process, exactly the limit is stored', async () => {
    const { readers } = setup()
    const article = await createArticle(editor, { title: uniqueTitle('خبر پربحث') })
    const guestName = `هم‌زمان ${Math.random().toString(36).slice(2, 8)}`
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        postAsGuest(
          readers[n % readers.length]!,
          { article: article.id, guestName, body: `نظر ${n} از یک نشانی` },
          '203.0.113.7',
        ),
      ),
    )
    expect(sent.filter((r) => r.status === 201)).toHaveLength(5) // COMMENT_RATE_LIMIT_PER_MINUTE
    expect(sent.filter((r) => r.status === 429)).toHaveLength(15)
    const stored = await editor.get(`/api/comments?where[guestName][equals]=${encodeURIComponent(guestName)}&limit=0`)
    expect(stored.body.totalDocs).toBe(5)
  })

  it('a new article is on every process’s home page, feed and sitemap once the save returns', async () => {
    const { readers } = setup()
    for (const url of readers) for (const path of ['/', '/feed.xml', '/sitemap.xml']) await readTimes(url, path, 4)
    const article = await createArticle(editor, { title: uniqueTitle('خبر تازه') })
    for (const url of readers) {
      for (const page of await readTimes(url, '/')) expect(page.html).toContain(article.title)
      for (const page of await readTimes(url, '/feed.xml', 4)) expect(page.html).toContain(article.title)
      for (const page of await readTimes(url, '/sitemap.xml', 4))
        expect(decodeURIComponent(page.html)).toContain(`/news/${article.slug}`)
    }
  })
}

describe('WEB_CONCURRENCY=2: two workers on one port, no Redis', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ WEB_CONCURRENCY: '2', REDIS_URL: '' }, { waitForHealth: false })
    await waitForOutput(server, '2 فرایند سرخط آماده‌اند')
  }, START_TIMEOUT)
  afterAll(async () => {
    expect(await server?.stop()).toBe(0)
  })

  editsReachEveryProcess(() => ({ write: server.url, readers: [server.url] }))

  it('replaces a worker that dies, and keeps serving meanwhile', async () => {
    const readyLines = () => server.output().match(/سرخط آماده است/g)?.length ?? 0
    const before = readyLines()
    // The primary's children are the workers.
    const workers = execSync(`pgrep -P ${server.process.pid}`).toString().trim().split('\n')
    expect(workers).toHaveLength(2)
    process.kill(Number(workers[1]), 'SIGKILL')
    // Once the primary saw the exit, new connections go to the surviving worker only.
    await waitForOutput(server, 'دوباره راه می‌افتد', 30_000)
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${server.url}/healthz`, {
        headers: { Connection: 'close' },
        signal: AbortSignal.timeout(10_000),
      })
      expect(res.status).toBe(200)
    }
    const deadline = Date.now() + 90_000
    while (readyLines() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250))
    if (readyLines() === before) throw new Error(`no worker replaced the dead one:\n${server.output()}`)
    expect(execSync(`pgrep -P ${server.process.pid}`).toString().trim().split('\n')).toHaveLength(2)
  }, 150_000)
})

const onPostgres = databaseKind(process.env.DATABASE_URI) === 'postgres' ? describe : describe.skip

onPostgres('two instances on two working folders, one PostgreSQL database and Redis', () => {
  const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/12'
  let a: RunningServer
  let b: RunningServer
  beforeAll(async () => {
    const client = new Redis(REDIS_URL)
    await client.flushdb()
    client.disconnect()
    a = await startServer({ REDIS_URL }, { cwd: separateWorkingFolder('a') })
    b = await startServer({ REDIS_URL, JOBS_RUNNER: 'false' }, { cwd: separateWorkingFolder('b') })
  }, START_TIMEOUT)
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
  })

  // Edits on A, readers on both.
  editsReachEveryProcess(() => ({ write: a.url, readers: [a.url, b.url] }))

  it('counts every view once whichever instance receives it', async () => {
    const editor = await signInAsAdmin(a.url)
    const article = await createArticle(editor, { title: uniqueTitle('خبر پربازدید') })
    const browser = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36'
    const views = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        request(i % 2 ? a.url : b.url)
          .post(`/api/articles/${article.id}/view`)
          .set('User-Agent', browser),
      ),
    )
    expect(views.every((r) => r.status === 200 && r.body.counted === true)).toBe(true)
    const deadline = Date.now() + 15_000
    let stored = 0
    while (Date.now() < deadline && stored !== 200) {
      stored = (await editor.get(`/api/articles/${article.id}?depth=0`)).body.views
      if (stored !== 200) await new Promise((r) => setTimeout(r, 250))
    }
    expect(stored).toBe(200)
  })

  it('an edit made on B reaches A as well', async () => {
    const editorOnB = await signInAsAdmin(b.url)
    const article = await cachedArticle(editorOnB, [a.url, b.url], 'خبر از نمونهٔ دوم')
    const edited = uniqueTitle('عنوان از نمونهٔ دوم')
    expect((await editorOnB.patch(`/api/articles/${article.id}`).send({ title: edited })).status).toBe(200)
    for (const page of await readTimes(a.url, newsPath(article.slug))) expect(page.html).toContain(edited)
  })
})
