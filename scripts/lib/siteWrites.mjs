// The site's public writes as the load scripts send them (bench, drill, soak), and the database
// they need: loaded at scale, with readers signed in.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'

import { adminAuth, startBenchServer, stopBenchServer } from './benchServer.mjs'
import { emptyDatabase } from './emptyDatabase.mjs'
import { startWriteLoad } from './writeLoad.mjs'

export const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36'
const READER_PASSWORD = 'Khanande-Azmoon-1405' // src/seed/scale.ts
const readerEmail = (n) => `khanande-${String(n).padStart(5, '0')}@scale.sarkhat.test`

/**
 * A fresh database loaded with `npm run seed -- --scale=<scale>`. Returns the environment of the
 * server that migrated it: its admin is the one the seed kept, so later starts pass it on.
 */
export async function seedScaleDatabase(uri, scale) {
  await emptyDatabase(uri)
  const server = await startBenchServer(uri)
  await stopBenchServer(server)
  const started = Date.now()
  const seeded = spawnSync(process.execPath, ['--conditions=production', 'dist/cli/seed.mjs', `--scale=${scale}`], {
    env: server.env,
    stdio: 'inherit',
  })
  if (seeded.status !== 0) throw new Error('seeding at scale failed')
  return { env: server.env, seedSeconds: Math.round((Date.now() - started) / 1000) }
}

/** Session tokens of the first `count` seeded readers (signed in once, as the site keeps a session). */
export async function signInReaders(server, count) {
  const tokens = []
  for (let n = 1; n <= count; n++) {
    const res = await fetch(`${server.url}/api/readers/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: readerEmail(n), password: READER_PASSWORD }),
    })
    if (!res.ok) throw new Error(`reader ${n} could not sign in: ${res.status}`)
    tokens.push((await res.json()).token)
  }
  return tokens
}

export const viewBeaconPath = (articleId) => `/api/articles/${articleId}/view`
export const viewBeaconHeaders = { 'user-agent': BROWSER }

export const COMMENTS_PATH = '/api/comments?depth=0'
/** A guest's comment, the nth from an address of its own behind the proxy (rate limits apply per address). */
export const guestComment = (n, articleId, body = `نظر شماره ${n} درباره این خبر`) => ({
  headers: {
    'content-type': 'application/json',
    'user-agent': BROWSER,
    'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  },
  body: JSON.stringify({ article: articleId, guestName: `خواننده ${n}`, body }),
})

export const TICKETS_PATH = '/api/tickets?depth=0'
/** A complaint filed by the reader whose session `token` is. */
export const readerTicket = (n, token, departmentId, subject = `درخواست محک ${n}`) => ({
  headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
  body: JSON.stringify({ type: 'complaint', department: departmentId, subject, message: `متن درخواست شماره ${n}` }),
})

/** What the writes go to: the newest article, the ticket departments, `readers` signed-in readers' sessions. */
export async function siteFixture(server, { readers = 20 } = {}) {
  const auth = await adminAuth(server)
  const api = async (path) => (await fetch(`${server.url}${path}`, { headers: auth })).json()
  const [article] = (await api('/api/articles?limit=1&sort=-publishedAt&depth=0&select[slug]=true')).docs
  const departments = (await api('/api/departments?limit=10&depth=0')).docs.map((d) => d.id)
  return { articleId: article.id, slug: article.slug, departments, tokens: await signInReaders(server, readers), api }
}

/** A run's marker prefix: letters and digits, unique per run, found again in the stored text. */
export const runTag = (name) => `${name}${crypto.randomBytes(3).toString('hex')}`

/**
 * Guest comments, tickets by signed-in readers and view beacons at once: `workers[kind]` client
 * loops each, paced to `rates[kind]` requests/s when given. Comments and tickets carry the marker
 * `${tag}-${n}` (scripts/lib/storedWrites.mjs finds them again).
 */
export function mixedWriteLoad({ baseUrl, site, tag, workers, rates = {} }) {
  const { articleId, departments, tokens } = site
  return startWriteLoad({
    baseUrl,
    kinds: {
      beacon: {
        workers: workers.beacon,
        rate: rates.beacon,
        request: () => ({ path: viewBeaconPath(articleId), headers: viewBeaconHeaders }),
      },
      comment: {
        workers: workers.comment,
        rate: rates.comment,
        request: (n) => ({
          path: COMMENTS_PATH,
          marker: `${tag}-${n}`,
          ...guestComment(n, articleId, `نظر آزمون پایداری ${tag}-${n}`),
        }),
      },
      ticket: {
        workers: workers.ticket,
        rate: rates.ticket,
        request: (n) => ({
          path: TICKETS_PATH,
          marker: `${tag}-${n}`,
          ...readerTicket(
            n,
            tokens[n % tokens.length],
            departments[n % departments.length],
            `درخواست آزمون پایداری ${tag}-${n}`,
          ),
        }),
      },
    },
  })
}
