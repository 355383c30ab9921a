import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { build } from 'esbuild'
import { Redis } from 'ioredis'

import { databaseKind } from '../../src/db/kind'
import { signInAsAdmin, signIn, createStaff } from '../helpers/accounts'
import { newAddress, postAsGuest } from '../helpers/comments'
import { createArticle } from '../helpers/content'
import { separateWorkingFolder } from '../helpers/instances'
import { type RunningServer, startServer } from '../helpers/server'

/** Redis 7 runs on every development and CI machine; the tests use their own database (13). */
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/13'
const LIMIT = 5

/** Removes the rate-limit counters (and nothing else) from the test Redis database. */
async function clearCounters(): Promise<void> {
  const client = new Redis(REDIS_URL, { lazyConnect: true })
  await client.connect()
  try {
    const keys = await client.keys('sarkhat:rl:*')
    if (keys.length) await client.del(...keys)
  } finally {
    client.disconnect()
  }
}

type BurstResult = { pid: number; store: string; accepted: number; limited: number; failed: string[] }

const BUNDLE = path.resolve('data', `rate-limit-burst-${process.pid}.mjs`)
beforeAll(async () => {
  // Bundled beside node_modules, which stay external (as in dist/server.mjs).
  await build({
    entryPoints: ['test/process/fixtures/rateLimitBurst.ts'],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  })
})
afterAll(() => fs.rmSync(BUNDLE, { force: true }))

/** Runs the burst script with `env`; resolves with each process's result. */
function runBurst(env: Record<string, string>): Promise<BurstResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE], {
      env: { ...process.env, NODE_OPTIONS: '', COMMENT_RATE_LIMIT_PER_MINUTE: String(LIMIT), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      if (code !== 0) return reject(new Error(`burst script exited with ${code}:\n${output}`))
      resolve(
        output
          .split('\n')
          .filter((line) => line.startsWith('{"result"'))
          .map((line) => (JSON.parse(line) as { result: BurstResult }).result),
      )
    })
  })
}

const total = (results: BurstResult[], field: 'accepted' | 'limited') => results.reduce((sum, r) => sum + r[field], 0)
const startAt = () => String(Date.now() + 1500)

describe('one counter for all processes', () => {
  it('workers of a Node cluster without Redis share the primary’s counter (startRateLimitPrimary)', async () => {
    const results = await runBurst({
      MODE: 'cluster',
      REDIS_URL: '',
      WORKERS: '2',
      BURST: '10',
      KEY: 'cluster-key',
      START_AT: startAt(),
    })
    expect(results).toHaveLength(2)
    expect(results.map((r) => r.store)).toEqual(['cluster', 'cluster'])
    expect(results.flatMap((r) => r.failed)).toEqual([])
    expect(total(results, 'accepted')).toBe(LIMIT)
    expect(total(results, 'limited')).toBe(20 - LIMIT)
  })

  it('two processes with REDIS_URL share the counter in Redis', async () => {
    await clearCounters()
    const env = { MODE: 'single', REDIS_URL, BURST: '10', KEY: `redis-key-${crypto.randomUUID()}`, START_AT: startAt() }
    const results = (await Promise.all([runBurst(env), runBurst(env)])).flat()
    expect(results.map((r) => r.store)).toEqual(['redis', 'redis'])
    expect(results.flatMap((r) => r.failed)).toEqual([])
    expect(total(results, 'accepted')).toBe(LIMIT)
    expect(total(results, 'limited')).toBe(20 - LIMIT)
  })

  it('a single process without Redis counts in its own memory', async () => {
    const results = await runBurst({
      MODE: 'single',
      REDIS_URL: '',
      BURST: '10',
      KEY: 'memory-key',
      START_AT: startAt(),
    })
    expect(results).toEqual([expect.objectContaining({ store: 'memory', accepted: LIMIT, limited: 10 - LIMIT })])
  })
})

// Two instances need one database both can write at once: PostgreSQL (a SQLite file belongs to one host).
const onPostgres = databaseKind(process.env.DATABASE_URI) === 'postgres' ? describe : describe.skip

onPostgres('two instances sharing Redis (PostgreSQL only: two hosts cannot share a SQLite file)', () => {
  let first: RunningServer
  let second: RunningServer
  beforeAll(async () => {
    await clearCounters()
    const env = { REDIS_URL, COMMENT_RATE_LIMIT_PER_MINUTE: String(LIMIT), SMTP_HOST: '' }
    // One after the other: the first applies migrations and the seed.
    first = await startServer(env, { cwd: separateWorkingFolder('limits-a') })
    second = await startServer({ ...env, JOBS_RUNNER: 'false' }, { cwd: separateWorkingFolder('limits-b') })
  }, 180_000)
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()])
  })

  it('of a burst split across both, stores exactly the limit', async () => {
    const admin = await signInAsAdmin(first.url)
    const editor = await signIn(first.url, 'users', (await createStaff(admin, 'editor', 'دبیر دو نمونه')).email)
    const news = await createArticle(editor, { title: `خبر دو نمونه ${Date.now()}` })
    const address = newAddress()
    const guestName = `دو نمونه ${crypto.randomBytes(3).toString('hex')}`
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        postAsGuest(
          n % 2 ? first.url : second.url,
          { article: news.id, guestName, body: `نظر ${n} از دو نمونه` },
          address,
        ),
      ),
    )
    expect(sent.filter((r) => r.status === 201)).toHaveLength(LIMIT)
    expect(sent.filter((r) => r.status === 429)).toHaveLength(20 - LIMIT)
    const stored = await admin.get('/api/comments').query({ where: { guestName: { equals: guestName } }, limit: 0 })
    expect(stored.body.totalDocs).toBe(LIMIT)
  })
})
