import request from 'supertest'

import { type RunningServer, startServer } from '../helpers/server'

let server: RunningServer

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server?.stop()
})

describe('operations endpoints', () => {
  it('/healthz answers while the process runs', async () => {
    const res = await request(server.url).get('/healthz')
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('ok')
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('/readyz answers 200 when the database does', async () => {
    const res = await request(server.url).get('/readyz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ready' })
  })
})

describe('public site', () => {
  it('serves the home page in Persian, right to left, with the demo content', async () => {
    const res = await request(server.url).get('/')
    expect(res.status).toBe(200)
    expect(res.text).toMatch(/<html[^>]*lang="fa"[^>]*dir="rtl"/)
    expect(res.text).toContain('پایگاه اطلاع‌رسانی روابط عمومی')
    expect(res.text).toContain('ثبت شکایات')
    expect(res.headers['x-powered-by']).toBeUndefined()
  })
})

describe('compression', () => {
  it('compresses pages, search and API answers for clients that accept it, and only for them', async () => {
    for (const path of ['/', '/search?q=' + encodeURIComponent('دهیاری'), '/api/articles?limit=5', '/admin/login']) {
      const gzip = await request(server.url).get(path).set('Accept-Encoding', 'gzip')
      expect([path, gzip.status, gzip.headers['content-encoding']]).toEqual([path, 200, 'gzip'])
      const plain = await request(server.url).get(path).set('Accept-Encoding', 'identity')
      expect([path, plain.headers['content-encoding']]).toEqual([path, undefined])
      if (path.startsWith('/api')) expect(gzip.body.totalDocs).toBe(plain.body.totalDocs)
      else expect(gzip.text).toContain('</html>')
    }
  })
})

describe('admin panel', () => {
  it('shows its login page in Persian and RTL, even to a browser that prefers English', async () => {
    const res = await request(server.url).get('/admin/login').set('Accept-Language', 'en-US,en;q=0.9')
    expect(res.status).toBe(200)
    expect(res.text).toMatch(/<html[^>]*dir="RTL"[^>]*lang="fa"/)
    expect(res.text).toContain('ورود')
    expect(res.text).toContain('پیشخوان سرخط')
  })

  it('redirects an anonymous visitor from the dashboard to the login page', async () => {
    const res = await request(server.url).get('/admin')
    expect(res.text).toContain('NEXT_REDIRECT;replace;/admin/login')
  })
})
