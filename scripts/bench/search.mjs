// npm run bench:search — search latency at 100,000 published articles, per adapter. Starts the
// production server on a fresh database (migrations, first admin), writes generated Persian
// articles straight into the articles table in large transactions (the index follows through its
// trigger / GIN index, as it does for editors' saves), then times a fixed set of queries through
// GET /api/search, one request at a time, after a warm-up. Reports p50 and p95 per adapter and
// per query, to the console and bench-results/search-<date>.json.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'

import { createClient } from '@libsql/client'
import esbuild from 'esbuild'
import pg from 'pg'

import { buildIsCurrent } from '../build-stamp.mjs'
import { adminAuth, startBenchServer, stopBenchServer } from '../lib/benchServer.mjs'
import { emptyDatabase } from '../lib/emptyDatabase.mjs'

const ARTICLES = Number(process.env.BENCH_ARTICLES || 100_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS || 30)
const POSTGRES = process.env.BENCH_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/sarkhat_bench'
const SQLITE_FILE = 'data/bench-search.db'
const NOW = Date.now()

if (!buildIsCurrent() && spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0)
  process.exit(1)

// The same normaliser and index terms the server uses.
fs.mkdirSync('dist/bench', { recursive: true })
await esbuild.build({
  entryPoints: ['src/lib/persian/index.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: 'dist/bench/persian.mjs',
  logLevel: 'error',
})
const { indexTerms } = await import(`${process.cwd()}/dist/bench/persian.mjs`)

// --- generated Persian text -------------------------------------------------------------------
// A seeded generator, so every run indexes the same corpus: mulberry32, 32-bit integer arithmetic
// throughout. (The earlier `seed * 1103515245 % 2 ** 31` overflowed doubles' exact range and
// cycled after ~10,500 draws, so the "100,000" articles were 286 distinct texts repeated.)
let seed = 20261128
function random() {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (list) => list[Math.floor(random() * list.length)]
// Zipf-like: a few words very common, most rare.
const zipf = (list) => list[Math.min(list.length - 1, Math.floor(list.length * random() ** 2))]

// Vocabulary shaped like news text: a handful of function words in every article, topic words
// each in a few percent of articles, and a long tail of rare words (pseudo-words from syllables).
const stopWords = 'و در به از که این را با برای است شد می آن'.split(' ')
const topics = (
  'دهیاری سامانه کشور روستا توسعه یافته استان شهرستان مدیران نشست گزارش برنامه طرح اجرای درصد جمعیت اطلاعات ' +
  'مالی پروانه ساخت آموزش دوره ثبت نام شهروندان درخواست پیگیری بودجه اعتبارات عمرانی پروژه اشتغال کشاورزی آب برق گاز جاده مدرسه ' +
  'بهداشت درمان خدمات دولت وزارت معاون سازمان اداره دفتر امور همکاری هماهنگی نظارت ارزیابی کیفیت'
).split(' ')
const syllables =
  'با بر پا تا جا چه دا را زا سا شا کا گا لا ما نا وا ها یا دو رو سو مو نو گو کو تو ری نی سی می لی بی دی کی'.split(' ')
const rare = Array.from({ length: 30_000 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''),
)
const arabicize = (text) => text.replace(/ی/g, 'ي').replace(/ک/g, 'ك')
const persianDigits = (text) => text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d])

function sentence(words, topicsOfArticle) {
  const out = []
  for (let i = 0; i < words; i++) {
    const r = random()
    out.push(
      r < 0.3
        ? pick(stopWords)
        : r < 0.4
          ? pick(topicsOfArticle)
          : r < 0.99
            ? zipf(rare)
            : String(1390 + Math.floor(random() * 16)),
    )
  }
  return out.join(' ')
}

function article(n) {
  // Each article is about two or three topics, the commoner topics chosen more often.
  const about = Array.from({ length: 2 + Math.floor(random() * 2) }, () => zipf(topics))
  if (random() < 0.05) about.push('توسعه یافته')
  let title = sentence(8, about)
  let lead = sentence(24, about)
  let body = Array.from({ length: 6 }, () => sentence(25, about)).join('\n')
  // Real content is messy: a third written with Arabic letters, some with Persian digits, some ZWNJ.
  if (n % 3 === 0) {
    title = arabicize(title)
    lead = arabicize(lead)
    body = arabicize(body)
  }
  if (n % 4 === 0) {
    title = persianDigits(title)
    body = persianDigits(body)
  }
  if (n % 5 === 0) body = body.replace(/توسعه یافته/g, 'توسعه‌یافته')
  // Spread over the six years up to today, as a living site's archive is.
  const publishedAt = new Date(NOW - Math.floor(random() * 6 * 365 * 86400_000)).toISOString()
  return {
    title,
    lead,
    publishedAt,
    searchTitle: indexTerms(title),
    searchText: indexTerms(`${title}\n${lead}\n${body}`),
  }
}

// --- the queries ----------------------------------------------------------------------------------
const QUERIES = [
  ['topic word', 'کشور'],
  ['topic word, Arabic letters', 'دهياري'],
  ['two topic words', 'سامانه استان'],
  ['three words', 'اجرای طرح عمرانی'],
  ['function word (in every article)', 'در'],
  ['joined spelling', 'توسعهيافته'],
  ['split spelling', 'توسعه یافته'],
  ['rare word', rare[4000]],
  ['year in Persian digits', '۱۳۹۸'],
  ['prefix', 'مدیر'],
  ['no result', 'واژه‌ای‌که‌نیست'],
  ['with category filter', 'کشور', { category: '__category__' }],
  ['with Jalali date range', 'سامانه', { from: '1401/01/01', to: '1401/12/29' }],
]

// --- server and database ----------------------------------------------------------------------------
async function createCategories(server) {
  const auth = await adminAuth(server)
  const ids = []
  for (const title of ['اخبار استان', 'اطلاعیه', 'گزارش', 'آموزش', 'عمران']) {
    const res = await fetch(`${server.url}/api/categories`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title }),
    })
    ids.push((await res.json()).doc.id)
  }
  return ids
}

const BATCH = 1000
const rowsFor = (from, categories) =>
  Array.from({ length: Math.min(BATCH, ARTICLES - from) }, (_, i) => ({
    n: from + i,
    ...article(from + i),
    category: categories[(from + i) % categories.length],
  }))

async function fillSqlite(categories) {
  const client = createClient({ url: `file:${SQLITE_FILE}` })
  await client.execute('PRAGMA busy_timeout = 10000')
  for (let from = 0; from < ARTICLES; from += BATCH) {
    const statements = rowsFor(from, categories).map((a) => ({
      sql: `INSERT INTO articles (title, lead, slug, category_id, published_at, views, allow_comments, _status, search_title, search_text) VALUES (?, ?, ?, ?, ?, 0, 1, 'published', ?, ?)`,
      args: [a.title, a.lead, `bench-${a.n}`, a.category, a.publishedAt, a.searchTitle, a.searchText],
    }))
    await client.batch(statements, 'write')
  }
  await client.execute(`INSERT INTO articles_search (articles_search) VALUES ('optimize')`)
  client.close()
}

async function fillPostgres(categories) {
  const client = new pg.Client({ connectionString: POSTGRES })
  await client.connect()
  for (let from = 0; from < ARTICLES; from += BATCH) {
    const rows = rowsFor(from, categories)
    const values = []
    const params = []
    for (const a of rows) {
      const base = params.length
      params.push(a.title, a.lead, `bench-${a.n}`, a.category, a.publishedAt, a.searchTitle, a.searchText)
      values.push(
        `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, 0, true, 'published', $${base + 6}, $${base + 7})`,
      )
    }
    await client.query(
      `INSERT INTO articles (title, lead, slug, category_id, published_at, views, allow_comments, _status, search_title, search_text) VALUES ${values.join(', ')}`,
      params,
    )
  }
  await client.query('VACUUM ANALYZE articles')
  await client.end()
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

async function timeQueries(server, categories) {
  const perQuery = []
  const all = []
  for (const [name, q, extra = {}] of QUERIES) {
    const params = new URLSearchParams({ q, ...extra })
    if (params.get('category') === '__category__') params.set('category', String(categories[0]))
    const url = `${server.url}/api/search?${params}`
    const times = []
    let total = 0
    for (let round = -3; round < ROUNDS; round++) {
      const started = performance.now()
      const res = await fetch(url)
      const body = await res.json()
      const elapsed = performance.now() - started
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`)
      total = body.total
      if (round >= 0) times.push(elapsed)
    }
    times.sort((a, b) => a - b)
    all.push(...times)
    perQuery.push({
      query: name,
      matches: total,
      p50ms: +percentile(times, 50).toFixed(1),
      p95ms: +percentile(times, 95).toFixed(1),
    })
  }
  all.sort((a, b) => a - b)
  return { perQuery, p50ms: +percentile(all, 50).toFixed(1), p95ms: +percentile(all, 95).toFixed(1) }
}

/** Articles already in the benchmark database (BENCH_REUSE=1 skips the fill when the count is right). */
async function storedArticles(kind, uri) {
  try {
    if (kind === 'sqlite') {
      const client = createClient({ url: uri })
      const { rows } = await client.execute(`SELECT count(*) AS n FROM articles WHERE _status = 'published'`)
      client.close()
      return Number(rows[0].n)
    }
    const client = new pg.Client({ connectionString: uri })
    await client.connect()
    const { rows } = await client.query(`SELECT count(*) AS n FROM articles WHERE _status = 'published'`)
    await client.end()
    return Number(rows[0].n)
  } catch {
    return 0
  }
}

async function benchAdapter(kind) {
  const uri = kind === 'sqlite' ? `file:./${SQLITE_FILE}` : POSTGRES
  seed = 20261128
  let server
  let categories
  let fillSeconds = 0
  if (process.env.BENCH_REUSE === '1' && (await storedArticles(kind, uri)) === ARTICLES) {
    // Same seed, same corpus: only the timing is run again (while tuning queries).
    server = await startBenchServer(uri)
    categories = (await (await fetch(`${server.url}/api/categories?limit=10&sort=id&depth=0`)).json()).docs.map(
      (c) => c.id,
    )
  } else {
    await emptyDatabase(uri)
    server = await startBenchServer(uri)
    categories = await createCategories(server)
    const started = Date.now()
    await (kind === 'sqlite' ? fillSqlite(categories) : fillPostgres(categories))
    fillSeconds = Math.round((Date.now() - started) / 1000)
  }
  // A restart, as after a deploy: the boot-time index check meets the full table.
  await stopBenchServer(server)
  const bootStarted = Date.now()
  server = await startBenchServer(uri)
  const bootSeconds = Math.round((Date.now() - bootStarted) / 1000)
  try {
    const timing = await timeQueries(server, categories)
    return { adapter: kind, articles: ARTICLES, fillSeconds, bootSeconds, ...timing }
  } finally {
    await stopBenchServer(server)
  }
}

const adapters = (process.env.BENCH_ADAPTERS || 'sqlite,postgres').split(',')
const results = []
for (const kind of adapters) {
  const result = await benchAdapter(kind)
  results.push(result)
  console.log(`\n${kind}: ${result.articles} خبر، p50 ${result.p50ms} ms، p95 ${result.p95ms} ms`)
  console.table(result.perQuery)
}
console.table(results.map(({ perQuery, ...summary }) => summary))
fs.mkdirSync('bench-results', { recursive: true })
const file = `bench-results/search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
fs.writeFileSync(
  file,
  JSON.stringify(
    {
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        memoryGB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      rounds: ROUNDS,
      results,
    },
    null,
    2,
  ),
)
console.log(`نتیجه در ${file} نوشته شد.`)
process.exit(results.every((r) => r.p95ms <= 50) ? 0 : 1)
