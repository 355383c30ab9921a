// npm run bench:views — the view beacon under load, on SQLite and PostgreSQL, against the
// production server. Reports counted views per second and latency, then checks that the stored
// counter equals the number of successful (counted) beacon requests.
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'

import autocannon from 'autocannon'

import { buildIsCurrent } from '../build-stamp.mjs'
import { emptyDatabase } from '../lib/emptyDatabase.mjs'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32)
// A fixed number of requests, not a duration: autocannon abandons the requests in flight when a
// duration ends, and the server still counts them, so only `amount` gives an exact comparison.
const REQUESTS = Number(process.env.BENCH_REQUESTS || 4000)
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36'
const POSTGRES = process.env.BENCH_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/sarkhat_bench'

if (!buildIsCurrent() && spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1)

const freePort = () =>
  new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })

async function freshDatabase(kind) {
  const uri = kind === 'sqlite' ? 'file:./data/bench-views.db' : POSTGRES
  await emptyDatabase(uri)
  return uri
}

async function startServer(databaseURI) {
  const port = await freePort()
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    ENV_FILE: 'none',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URI: databaseURI,
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'bench@sarkhat.test',
    ADMIN_PASSWORD: crypto.randomBytes(12).toString('base64url'),
    SEED_DEMO: 'false',
    MEDIA_DIR: 'data/bench-media',
  }
  const child = spawn(process.execPath, ['--conditions=production', 'dist/server.mjs'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child, env }
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  child.kill('SIGKILL')
  throw new Error('server did not start')
}

const run = (opts) => new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))))

async function benchAdapter(kind) {
  const server = await startServer(await freshDatabase(kind))
  try {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: server.env.ADMIN_EMAIL, password: server.env.ADMIN_PASSWORD }),
    })
    const { token } = await login.json()
    const auth = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
    const created = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'خبر محک بازدید', _status: 'published' }) })
    const { doc } = await created.json()
    const target = { url: `${server.url}/api/articles/${doc.id}/view`, method: 'POST', headers: { 'user-agent': BROWSER }, connections: CONNECTIONS }

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
    server.child.kill('SIGTERM')
    await new Promise((r) => server.child.once('exit', r))
  }
}

const adapters = (process.env.BENCH_ADAPTERS || 'sqlite,postgres').split(',')
const results = []
for (const kind of adapters) results.push(await benchAdapter(kind))
console.table(results)
fs.mkdirSync('bench-results', { recursive: true })
const file = `bench-results/views-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
fs.writeFileSync(file, JSON.stringify({ machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, results }, null, 2))
console.log(`نتیجه در ${file} نوشته شد.`)
process.exit(results.every((r) => r.exact && r.errors === 0) ? 0 : 1)
