import { Redis } from 'ioredis'
import pg from 'pg'

import { advisoryLock } from '../../src/db/advisoryLock'
import { databaseKind } from '../../src/db/kind'
import { JOBS_ADVISORY_LOCK_KEY } from '../../src/jobs/runLock'
import { toPersianDigits } from '../../src/lib/persian/digits'
import { redisLock } from '../../src/server/redisLock'
import { type Agent, createStaff, signIn, signInAsAdmin } from '../helpers/accounts'
import { type ArticleDoc, createArticle } from '../helpers/content'
import { separateWorkingFolder } from '../helpers/instances'
import { type MailCatcher, startMailCatcher } from '../helpers/mailCatcher'
import { type RunningServer, startServer } from '../helpers/server'
import { fileTicket, postMessage, signedInReader, type TicketDoc } from '../helpers/tickets'

/**
 * Jobs run once however many instances run them (README: Running several instances → Jobs run
 * once): two runners on one database publish each scheduled article once and close each idle
 * ticket with one email, under the Redis lock or PostgreSQL's advisory lock; a web-only instance
 * (JOBS_RUNNER=false) queues jobs but runs none.
 */
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/14'
const postgres = databaseKind(process.env.DATABASE_URI) === 'postgres'
/** Runs on PostgreSQL only; elsewhere skipped, with the reason in the title. */
const onPostgres = (title: string, tests: () => void) =>
  postgres ? describe(title, tests) : describe.skip(`${title} — skipped: DATABASE_URI is not PostgreSQL`, tests)
const ARTICLES = 6
const TICKETS = 4
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const unique = () => Math.random().toString(36).slice(2, 8)

let mail: MailCatcher
let redisClient: Redis
const smtp = () => ({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.port), SMTP_SECURE: 'false' })
// Crons in seconds (a 6th leading field), so jobs run within a second or two of their time.
const FAST_JOBS = { JOBS_AUTORUN_CRON: '* * * * * *', TICKET_AUTO_CLOSE_CRON: '* * * * * *' }

beforeAll(async () => {
  mail = await startMailCatcher()
  redisClient = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 })
  await redisClient.flushdb()
})
afterAll(async () => {
  await mail?.close()
  await redisClient?.quit()
})

async function until(what: string, done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await done()) return
    await sleep(500)
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** The lines of a server's log that report a failed job or job run. */
const jobErrors = (server: RunningServer) =>
  server
    .output()
    .split('\n')
    .filter((line) => /Error running job|Error in job queue cron|error running jobs|قفل اجرای کارها/i.test(line))

/**
 * Watches who holds the job lock while the runners work, by the lock's own record: the Redis key
 * (its value names the holder's process) or PostgreSQL's lock table. `stop()` gives the holders seen.
 */
function watchJobLock(kind: 'redis' | 'advisory') {
  const holders = new Set<string>()
  let db: pg.Client | undefined
  const look = async () => {
    if (kind === 'redis') {
      const value = await redisClient.get('sarkhat:jobs:run-lock')
      if (value) holders.add(value.split(':').at(-2)!)
      return
    }
    db ??= await (async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URI })
      await client.connect()
      return client
    })()
    const { rows } = await db.query(
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = $1 AND objsubid = 1",
      [JOBS_ADVISORY_LOCK_KEY],
    )
    for (const { pid } of rows) holders.add(String(pid))
  }
  let watching = true
  const done = (async () => {
    while (watching) {
      await look()
      await sleep(25)
    }
  })()
  return {
    async stop() {
      watching = false
      await done
      await db?.end()
      return holders
    },
  }
}

async function setAutoCloseDays(admin: Agent, autoCloseDays: number) {
  const res = await admin.post('/api/globals/site-settings').send({ tickets: { reopenDays: 7, autoCloseDays } })
  expect(res.status).toBe(200)
}

/**
 * Two runners on this database: N drafts scheduled to publish a few seconds ahead (half through
 * each instance) and answered tickets that become idle; each must happen once.
 */
async function twoRunnersRunEachJobOnce(lock: 'redis' | 'advisory') {
  // Jobs this case queues; the suite's other files leave jobs of their own in the shared database.
  const queuedFrom = new Date()
  const runnerEnv = { ...smtp(), ...FAST_JOBS, ...(lock === 'redis' ? { REDIS_URL } : {}) }
  const first = await startServer(runnerEnv)
  let second: RunningServer | undefined
  let admin: Agent | undefined
  try {
    second = await startServer(runnerEnv, { cwd: separateWorkingFolder('jobs-runner') })
    admin = await signInAsAdmin(first.url)
    const support = await signIn(first.url, 'users', (await createStaff(admin, 'support', 'کارشناس آزمون کارها')).email)
    const { docs: departments } = (await admin.get('/api/departments?limit=1&depth=0')).body
    const { agent: reader } = await signedInReader(first.url, 'خواننده آزمون کارها')
    const tickets: TicketDoc[] = []
    for (let i = 0; i < TICKETS; i++) {
      const ticket = await fileTicket(reader, departments[0].id, { subject: `درخواست آزمون کارها ${unique()}` })
      expect((await postMessage(support, ticket.id, 'پاسخ کارشناس')).status).toBe(201)
      tickets.push(ticket)
    }

    const watcher = watchJobLock(lock)
    const articles: ArticleDoc[] = []
    const schedulers = [admin, await signInAsAdmin(second.url)]
    const at = new Date(Date.now() + 4000).toISOString()
    for (let i = 0; i < ARTICLES; i++) {
      const draft = await createArticle(admin, { title: `خبر زمان‌بندی‌شده دو اجراکننده ${unique()}` }, { draft: true })
      const queued = await schedulers[i % 2]!.post(`/api/articles/${draft.id}/schedule`).send({ type: 'publish', at })
      expect(queued.status).toBe(201)
      articles.push(draft)
    }
    // Idle at once: every answered ticket is due for closing.
    await setAutoCloseDays(admin, 0)

    const published = async (id: number) =>
      (await admin!.get(`/api/articles/${id}?depth=0&draft=true`)).body._status === 'published'
    await until('the scheduled articles', async () =>
      (await Promise.all(articles.map((a) => published(a.id)))).every(Boolean),
    )
    const closeNotice = (code: string) => `درخواست ${toPersianDigits(code)} بسته شد`
    const notices = (code: string) => mail.messages.filter((m) => m.subject === closeNotice(code)).length
    await until('the close notices', async () => tickets.every((t) => notices(t.code) > 0))
    // Several more ticks of both runners: a second run of any job would show now.
    await sleep(4000)
    const holders = await watcher.stop()
    // The runners took the lock (the Redis key names their processes).
    expect(holders.size).toBeGreaterThan(0)
    if (lock === 'redis')
      expect([...holders].every((pid) => [first.process.pid, second!.process.pid].map(String).includes(pid))).toBe(true)

    for (const article of articles) {
      const versions = await admin.get(
        `/api/articles/versions?where[parent][equals]=${article.id}&where[version._status][equals]=published&limit=0`,
      )
      expect(versions.status).toBe(200)
      expect(versions.body.totalDocs).toBe(1)
    }
    for (const ticket of tickets) {
      expect(notices(ticket.code)).toBe(1)
      expect((await support.get(`/api/tickets/${ticket.id}?depth=0`)).body.status).toBe('closed')
    }
    expect(jobErrors(first)).toEqual([])
    expect(jobErrors(second)).toEqual([])
    const db = new pg.Client({ connectionString: process.env.DATABASE_URI })
    await db.connect()
    try {
      const { rows } = await db.query(
        'SELECT count(*)::int AS n FROM payload_jobs WHERE has_error AND created_at >= $1',
        [queuedFrom],
      )
      expect(rows[0].n).toBe(0)
    } finally {
      await db.end()
    }
  } finally {
    if (admin) await setAutoCloseDays(admin, 7).catch(() => undefined)
    await Promise.all([first.stop(), second?.stop()])
  }
}

onPostgres('two runners on one PostgreSQL database', () => {
  it('run each job once under the Redis lock', () => twoRunnersRunEachJobOnce('redis'), 150_000)
  it('run each job once under the advisory lock (no REDIS_URL)', () => twoRunnersRunEachJobOnce('advisory'), 150_000)
})

describe('a web-only instance (JOBS_RUNNER=false)', () => {
  it('queues a scheduled publish but runs no job; a runner then publishes it', async () => {
    const web = await startServer({ ...FAST_JOBS, JOBS_RUNNER: 'false' })
    let runner: RunningServer | undefined
    try {
      const admin = await signInAsAdmin(web.url)
      const draft = await createArticle(admin, { title: `خبر زمان‌بندی‌شده بی‌اجراکننده ${unique()}` }, { draft: true })
      const at = new Date(Date.now() + 1500).toISOString()
      expect((await admin.post(`/api/articles/${draft.id}/schedule`).send({ type: 'publish', at })).status).toBe(201)
      const status = async () => (await admin.get(`/api/articles/${draft.id}?depth=0&draft=true`)).body._status
      await sleep(6000)
      expect(await status()).toBe('draft')
      expect((await admin.get(`/api/articles/${draft.id}/schedule`)).body.schedules).toHaveLength(1)
      expect(web.output()).not.toMatch(/Running \d+ jobs/)

      // The job it queued is an ordinary one: a runner on the same database publishes it.
      runner = await startServer(FAST_JOBS)
      await until('the runner to publish', async () => (await status()) === 'published')
      expect(web.output()).not.toMatch(/Running \d+ jobs/)
    } finally {
      await Promise.all([web.stop(), runner?.stop()])
    }
  }, 120_000)
})

describe('the Redis lock (real Redis)', () => {
  const key = () => `sarkhat:test:lock:${unique()}`

  it('refuses a second holder until the first releases', async () => {
    const k = key()
    const lease = await redisLock(redisClient, k).tryAcquire()
    expect(lease?.held).toBe(true)
    expect(await redisLock(redisClient, k).tryAcquire()).toBeNull()
    expect(await lease!.release()).toBe(true)
    const next = await redisLock(redisClient, k).tryAcquire()
    expect(next).not.toBeNull()
    await next!.release()
  })

  it('lets no one but the holder release it', async () => {
    const k = key()
    // No renewal: the first holder's key expires, as after a long pause of its process.
    const stale = await redisLock(redisClient, k, { ttlMs: 300, renewEveryMs: 60_000 }).tryAcquire()
    await sleep(500)
    const current = await redisLock(redisClient, k).tryAcquire()
    expect(current).not.toBeNull()
    expect(await stale!.release()).toBe(false)
    expect(await redisLock(redisClient, k).tryAcquire()).toBeNull()
    expect(await current!.release()).toBe(true)
  })

  it('keeps it past its TTL while renewed, and tells the holder when it is lost', async () => {
    const k = key()
    let lost = false
    const lease = await redisLock(redisClient, k, {
      ttlMs: 300,
      renewEveryMs: 100,
      onLost: () => (lost = true),
    }).tryAcquire()
    await sleep(1000)
    expect(await redisLock(redisClient, k).tryAcquire()).toBeNull()
    expect(lease!.held).toBe(true)
    await redisClient.set(k, 'someone else')
    await sleep(300)
    expect(lost).toBe(true)
    expect(lease!.held).toBe(false)
    expect(await redisClient.get(k)).toBe('someone else')
  })
})

onPostgres('the advisory lock (real PostgreSQL)', () => {
  it('refuses a second holder on another connection until the first releases', async () => {
    const KEY = 7_344_299 // not the app's: a server of another test may be running
    const one = advisoryLock(process.env.DATABASE_URI!, KEY)
    const two = advisoryLock(process.env.DATABASE_URI!, KEY)
    try {
      const lease = await one.tryAcquire()
      expect(lease).not.toBeNull()
      expect(await two.tryAcquire()).toBeNull()
      expect(await lease!.release()).toBe(true)
      const next = await two.tryAcquire()
      expect(next).not.toBeNull()
      expect(await next!.release()).toBe(true)
    } finally {
      await Promise.all([one.close(), two.close()])
    }
  })
})
