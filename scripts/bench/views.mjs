// npm run bench:views — the view beacon under load, on SQLite and PostgreSQL, against the
// production server. Reports counted views per second and latency, then checks that the stored
// counter equals the number of successful (counted) beacon requests.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

import autocannon from 'autocannon'

import { buildIsCurrent } from '../build-stamp.mjs'
import { adminAuth, startBenchServer, stopBenchServer } from '../lib/benchServer.mjs'
import { emptyDatabase } from '../lib/emptyDatabase.mjs'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32)
// A fixed number of requests, not a duration: autocannon abandons the requests in flight when a
// duration ends, and the server still counts them, so only `amount` gives an exact comparison.
const REQUESTS = Number(process.env.BENCH_REQUESTS || 4000)
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36'
const POSTGRES = process.env.BENCH_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/sarkhat_bench'

if (!buildIsCurrent() && spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0)
  process.exit(1)

async function freshDatabase(kind) {
  const uri = kind === 'sqlite' ? 'file:./data/bench-views.db' : POSTGRES
  await emptyDatabase(uri)
  return uri
}

const run = (opts) =>
  new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))))

async function benchAdapter(kind) {
  const server = await startBenchServer(await freshDatabase(kind))
  try {
    const auth = await adminAuth(server)
    const created = await fetch(`${server.url}/api/articles`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'خبر محک بازدید', _status: 'published' }),
    })
    const { doc } = await created.json()
    const target = {
      url: `${server.url}/api/articles/${doc.id}/view`,
      method: 'POST',
      headers: { 'user-agent': BROWSER },
      connections: CONNECTIONS,
    }

    const warmup = await run({ ...target, amount: 300 })
    const result = await run({ ...target, amount: REQUESTS })
    const stored = (await (await fetch(`${server.url}/api/articles/${doc.id}?depth=0`, { headers: auth })).json()).views
    const counted = warmup['2xx'] + result['2xx']
    return {
      adapter: kind,
      connections: CONNECTIONS,
      requests: REQUESTS,
      viewsPerSecond: Math.round(result['2xx'] / (result.duration || 1)),
      p50ms: result.latency.p50,
      p99ms: result.latency.p99,
      errors: result.errors + result.non2xx,
      successful: counted,
      stored,
      exact: stored === counted,
    }
  } finally {
    await stopBenchServer(server)
  }
}

const adapters = (process.env.BENCH_ADAPTERS || 'sqlite,postgres').split(',')
const results = []
for (const kind of adapters) results.push(await benchAdapter(kind))
console.table(results)
fs.mkdirSync('bench-results', { recursive: true })
const file = `bench-results/views-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
fs.writeFileSync(
  file,
  JSON.stringify(
    { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, results },
    null,
    2,
  ),
)
console.log(`نتیجه در ${file} نوشته شد.`)
process.exit(results.every((r) => r.exact && r.errors === 0) ? 0 : 1)
