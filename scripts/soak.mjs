// npm run soak — the site under steady mixed load for SOAK_MINUTES (20) on PostgreSQL (issue #11,
// part 5): reads (one article, a rotation over 1,000 articles, the home page) by autocannon at fixed
// rates, and public writes (view beacons, guest comments, tickets by signed-in readers) by paced
// client loops that record every answer. Database: SOAK_POSTGRES_URI (sarkhat_soak on the shared
// server), recreated and loaded with `npm run seed -- --scale=${SOAK_SCALE}` (1) like the bench.
//
// "Half of peak": each scenario's peak is its run D figure in docs/performance.md, measured with
// that scenario alone saturating this machine, so one request of scenario i costs about 1/peak_i
// of the machine's second. The mix gives every scenario a share of the machine (SHARES, summing to
// 1) and runs it at SOAK_LOAD (0.5) × share × peak: together, half of the machine's capacity.
//
// Every minute: the server's RSS (VmRSS) and p99 per scenario. Pass: no failed request (4xx by
// design are counted apart), RSS of the last minute within 10% of the first minute after the
// warm-up (SOAK_WARMUP_MINUTES, 1), each scenario's p99 over the last minutes within 1.5× of the
// first minutes after the warm-up (windows of up to five minutes), and every acknowledged write
// stored exactly once. Figures on the console, in docs/reliability.md and bench-results/.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'

import autocannon from 'autocannon'

import { buildIsCurrent } from './build-stamp.mjs'
import { rotation } from './lib/autocannonRequests.mjs'
import { startBenchServer, stopBenchServer } from './lib/benchServer.mjs'
import { machineTicks, processTicks, rssMB } from './lib/processStats.mjs'
import { machineNote, markdownTable, writeReliabilitySection } from './lib/reliabilityDoc.mjs'
import { mixedWriteLoad, runTag, seedScaleDatabase, siteFixture } from './lib/siteWrites.mjs'
import { checkStoredWrites, viewsOf } from './lib/storedWrites.mjs'
import { isOk } from './lib/writeLoad.mjs'

const MINUTES = Number(process.env.SOAK_MINUTES || 20)
const WARMUP = Number(process.env.SOAK_WARMUP_MINUTES || 1)
const LOAD = Number(process.env.SOAK_LOAD || 0.5)
const SCALE = process.env.SOAK_SCALE || '1'
const URI = process.env.SOAK_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/sarkhat_soak'
/** Run D peaks on PostgreSQL (docs/performance.md), requests/s. */
const PEAKS = { article: 3600, rotation: 3000, home: 2300, beacon: 1650, comment: 150, ticket: 95 }
/** Each scenario's share of the machine; the writes get more than their traffic share, being the risk. */
const SHARES = { article: 0.24, rotation: 0.16, home: 0.1, beacon: 0.2, comment: 0.16, ticket: 0.14 }
const RATES = Object.fromEntries(Object.entries(PEAKS).map(([k, peak]) => [k, +(LOAD * SHARES[k] * peak).toFixed(1)]))
const READS = ['article', 'rotation', 'home']
const WRITES = ['beacon', 'comment', 'ticket']
const RSS_GROWTH_LIMIT = 0.1
const P99_DRIFT_LIMIT = 1.5
const TICKETS_PER_READER = 9 // under the hourly limit of 10 (TICKET_RATE_LIMIT_PER_HOUR)

if (!buildIsCurrent() && spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0)
  process.exit(1)
if (spawnSync(process.execPath, ['scripts/bundle-server.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1)

async function soak(server) {
  const readers = Math.min(
    Math.round(1000 * Number(SCALE)),
    Math.ceil((RATES.ticket * MINUTES * 60) / TICKETS_PER_READER),
  )
  const site = await siteFixture(server, { readers })
  const slugs = (await site.api('/api/articles?limit=1000&sort=-publishedAt&depth=0&select[slug]=true')).docs.map(
    (a) => `/news/${encodeURIComponent(a.slug)}`,
  )
  // Each page of the rotation once, as readers would have fetched them before: a page is rendered
  // once, then served from the cache (rendering 1,000 pages is the warm-up of a different test).
  await new Promise((resolve, reject) =>
    autocannon({ url: server.url, connections: 8, amount: slugs.length, requests: rotation(slugs) }, (err) =>
      err ? reject(err) : resolve(),
    ),
  )
  const tag = runTag('soak')
  const viewsBefore = await viewsOf(URI, site.articleId)
  console.log(`پایداری: ${MINUTES} دقیقه، نرخ‌ها ${JSON.stringify(RATES)}، ${readers} خواننده`)

  const started = Date.now()
  const minuteOf = (t) => Math.floor((t - started) / 60_000)
  const minutes = Array.from({ length: MINUTES }, () => ({
    rssMB: 0,
    latencies: Object.fromEntries([...READS, ...WRITES].map((k) => [k, []])),
    failures: {},
  }))
  const fail = (minute, kind, what) => countFailure(minutes[minute], kind, what)

  const readRequests = {
    article: [{ method: 'GET', path: slugs[0] }],
    rotation: rotation(slugs),
    home: [{ method: 'GET', path: '/' }],
  }
  const reading = READS.map((kind) => {
    const instance = autocannon(
      {
        url: server.url,
        connections: 8,
        overallRate: RATES[kind],
        duration: MINUTES * 60,
        requests: readRequests[kind],
      },
      () => undefined,
    )
    instance.on('response', (_client, status, _bytes, ms) => {
      const m = minuteOf(Date.now())
      if (m >= MINUTES) return
      if (status >= 200 && status < 400) minutes[m].latencies[kind].push(ms)
      else fail(m, kind, status)
    })
    instance.on('reqError', (error) => fail(Math.min(minuteOf(Date.now()), MINUTES - 1), kind, error.code ?? 'error'))
    return new Promise((resolve) => instance.on('done', resolve))
  })
  const writes = mixedWriteLoad({
    baseUrl: () => server.url,
    site,
    tag,
    rates: RATES,
    workers: { beacon: 16, comment: 8, ticket: 8 },
  })

  // Per minute, besides the server's memory: how busy the machine's cores were, and how much of
  // that was the server itself (the rest: PostgreSQL, the load generator, other people's work).
  let ticks = { machine: machineTicks(), server: processTicks(server.child.pid) }
  for (let m = 0; m < MINUTES; m++) {
    await new Promise((r) => setTimeout(r, started + (m + 1) * 60_000 - Date.now()))
    minutes[m].rssMB = rssMB(server.child.pid)
    const now = { machine: machineTicks(), server: processTicks(server.child.pid) }
    const total = now.machine.total - ticks.machine.total
    minutes[m].cpu = {
      machinePct: Math.round((100 * (now.machine.busy - ticks.machine.busy)) / total),
      serverPct: Math.round((100 * (now.server - ticks.server)) / total),
    }
    ticks = now
    console.log(
      `دقیقه ${m + 1}: RSS ${minutes[m].rssMB} MB، CPU ${minutes[m].cpu.machinePct}% (سرور ${minutes[m].cpu.serverPct}%)، p99 ${JSON.stringify(p99s(minutes, m, m + 1, READS))} ${JSON.stringify(p99s(minutes, m, m + 1, WRITES, writes.records, minuteOf))}`,
    )
  }
  const records = await writes.stop()
  await Promise.all(reading)
  return evaluate({ minutes, records, minuteOf, site, tag, viewsBefore, readers })
}

function countFailure(minute, kind, what) {
  const bucket = (minute.failures[kind] ??= {})
  bucket[what] = (bucket[what] ?? 0) + 1
}

const percentile99 = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]) : null
}

/** p99 per kind over minutes [from, to): reads from autocannon's answers, writes from the records. */
function p99s(minutes, from, to, kinds, records, minuteOf) {
  return Object.fromEntries(
    kinds.map((kind) => {
      const values = records
        ? records
            .filter((r) => r.kind === kind && isOk(r) && minuteOf(r.start) >= from && minuteOf(r.start) < to)
            .map((r) => r.end - r.start)
        : minutes.slice(from, to).flatMap((m) => m.latencies[kind])
      return [kind, percentile99(values)]
    }),
  )
}

async function evaluate({ minutes, records, minuteOf, site, tag, viewsBefore, readers }) {
  for (const r of records.filter((x) => !isOk(x)))
    countFailure(minutes[Math.min(minuteOf(r.start), MINUTES - 1)], r.kind, r.status || r.error)
  const kinds = [...READS, ...WRITES]
  const answered = Object.fromEntries(
    kinds.map((k) => [
      k,
      READS.includes(k)
        ? minutes.reduce((n, m) => n + m.latencies[k].length, 0)
        : records.filter((r) => r.kind === k && isOk(r)).length,
    ]),
  )
  const failures = {}
  for (const m of minutes)
    for (const [kind, bucket] of Object.entries(m.failures))
      for (const [what, n] of Object.entries(bucket))
        failures[`${kind} ${what}`] = (failures[`${kind} ${what}`] ?? 0) + n
  const byDesign = Object.entries(failures)
    .filter(([key]) => /\s4\d\d$/.test(key))
    .reduce((n, [, v]) => n + v, 0)
  const errors = Object.values(failures).reduce((n, v) => n + v, 0) - byDesign

  const span = Math.max(1, Math.min(5, Math.floor((MINUTES - WARMUP) / 2)))
  const first = [WARMUP, WARMUP + span]
  const last = [MINUTES - span, MINUTES]
  const window = (from, to) => ({
    ...p99s(minutes, from, to, READS),
    ...p99s(minutes, from, to, WRITES, records, minuteOf),
  })
  const p99First = window(...first)
  const p99Last = window(...last)
  const rssFirst = minutes[WARMUP].rssMB
  const rssLast = minutes[MINUTES - 1].rssMB
  const rssGrowth = (rssLast - rssFirst) / rssFirst
  const stored = await checkStoredWrites(URI, records, { tag, articleId: site.articleId, viewsBefore })
  const checks = [
    {
      what: 'no failed request (5xx, network error, timeout)',
      ok: errors === 0,
      detail: `${errors} failed; 4xx by design: ${byDesign}; ${JSON.stringify(failures)}`,
    },
    {
      what: `RSS growth after warm-up under ${RSS_GROWTH_LIMIT * 100}%`,
      ok: rssGrowth < RSS_GROWTH_LIMIT,
      detail: `minute ${WARMUP + 1}: ${rssFirst} MB, minute ${MINUTES}: ${rssLast} MB (${(rssGrowth * 100).toFixed(1)}%)`,
    },
    {
      what: `p99 of the last ${span} min within ${P99_DRIFT_LIMIT}× of the first ${span} min after warm-up`,
      ok: kinds.every((k) => p99Last[k] !== null && p99Last[k] <= P99_DRIFT_LIMIT * Math.max(p99First[k], 1)),
      detail: kinds.map((k) => `${k} ${p99First[k]} → ${p99Last[k]} ms`).join(', '),
    },
    {
      what: 'every acknowledged write stored exactly once, ticket codes unique, views ≥ acknowledged',
      ok: stored.exact,
      detail: JSON.stringify(stored),
    },
  ]
  const perMinute = minutes.map((m, i) => ({
    minute: i + 1,
    rssMB: m.rssMB,
    'machine CPU %': m.cpu.machinePct,
    'server CPU %': m.cpu.serverPct,
    ...window(i, i + 1),
  }))
  return { pass: checks.every((c) => c.ok), checks, perMinute, answered, rates: RATES, readers, stored }
}

function report(outcome, seedSeconds) {
  console.log(`\nپایداری: ${outcome.pass ? 'PASS' : 'FAIL'}`)
  console.table(outcome.checks.map((c) => ({ check: c.what, ok: c.ok ? 'yes' : 'NO', detail: c.detail.slice(0, 200) })))
  console.table(outcome.perMinute)
  fs.mkdirSync('bench-results', { recursive: true })
  const file = `bench-results/soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
  const machine = {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  }
  fs.writeFileSync(
    file,
    JSON.stringify(
      { machine, minutes: MINUTES, warmupMinutes: WARMUP, load: LOAD, scale: SCALE, seedSeconds, ...outcome },
      null,
      2,
    ),
  )
  console.log(`نتیجه در ${file} نوشته شد.`)
  const rateRow = Object.fromEntries(
    Object.entries(RATES).map(([k, r]) => [k, `${r}/s (${SHARES[k]} × ${PEAKS[k]} × ${LOAD})`]),
  )
  writeReliabilitySection(
    'soak',
    [
      `### Soak, ${MINUTES} minutes: ${outcome.pass ? 'PASS' : 'FAIL'}`,
      `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${machineNote()}. PostgreSQL on the shared server, seeded at scale ${SCALE} in ${seedSeconds} s; ${outcome.readers} signed-in readers; warm-up ${WARMUP} min.`,
      '',
      'Rates asked (share of the machine × run D peak × load):',
      '',
      markdownTable([rateRow]),
      '',
      markdownTable(
        outcome.checks.map((c) => ({
          check: c.what,
          result: c.ok ? 'pass' : '**FAIL**',
          detail: c.detail.replaceAll('|', '/'),
        })),
      ),
      '',
      `Answered 2xx (and the rate achieved, per second): ${Object.entries(outcome.answered)
        .map(([k, n]) => `${k} ${n} (${(n / (MINUTES * 60)).toFixed(1)})`)
        .join(', ')}.`,
      '',
      "Per minute (server RSS in MB; CPU busy of both cores together, the machine's and the server's own; p99 in ms per scenario):",
      '',
      markdownTable(outcome.perMinute),
    ].join('\n'),
  )
}

const { env, seedSeconds } = await seedScaleDatabase(URI, SCALE)
const server = await startBenchServer(URI, { env })
let outcome
try {
  outcome = await soak(server)
} finally {
  await stopBenchServer(server)
}
report(outcome, seedSeconds)
process.exit(outcome.pass ? 0 : 1)
