import net from 'node:net'

import pg from 'pg'

import { databaseKind } from '../../src/db/kind'
import { freePort, startServer } from '../helpers/server'

const ADMIN_LOGIN = JSON.stringify({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD })

describe('production secret', () => {
  it.each([
    ['unset', undefined, 'تنظیم نشده'],
    ['short', 'kootah-123', 'کوتاه'],
    ['the example value', 'change-me-to-a-long-random-string', 'نمونه'],
  ])('refuses to start with a %s PAYLOAD_SECRET', async (_case, secret, reason) => {
    const server = await startServer({ NODE_ENV: 'production', PAYLOAD_SECRET: secret }, { waitForHealth: false })
    const code = await new Promise<number | null>((resolve) => server.process.once('exit', resolve))
    expect(code).toBe(1)
    expect(server.output()).toContain('PAYLOAD_SECRET')
    expect(server.output()).toContain(reason)
  })
})

describe('graceful shutdown', () => {
  it('finishes a request that is in flight when SIGTERM arrives, then exits 0', async () => {
    const server = await startServer()
    const { port } = new URL(server.url)

    // A client that sends its body slowly keeps a request in flight across the signal.
    const socket = net.connect(Number(port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    let response = ''
    socket.on('data', (chunk) => (response += chunk))
    const closed = new Promise((resolve) => socket.once('close', resolve))
    const body = Buffer.from(ADMIN_LOGIN)
    socket.write(
      `POST /api/users/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
    )
    socket.write(body.subarray(0, 10))
    await new Promise((r) => setTimeout(r, 300))

    const exit = server.stop('SIGTERM')
    await new Promise((r) => setTimeout(r, 1000))
    expect(server.process.exitCode).toBeNull() // still draining
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow() // no longer accepting

    socket.write(body.subarray(10))
    await closed
    expect(response).toMatch(/^HTTP\/1\.1 200/)
    expect(response).toContain('"token"')
    expect(await exit).toBe(0)
    expect(server.output()).toContain('SIGTERM')
  })
})

const onPostgres = databaseKind(process.env.DATABASE_URI) === 'postgres' ? describe : describe.skip

/** A TCP relay to PostgreSQL that the test can cut and restore, like a database outage. */
async function databaseRelay(target: URL, port: number) {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname)
        for (const s of [client, upstream]) {
          sockets.add(s)
          s.on('close', () => sockets.delete(s))
          s.on('error', () => undefined)
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(port, '127.0.0.1', resolve)
    })
  const cut = async () => {
    const closed = new Promise((resolve) => server!.close(resolve))
    for (const s of sockets) s.destroy()
    await closed
  }
  await open()
  return { open, cut }
}

onPostgres('readiness during a database outage (PostgreSQL)', () => {
  it('/readyz answers 503 while the database is unreachable and 200 again after, without a restart', async () => {
    const target = new URL(process.env.DATABASE_URI!)
    const relayPort = await freePort()
    const relay = await databaseRelay(target, relayPort)
    const viaRelay = new URL(target)
    viaRelay.hostname = '127.0.0.1'
    viaRelay.port = String(relayPort)
    const server = await startServer({ DATABASE_URI: viaRelay.toString() })
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
      const search = () => fetch(`${server.url}/api/search?q=${encodeURIComponent('دهیاری')}`)
      expect((await search()).status).toBe(200)
      const [article] = (await (await fetch(`${server.url}/api/articles?limit=1&depth=0`)).json()).docs
      const comment = () =>
        fetch(`${server.url}/api/comments?depth=0`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Forwarded-For': `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
          },
          body: JSON.stringify({ article: article.id, guestName: 'مهمان آزمون', body: 'نظری در زمان قطع پایگاه داده' }),
        })

      await relay.cut()
      const down = await fetch(`${server.url}/readyz`)
      expect(down.status).toBe(503)
      expect(await down.json()).toMatchObject({
        status: 'unavailable',
        reason: 'database',
        message: 'پایگاه داده پاسخ نمی‌دهد.',
      })
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
      // Writes and reads through the API say the database is away (503, Retry-After), not a 500.
      for (const answer of [await comment(), await fetch(`${server.url}/api/articles/${article.id}?depth=0`)]) {
        expect({ url: answer.url, status: answer.status }).toEqual({ url: answer.url, status: 503 })
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0)
        expect((await answer.json()).errors[0].message).toBe(
          'پایگاه داده اکنون در دسترس نیست؛ چند لحظه بعد دوباره امتحان کنید.',
        )
      }
      // Search has a pool of its own: it too says so in Persian, and recovers.
      const searchDown = await search()
      expect(searchDown.status).toBe(503)
      expect((await searchDown.json()).errors[0].message).toBe(
        'جستجو اکنون ممکن نیست؛ چند لحظه بعد دوباره امتحان کنید.',
      )

      await relay.open()
      let status = 0
      for (let i = 0; i < 20 && status !== 200; i++) {
        status = (await fetch(`${server.url}/readyz`)).status
        if (status !== 200) await new Promise((r) => setTimeout(r, 250))
      }
      expect(status).toBe(200)
      let searchStatus = 0
      for (let i = 0; i < 20 && searchStatus !== 200; i++) {
        searchStatus = (await search()).status
        if (searchStatus !== 200) await new Promise((r) => setTimeout(r, 250))
      }
      expect(searchStatus).toBe(200)
      const login = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: ADMIN_LOGIN,
      })
      expect(login.status).toBe(200)
      let commentStatus = 0
      for (let i = 0; i < 20 && commentStatus !== 201; i++) {
        commentStatus = (await comment()).status
        if (commentStatus !== 201) await new Promise((r) => setTimeout(r, 250))
      }
      expect(commentStatus).toBe(201)
    } finally {
      expect(await server.stop()).toBe(0)
      await relay.cut()
    }
  }, 90_000)
})

onPostgres('a COMMIT that fails (PostgreSQL)', () => {
  // A deferred constraint trigger fails the COMMIT of one marked comment, as a database restart
  // between a request's last statement and its commit would (found by `npm run drill`).
  const MARKER = 'شکست-در-ثبت-نهایی'
  const db = () => new pg.Client({ connectionString: process.env.DATABASE_URI })
  async function run(sql: string) {
    const client = db()
    await client.connect()
    try {
      return await client.query(sql)
    } finally {
      await client.end()
    }
  }

  it('fails the request instead of answering 201 for a comment that was rolled back', async () => {
    const server = await startServer()
    try {
      await run(`CREATE OR REPLACE FUNCTION sarkhat_test_fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.body LIKE '%${MARKER}%' THEN RAISE EXCEPTION 'commit refused by the test'; END IF; RETURN NULL; END $$`)
      await run(`CREATE CONSTRAINT TRIGGER sarkhat_test_fail_commit AFTER INSERT ON comments DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION sarkhat_test_fail_commit()`)
      const [article] = (await (await fetch(`${server.url}/api/articles?limit=1&depth=0`)).json()).docs
      const post = (body: string) =>
        fetch(`${server.url}/api/comments?depth=0`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Forwarded-For': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
          },
          body: JSON.stringify({ article: article.id, guestName: 'مهمان آزمون', body }),
        })

      const refused = await post(`نظری که ثبت نهایی‌اش شکست می‌خورد ${MARKER}`)
      expect(refused.status).toBe(500)
      expect((await refused.json()).errors[0].message).toMatch(/[\u0600-\u06FF]/)
      const { rows } = await run(`SELECT count(*)::int AS n FROM comments WHERE body LIKE '%${MARKER}%'`)
      expect(rows[0].n).toBe(0)
      // Other writes are unaffected.
      expect((await post('نظر عادی پس از شکست ثبت نهایی')).status).toBe(201)
    } finally {
      await run('DROP TRIGGER IF EXISTS sarkhat_test_fail_commit ON comments')
      await run('DROP FUNCTION IF EXISTS sarkhat_test_fail_commit()')
      expect(await server.stop()).toBe(0)
    }
  })
})

const onSqlite = databaseKind(process.env.DATABASE_URI) === 'sqlite' ? describe : describe.skip

onSqlite('first run without ADMIN_PASSWORD (a fresh SQLite file)', () => {
  it('offers the create-first-user screen, whose account becomes admin, and shows the demo news', async () => {
    const stamp = Date.now()
    const server = await startServer({
      DATABASE_URI: `file:./data/first-run-${stamp}.db`,
      MEDIA_DIR: `data/first-run-${stamp}-media`,
      ADMIN_PASSWORD: '',
    })
    try {
      // Payload sends /admin to the login page, which sends an empty database on to sign-up.
      const login = await (await fetch(`${server.url}/admin/login`)).text()
      expect(login).toContain('NEXT_REDIRECT;replace;/admin/create-first-user')
      expect(await (await fetch(`${server.url}/admin/create-first-user`)).text()).toContain('اولین کاربر')
      const home = await (await fetch(server.url)).text()
      expect(home).toContain('آخرین اخبار')
      expect(home).toContain('تقدیر از دهیاری‌های برتر')

      const first = await fetch(`${server.url}/api/users/first-register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'first@sarkhat.test', password: 'Gozarvazhe-Nakhost-1', name: 'مدیر نخست' }),
      })
      expect(first.status).toBe(200)
      expect((await first.json()).user.roles).toEqual(['admin'])
    } finally {
      expect(await server.stop()).toBe(0)
    }
  })
})
