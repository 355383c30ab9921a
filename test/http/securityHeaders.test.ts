/**
 * Headers and sessions: what a browser is told about each answer (script policy, sniffing,
 * referrers, framing, HTTPS), how session cookies are set, and that a signed-in session cannot
 * be used from another site's pages.
 */
import crypto from 'node:crypto'

import request from 'supertest'

import {
  type Agent,
  createStaff,
  PASSWORD,
  registerReader,
  signIn,
  signInAsAdmin,
  SITE_ORIGIN,
} from '../helpers/accounts'
import { createArticle, newsPath } from '../helpers/content'
import { type RunningServer, startServer } from '../helpers/server'
import { PNG } from '../helpers/tickets'

let server: RunningServer
let admin: Agent
let editor: Agent
let articlePath: string

beforeAll(async () => {
  server = await startServer()
  admin = await signInAsAdmin(server.url)
  editor = await signIn(server.url, 'users', (await createStaff(admin, 'editor', 'دبیر سرآیندها')).email)
  articlePath = newsPath((await createArticle(editor, { title: `خبر سرآیندها ${Date.now()}` })).slug)
}, 120_000)
afterAll(() => server?.stop())

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  )
const sha256 = (text: string) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`
/** The inline scripts a browser would run (not data blocks, not external files). */
const inlineScripts = (html: string) =>
  [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\bsrc\s*=|application\/(ld\+)?json/i.test(attrs!))
    .map(([, , body]) => body!)

describe('public pages', () => {
  const PAGES = ['/', '/news', () => articlePath, '/search?q=خبر', '/account/login', '/no-such-page']

  it.each(PAGES.map((p) => [String(p).slice(0, 40), p] as const))(
    '%s: a script policy that allows exactly the inline scripts it was sent with',
    async (_name, page) => {
      const path = typeof page === 'function' ? page() : page
      for (const round of ['first', 'again (page cache)']) {
        const res = await request(server.url).get(encodeURI(path))
        expect(res.status).toBeLessThan(500)
        expect(res.headers['content-type']).toMatch(/^text\/html/)
        const policy = directives(res.headers['content-security-policy'] ?? '')
        const scriptSrc = policy.get('script-src') ?? []
        expect({
          round,
          scriptSrc: scriptSrc.filter((v) => v === "'unsafe-inline'" || v === "'unsafe-eval'" || v === '*'),
        }).toEqual({ round, scriptSrc: [] })
        expect(policy.get('object-src')).toEqual(["'none'"])
        expect(policy.get('frame-ancestors')).toEqual(["'self'"])
        expect(policy.get('base-uri')).toEqual(["'self'"])
        const scripts = inlineScripts(res.text)
        expect(scripts.length).toBeGreaterThan(0)
        for (const script of scripts)
          expect({ round, allowed: scriptSrc.includes(sha256(script)) }).toEqual({ round, allowed: true })
      }
    },
  )

  it('a script injected into a page would not be among the allowed ones', async () => {
    const res = await request(server.url).get(encodeURI(articlePath))
    const scriptSrc = directives(res.headers['content-security-policy']).get('script-src')!
    expect(scriptSrc).not.toContain(sha256('alert(1)'))
  })

  it('every answer says nosniff, a strict referrer policy, no framing by others, no sensors', async () => {
    for (const path of ['/', encodeURI(articlePath), '/api/articles?limit=1', '/healthz', '/admin/login']) {
      const res = await request(server.url).get(path)
      expect({ path, nosniff: res.headers['x-content-type-options'] }).toEqual({ path, nosniff: 'nosniff' })
      expect({ path, referrer: res.headers['referrer-policy'] }).toEqual({
        path,
        referrer: 'strict-origin-when-cross-origin',
      })
      expect({ path, frame: res.headers['x-frame-options'] }).toEqual({ path, frame: 'SAMEORIGIN' })
      expect(res.headers['permissions-policy']).toContain('camera=()')
    }
  })
})

describe('admin and API', () => {
  it('the admin may be framed only by the site itself (live preview)', async () => {
    const res = await request(server.url).get('/admin/login')
    expect(res.status).toBe(200)
    expect(directives(res.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'self'"])
  })

  it('API answers let nothing run and cannot be framed', async () => {
    const res = await request(server.url).get('/api/articles?limit=1')
    const policy = directives(res.headers['content-security-policy'])
    expect(policy.get('default-src')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('an uploaded image is served as an image in a sandbox, never sniffed into a page', async () => {
    const upload = await editor
      .post('/api/media?depth=0')
      .field('_payload', JSON.stringify({ alt: 'تصویر سرآیند' }))
      .attach('file', PNG, { filename: 'sar-ayand.png', contentType: 'image/png' })
    expect(upload.status).toBe(201)
    const res = await request(server.url).get(new URL(upload.body.doc.url, server.url).pathname)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(directives(res.headers['content-security-policy']).get('sandbox')).toEqual([])
  })
})

describe('HTTPS', () => {
  it('sends HSTS only when the request reached the proxy over HTTPS', async () => {
    const plain = await request(server.url).get('/')
    expect(plain.headers['strict-transport-security']).toBeUndefined()
    // The test server trusts its loopback proxy (TRUST_PROXY's default), as it would trust nginx.
    const secure = await request(server.url).get('/').set('X-Forwarded-Proto', 'https')
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/)
  })
})

describe('sessions', () => {
  const cookieOf = (res: request.Response, name: string) =>
    ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`)) ?? ''

  it('a reader session cookie is HttpOnly and SameSite=Lax, and not Secure on a plain-HTTP site', async () => {
    const reader = await registerReader(server.url, 'خواننده کوکی')
    const res = await request(server.url)
      .post('/api/readers/login')
      .set('Origin', SITE_ORIGIN)
      .send({ email: reader.email, password: PASSWORD })
    expect(res.status).toBe(200)
    const cookie = cookieOf(res, 'payload-token')
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
    expect(cookie).not.toMatch(/;\s*Secure/i)
  })

  it('on a site served over HTTPS the cookie is Secure too', async () => {
    const httpsSite = await startServer({ SERVER_URL: 'https://sarkhat.example' })
    try {
      const res = await request(httpsSite.url)
        .post('/api/users/login')
        .set('Origin', 'https://sarkhat.example')
        .set('X-Forwarded-Proto', 'https')
        .send({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD })
      expect(res.status).toBe(200)
      const cookie = cookieOf(res, 'payload-token')
      expect(cookie).toMatch(/;\s*Secure/i)
      expect(cookie).toMatch(/;\s*HttpOnly/i)
    } finally {
      await httpsSite.stop()
    }
  })

  it("a session cookie sent from another site's page is ignored (CSRF): no identity, no ticket filed", async () => {
    const reader = await registerReader(server.url, 'خواننده جعل درخواست')
    const login = await request(server.url)
      .post('/api/readers/login')
      .set('Origin', SITE_ORIGIN)
      .send({ email: reader.email, password: PASSWORD })
    const cookie = cookieOf(login, 'payload-token').split(';')[0]!
    const ownSite = await request(server.url).get('/api/readers/me').set('Cookie', cookie).set('Origin', SITE_ORIGIN)
    expect(ownSite.body.user?.email).toBe(reader.email)

    const elsewhere = await request(server.url)
      .get('/api/readers/me')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
    expect(elsewhere.body.user ?? null).toBeNull()
    const before = (await admin.get('/api/tickets/count')).body.totalDocs
    const forged = await request(server.url)
      .post('/api/tickets')
      .set('Cookie', cookie)
      .set('Origin', 'https://evil.example')
      .send({ type: 'complaint', subject: 'جعلی', message: 'جعلی' })
    expect(forged.status).toBeGreaterThanOrEqual(400)
    expect(forged.status).toBeLessThan(500)
    expect((await admin.get('/api/tickets/count')).body.totalDocs).toBe(before)
  })
})
