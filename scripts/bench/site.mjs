// npm run bench — how fast Sarkhat serves and accepts, on the production build, per adapter.
// For each adapter: a fresh database loaded with `npm run seed -- --scale` (10,000 articles,
// 100,000 approved comments, 1,000 readers, 5,000 tickets), the production server, then at
// BENCH_CONNECTIONS (32) connections:
//   reads (warm-up, then BENCH_ROUNDS rounds of BENCH_SECONDS): one article page, a rotation over
//     1,000 article pages, the home page, the search page over a rotation of queries;
//   writes (a fixed number of requests, so every answer is counted): the view beacon, guest
//     comments, tickets filed by signed-in readers; then the database is asked whether it holds
//     exactly one record per successful request.
// Reports requests/s, p50/p99 latency, errors and the server's peak RSS, on the console and in
// bench-results/site-<date>.json. BENCH_ADAPTERS=sqlite,postgres selects adapters. The cached
// article and the comments are measured again with 2 worker processes (BENCH_PROCESSES=1,2).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'

import autocannon from 'autocannon'

import { buildIsCurrent } from '../build-stamp.mjs'
import { numberedPosts, rotation } from '../lib/autocannonRequests.mjs'
import { adminAuth, startBenchServer, stopBenchServer } from '../lib/benchServer.mjs'
import { peakRssMB, peakRssOfTreeMB } from '../lib/processStats.mjs'
import {
  COMMENTS_PATH,
  guestComment,
  readerTicket,
  seedScaleDatabase,
  signInReaders,
  TICKETS_PATH,
  viewBeaconHeaders,
  viewBeaconPath,
} from '../lib/siteWrites.mjs'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32)
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3)
const SECONDS = Number(process.env.BENCH_SECONDS || 10)
const WRITES = Number(process.env.BENCH_WRITES || 2000)
const SCALE = process.env.BENCH_SCALE || '1'
// BENCH_PROCESSES: the WEB_CONCURRENCY values the cached article and comment rows are repeated with.
const PROCESS_COUNTS = (process.env.BENCH_PROCESSES || '1,2').split(',').map(Number)
const POSTGRES = process.env.BENCH_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/sarkhat_bench_site'
const SEARCHES = [
  'دهیاری',
  'سامانه استان',
  'كشور',
  'توسعه روستا',
  'بودجه ۱۴۰۰',
  'آموزش',
  'پروژه عمرانی',
  'مدیران',
  'اشتغال',
  'گزارش نظارت',
]

if (!buildIsCurrent() && spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0)
  process.exit(1)
if (spawnSync(process.execPath, ['scripts/bundle-server.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1)

const run = (opts) =>
  new Promise((resolve, reject) =>
    autocannon({ connections: CONNECTIONS, ...opts }, (err, result) => (err ? reject(err) : resolve(result))),
  )
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function readScenario(server, name, opts, { warmAll = 0 } = {}) {
  // Warm-up: five seconds, or (warmAll) first one request per page of a rotation, as readers
  // would have fetched them before: a page is rendered once, then served from Next's cache.
  await run({ url: server.url, ...opts, ...(warmAll ? { amount: warmAll } : { duration: 5 }) })
  const rounds = []
  for (let i = 0; i < ROUNDS; i++) rounds.push(await run({ url: server.url, duration: SECONDS, ...opts }))
  const errors = rounds.reduce((sum, r) => sum + r.errors + r.non2xx + r.timeouts, 0)
  return {
    scenario: name,
    'req/s': Math.round(median(rounds.map((r) => r.requests.average))),
    p50ms: median(rounds.map((r) => r.latency.p50)),
    p99ms: median(rounds.map((r) => r.latency.p99)),
    errors,
  }
}

async function writeScenario(name, opts, countStored, amount = WRITES) {
  const before = await countStored()
  const result = await run({ amount, ...opts })
  const stored = (await countStored()) - before
  return {
    scenario: name,
    'req/s': Math.round(result['2xx'] / (result.duration || 1)),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    successful: result['2xx'],
    stored,
    exact: stored === result['2xx'],
  }
}

async function benchAdapter(kind) {
  const uri = kind === 'sqlite' ? 'file:./data/bench-site.db' : POSTGRES
  const { env, seedSeconds } = await seedScaleDatabase(uri, SCALE)
  const server = await startBenchServer(uri, { env })
  const pid = server.child.pid
  try {
    const auth = await adminAuth(server)
    const api = async (path) => (await fetch(`${server.url}${path}`, { headers: auth })).json()
    const slugs = (await api('/api/articles?limit=1000&sort=-publishedAt&depth=0&select[slug]=true')).docs.map(
      (a) => `/news/${encodeURIComponent(a.slug)}`,
    )
    const [target] = (await api('/api/articles?limit=1&sort=-publishedAt&depth=0&select[slug]=true')).docs
    const departments = (await api('/api/departments?limit=10&depth=0')).docs.map((d) => d.id)
    // Readers sign in once (as the site's pages would keep their session); ten tickets an hour each.
    const readers = Math.min(Math.ceil(WRITES / 8), Math.max(1, Math.round(1000 * Number(SCALE))))
    const tokens = await signInReaders(server, readers)

    const results = []
    // Each scenario's row carries the server's peak memory so far: where it grows shows.
    const push = (row) => results.push({ ...row, peakMB: peakRssMB(pid) })
    push(await readScenario(server, 'article (same page)', { requests: [{ method: 'GET', path: slugs[0] }] }))
    push(
      await readScenario(
        server,
        'article (rotation over 1,000)',
        { requests: rotation(slugs) },
        { warmAll: slugs.length },
      ),
    )
    push(await readScenario(server, 'home page', { requests: [{ method: 'GET', path: '/' }] }))
    push(
      await readScenario(server, 'search page', {
        requests: rotation(SEARCHES.map((q) => `/search?q=${encodeURIComponent(q)}`)),
      }),
    )

    const views = async () => (await api(`/api/articles/${target.id}?depth=0`)).views
    push(
      // Five times as many: at its speed, the usual count would be over in two seconds.
      await writeScenario(
        'view beacon',
        { url: `${server.url}${viewBeaconPath(target.id)}`, method: 'POST', headers: viewBeaconHeaders },
        views,
        WRITES * 5,
      ),
    )

    const comments = async () => (await api(`/api/comments/count?where[article][equals]=${target.id}`)).totalDocs
    push(
      await writeScenario(
        'guest comment',
        {
          url: server.url,
          // Readers behind the site's proxy: each from an address of their own (rate limits apply per address).
          requests: numberedPosts(COMMENTS_PATH, (n) => guestComment(n, target.id)),
        },
        comments,
      ),
    )

    const tickets = async () => (await api('/api/tickets/count')).totalDocs
    push(
      await writeScenario(
        'ticket by a signed-in reader',
        {
          url: server.url,
          requests: numberedPosts(TICKETS_PATH, (n) =>
            readerTicket(n, tokens[n % tokens.length], departments[n % departments.length]),
          ),
        },
        tickets,
      ),
    )
    // The server's memory is read before the check below, which loads every benchmark ticket.
    const peakMB = peakRssMB(pid)

    // Every core: the same cached article and guest comments with WEB_CONCURRENCY workers.
    for (const processes of PROCESS_COUNTS.filter((n) => n > 1)) {
      const cluster = await startBenchServer(uri, { env: server.env, processes })
      try {
        const label = `, ${processes} processes`
        const row = (r) => results.push({ ...r, peakMB: peakRssOfTreeMB(cluster.child.pid) })
        row(
          await readScenario(cluster, `article (same page)${label}`, { requests: [{ method: 'GET', path: slugs[0] }] }),
        )
        row(
          await writeScenario(
            `guest comment${label}`,
            { url: cluster.url, requests: numberedPosts(COMMENTS_PATH, (n) => guestComment(n + WRITES, target.id)) },
            comments,
          ),
        )
      } finally {
        await stopBenchServer(cluster)
      }
    }
    // Tracking codes are never shared.
    const codes = await api('/api/tickets/count?where[subject][like]=درخواست محک')
    const distinctCodes = new Set(
      (
        await api(`/api/tickets?limit=${codes.totalDocs}&where[subject][like]=درخواست محک&depth=0&select[code]=true`)
      ).docs.map((t) => t.code),
    ).size

    return {
      adapter: kind,
      seedSeconds,
      peakRssMB: peakMB,
      ticketCodesUnique: distinctCodes === codes.totalDocs,
      results,
    }
  } finally {
    await stopBenchServer(server)
  }
}

const TARGETS = {
  'article (same page)': (r) => r['req/s'] >= 2000 && r.p99ms <= 50,
  'article (rotation over 1,000)': (r) => r['req/s'] >= 1000,
  'view beacon': (r) => r['req/s'] >= 1000 && r.exact,
  'guest comment': (r) => r['req/s'] >= 200 && r.exact,
  'ticket by a signed-in reader': (r) => r['req/s'] >= 200 && r.exact,
}

const adapters = (process.env.BENCH_ADAPTERS || 'sqlite,postgres').split(',')
const runs = []
for (const kind of adapters) {
  const outcome = await benchAdapter(kind)
  runs.push(outcome)
  console.log(
    `\n${kind}: بارگذاری ${outcome.seedSeconds} ثانیه، بیشینه حافظه ${outcome.peakRssMB} MB، کدهای رهگیری یکتا: ${outcome.ticketCodesUnique ? 'بله' : 'خیر'}`,
  )
  console.table(
    outcome.results.map((r) => ({
      ...r,
      target: TARGETS[r.scenario] ? (TARGETS[r.scenario](r) ? 'met' : 'MISSED') : '',
    })),
  )
}
fs.mkdirSync('bench-results', { recursive: true })
const file = `bench-results/site-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
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
      connections: CONNECTIONS,
      rounds: ROUNDS,
      seconds: SECONDS,
      writes: WRITES,
      runs,
    },
    null,
    2,
  ),
)
console.log(`نتیجه در ${file} نوشته شد.`)
// Lost or duplicated records fail the run; speed targets are reported, not enforced.
process.exit(runs.every((r) => r.ticketCodesUnique && r.results.every((x) => x.exact !== false)) ? 0 : 1)
