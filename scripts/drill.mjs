// npm run drill — fault drills on PostgreSQL (issue #11, part 4), each under sustained mixed
// writes (guest comments, tickets by signed-in readers, view beacons; every request and answer
// recorded, the database then read directly):
//   a. PostgreSQL stopped and started again while the app runs (scripts/drill/restartDatabase.mjs)
//   b. the app killed with SIGKILL and started again on the same database (scripts/drill/killApp.mjs)
//   c. SIGTERM: in-flight requests finish, exit 0 (scripts/drill/sigterm.mjs)
// The database is a private cluster (scripts/lib/privatePostgres.mjs), never the shared server:
// drill a stops it. Needs /usr/lib/postgresql/<version>/bin; run as root or as the postgres user.
// Reports on the console and in docs/reliability.md (one section per drill); exits 1 if a drill fails.
import { spawnSync } from 'node:child_process'

import { buildIsCurrent } from './build-stamp.mjs'
import { startBenchServer, stopBenchServer } from './lib/benchServer.mjs'
import { startPrivatePostgres } from './lib/privatePostgres.mjs'
import { machineNote, markdownTable, writeReliabilitySection } from './lib/reliabilityDoc.mjs'
import { seedScaleDatabase, siteFixture } from './lib/siteWrites.mjs'
import { killAppDrill } from './drill/killApp.mjs'
import { restartDatabaseDrill } from './drill/restartDatabase.mjs'
import { sigtermDrill } from './drill/sigterm.mjs'

const SCALE = process.env.DRILL_SCALE || '0.1'
const DRILLS = { restart: restartDatabaseDrill, kill: killAppDrill, sigterm: sigtermDrill }
const selected = (process.env.DRILLS || Object.keys(DRILLS).join(',')).split(',')

if (!buildIsCurrent() && spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0)
  process.exit(1)
if (spawnSync(process.execPath, ['scripts/bundle-server.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1)

const pg = await startPrivatePostgres({ name: 'sarkhat-drill' })
const ctx = { pg, uri: pg.uri('sarkhat_drill'), env: null, server: null, site: null }
const results = []
try {
  console.log(`PostgreSQL خصوصی روی درگاه ${pg.port} (${pg.dir})`)
  const { env } = await seedScaleDatabase(ctx.uri, SCALE)
  // The hourly per-reader ticket limit would turn most of the drills' filings into 429s by design.
  ctx.env = { ...env, TICKET_RATE_LIMIT_PER_HOUR: '0' }
  ctx.server = await startBenchServer(ctx.uri, { env: ctx.env })
  ctx.site = await siteFixture(ctx.server)
  for (const name of selected) {
    if (!ctx.server) ctx.server = await startBenchServer(ctx.uri, { env: ctx.env })
    console.log(`\nمانور ${name}…`)
    const result = await DRILLS[name](ctx)
    results.push(result)
    report(name, result)
  }
} finally {
  if (ctx.server) await stopBenchServer(ctx.server).catch(() => undefined)
  await pg.remove()
}
process.exit(results.length === selected.length && results.every((r) => r.pass) ? 0 : 1)

function report(name, result) {
  console.log(`${result.name}: ${result.pass ? 'PASS' : 'FAIL'}`)
  console.table(result.checks.map((c) => ({ check: c.what, ok: c.ok ? 'yes' : 'NO', detail: c.detail.slice(0, 160) })))
  console.log(JSON.stringify(result.figures, null, 1))
  const rows = Object.entries(result.figures.whole).map(([kind, s]) => ({
    kind,
    requests: s.requests,
    '2xx': s.ok,
    'other answers': JSON.stringify(s.statuses),
    'network errors': JSON.stringify(s.networkErrors),
    'p50 ms': s.p50ms,
    'p99 ms': s.p99ms,
    'max ms': s.maxMs,
  }))
  // `stored` is in the checks' details already.
  const { whole, stored, ...figures } = result.figures
  writeReliabilitySection(
    `drill-${name}`,
    [
      `### ${result.name}: ${result.pass ? 'PASS' : 'FAIL'}`,
      `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${machineNote()}; database seeded at scale ${SCALE}, ${process.env.DRILL_WORKERS_PER_KIND || 4} client loops per kind.`,
      '',
      markdownTable(
        result.checks.map((c) => ({
          check: c.what,
          result: c.ok ? 'pass' : '**FAIL**',
          detail: c.detail.replaceAll('|', '/'),
        })),
      ),
      '',
      'All requests of the drill:',
      '',
      markdownTable(rows),
      '',
      `Figures: \`${JSON.stringify(figures)}\``,
    ].join('\n'),
  )
}
