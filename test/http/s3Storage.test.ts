import fs from 'node:fs'
import path from 'node:path'

import request from 'supertest'
import sharp from 'sharp'

import { databaseKind } from '../../src/db/kind'
import { type Agent, createStaff, signIn, signInAsAdmin } from '../helpers/accounts'
import { separateWorkingFolder } from '../helpers/instances'
import { startS3, TEST_BUCKETS, type TestS3 } from '../helpers/s3'
import { type RunningServer, startServer } from '../helpers/server'
import { fileURL, pdf, signedInReader, uploadOk } from '../helpers/tickets'

/**
 * Two instances in separate working folders (as on two hosts: their own media/ and data/
 * folders) sharing the database and an S3 API (s3rver). On SQLite both open the same database
 * file by its absolute path (WAL lets two processes share it).
 */
const sharedDatabaseURI = () => {
  const uri = process.env.DATABASE_URI!
  if (databaseKind(uri) !== 'sqlite') return uri
  return `file:${path.resolve(uri.replace(/^file:/, '').split('?')[0]!)}`
}

const persian = /[\u0600-\u06FF]/
let s3: TestS3
let a: RunningServer
let b: RunningServer
let folders: { a: string; b: string }
let adminA: Agent
let adminB: Agent

beforeAll(async () => {
  s3 = await startS3()
  const env = { ...s3.env, DATABASE_URI: sharedDatabaseURI() }
  folders = { a: separateWorkingFolder('s3-a'), b: separateWorkingFolder('s3-b') }
  // One after the other: the first boot seeds the shared database.
  a = await startServer(env, { cwd: folders.a })
  b = await startServer(env, { cwd: folders.b })
  adminA = await signInAsAdmin(a.url)
  adminB = await signInAsAdmin(b.url)
}, 180_000)

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
  await s3?.stop()
})

/** Files either instance wrote to its own disk: none, everything goes to the bucket. */
const localFiles = (folder: string) =>
  ['data/test-media', 'data/test-ticket-files'].flatMap((dir) =>
    fs.existsSync(path.join(folder, dir)) ? fs.readdirSync(path.join(folder, dir)) : [],
  )

const bytes = (res: request.Response) => Buffer.from(res.body as Buffer)
const getFile = (url: string, pathname: string, agent?: Agent) =>
  (agent ?? request(url))
    .get(pathname)
    .buffer(true)
    // Every answer as raw bytes (images, PDFs), whatever its type.
    .parse((res, done) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done(null, Buffer.concat(chunks)))
    })

const pathOf = (url: string) => new URL(url, 'http://localhost').pathname

type MediaDoc = {
  id: number | string
  filename: string
  url: string
  sizes: Record<string, { filename: string; url: string; mimeType: string }>
}

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#8a0b2d' } })
    .png()
    .toBuffer()

async function uploadMedia(agent: Agent, name: string, content: Buffer): Promise<request.Response> {
  return agent
    .post('/api/media?depth=0')
    .attach('file', content, name)
    .field('_payload', JSON.stringify({ alt: 'تصویر آزمون فضای ابری' }))
}

describe('media in S3', () => {
  let doc: MediaDoc
  let original: Buffer

  beforeAll(async () => {
    // Wider than the largest size (hero, 1600): every size is generated.
    original = await image(1800, 1200)
    const res = await uploadMedia(adminA, 'ابر.png', original)
    expect(res.status).toBe(201)
    doc = res.body.doc
  })

  it('renders the same addresses as with local files: /api/media/file/<name>', () => {
    expect(pathOf(doc.url)).toBe(`/api/media/file/${encodeURIComponent(doc.filename)}`)
    expect(doc.url).not.toContain('?')
    for (const size of Object.values(doc.sizes))
      expect(pathOf(size.url)).toBe(`/api/media/file/${encodeURIComponent(size.filename)}`)
  })

  it('stores the original and its sizes under media/ in the public bucket, nothing on either disk', async () => {
    expect(await s3.object(TEST_BUCKETS.public, `media/${doc.filename}`)).toEqual(original)
    for (const size of Object.values(doc.sizes))
      expect(await s3.object(TEST_BUCKETS.public, `media/${size.filename}`)).not.toBeNull()
    expect(localFiles(folders.a)).toEqual([])
    expect(localFiles(folders.b)).toEqual([])
  })

  it('serves an image uploaded through A from B, byte for byte, its resized variants too', async () => {
    const res = await getFile(b.url, pathOf(doc.url))
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(bytes(res)).toEqual(original)
    expect(
      Object.entries(doc.sizes)
        .filter(([, s]) => s.filename)
        .map(([name]) => name),
    ).toEqual(expect.arrayContaining(['thumbnail', 'card', 'hero']))
    for (const size of Object.values(doc.sizes)) {
      const variant = await getFile(b.url, pathOf(size.url))
      expect(variant.status).toBe(200)
      expect(variant.headers['content-type']).toBe('image/webp')
      expect(bytes(variant)).toEqual(await s3.object(TEST_BUCKETS.public, `media/${size.filename}`))
      expect((await sharp(bytes(variant)).metadata()).format).toBe('webp')
    }
  })

  it('answers with the headers a local file gets (caching, type, sandbox)', async () => {
    // A third instance with local folders, on the same database: the reference.
    const local = await startServer({ DATABASE_URI: sharedDatabaseURI() }, { cwd: separateWorkingFolder('local') })
    try {
      const uploaded = await uploadMedia(await signInAsAdmin(local.url), 'محلی.png', await image(300, 200))
      expect(uploaded.status).toBe(201)
      const fromDisk = await getFile(local.url, pathOf(uploaded.body.doc.url))
      const fromS3 = await getFile(b.url, pathOf(doc.url))
      expect(fromDisk.status).toBe(200)
      for (const header of [
        'cache-control',
        'expires',
        'content-type',
        'x-content-type-options',
        'content-security-policy',
      ])
        expect([header, fromS3.headers[header]]).toEqual([header, fromDisk.headers[header]])
      // The same file on S3 answers 404 from an instance that stores nothing locally: nothing to hide.
      const missing = await getFile(b.url, pathOf(uploaded.body.doc.url))
      expect(missing.status).toBe(404)
    } finally {
      await local.stop()
    }
  })

  it('answers a record whose object is missing with the Persian 404 of a missing local file', async () => {
    const res = await uploadMedia(adminA, 'گمشده.png', await image(200, 200))
    expect(res.status).toBe(201)
    await s3.removeObject(TEST_BUCKETS.public, `media/${res.body.doc.filename}`)
    const missing = await request(b.url).get(pathOf(res.body.doc.url))
    expect(missing.status).toBe(404)
    expect(missing.body.errors[0].message).toBe('پرونده پیدا نشد.')
    expect(missing.headers['cache-control']).toBe('no-store')
  })

  it('deleting on A removes the file and its sizes: B answers 404 and the bucket holds nothing of it', async () => {
    const res = await uploadMedia(adminA, 'حذفی.png', await image(900, 600))
    expect(res.status).toBe(201)
    const gone: MediaDoc = res.body.doc
    expect((await getFile(b.url, pathOf(gone.url))).status).toBe(200)
    expect((await adminA.delete(`/api/media/${gone.id}`)).status).toBe(200)
    const after = await request(b.url).get(pathOf(gone.url))
    expect(after.status).toBe(404)
    expect(after.body.errors[0].message).toMatch(persian)
    const names = [gone.filename, ...Object.values(gone.sizes).map((s) => s.filename)].filter(Boolean)
    expect(names.length).toBeGreaterThan(2)
    for (const name of names) {
      expect(await s3.object(TEST_BUCKETS.public, `media/${name}`)).toBeNull()
      expect((await request(b.url).get(`/api/media/file/${encodeURIComponent(name)}`)).status).toBe(404)
    }
  })
})

describe('ticket attachments in S3', () => {
  let owner: { agent: Agent; reader: { email: string } }
  let attachment: { id: number; filename: string; url: string }
  const content = pdf(2000)

  beforeAll(async () => {
    owner = await signedInReader(a.url, 'خواننده فضای ابری')
    attachment = await uploadOk(owner.agent, 'رسید.pdf', content)
  })

  it('keeps the attachment under ticket-attachments/ in the private bucket, never in the public one', async () => {
    expect(pathOf(attachment.url)).toBe(fileURL(attachment.filename))
    expect(await s3.object(TEST_BUCKETS.private, `ticket-attachments/${attachment.filename}`)).toEqual(content)
    expect(await s3.object(TEST_BUCKETS.public, `ticket-attachments/${attachment.filename}`)).toBeNull()
    expect(await s3.object(TEST_BUCKETS.public, `media/${attachment.filename}`)).toBeNull()
  })

  it('is read on B by its owner and by staff, as a private download', async () => {
    const ownerOnB = await signIn(b.url, 'readers', owner.reader.email)
    const support = await createStaff(adminB, 'support', 'پشتیبان فضای ابری')
    const staffOnB = await signIn(b.url, 'users', support.email)
    for (const agent of [ownerOnB, staffOnB]) {
      const res = await getFile(b.url, fileURL(attachment.filename), agent)
      expect(res.status).toBe(200)
      expect(bytes(res)).toEqual(content)
      expect(res.headers['content-disposition']).toBe('attachment')
      expect(res.headers['cache-control']).toBe('private, no-store')
    }
  })

  it('is refused on B to another reader and to anonymous visitors', async () => {
    const other = await signedInReader(b.url, 'خواننده دیگر')
    for (const res of [
      await other.agent.get(fileURL(attachment.filename)),
      await request(b.url).get(fileURL(attachment.filename)),
    ]) {
      expect([403, 404]).toContain(res.status)
      expect(res.body.errors[0].message).toMatch(persian)
      expect(res.text).not.toContain('%PDF')
    }
  })

  it('deleting on A removes it on B and in the bucket', async () => {
    const extra = await uploadOk(owner.agent, 'دوم.pdf', pdf(10))
    expect((await adminA.delete(`/api/ticket-attachments/${extra.id}`)).status).toBe(200)
    const ownerOnB = await signIn(b.url, 'readers', owner.reader.email)
    expect((await ownerOnB.get(fileURL(extra.filename))).status).toBe(404)
    expect(await s3.object(TEST_BUCKETS.private, `ticket-attachments/${extra.filename}`)).toBeNull()
  })
})

// Last: the storage stays down.
describe('a storage that is down', () => {
  let kept: MediaDoc

  beforeAll(async () => {
    const res = await uploadMedia(adminA, 'پیش-از-قطع.png', await image(200, 100))
    expect(res.status).toBe(201)
    kept = res.body.doc
    await s3.stop()
  })

  it('answers a file request with a Persian 503, no stack', async () => {
    const res = await request(b.url).get(pathOf(kept.url))
    expect(res.status).toBe(503)
    expect(res.body.errors[0].message).toMatch(persian)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.text).not.toMatch(/at .*\.(m?js|ts):\d+|ECONNREFUSED|stack/)
  })

  it('refuses an upload with a Persian 503 and keeps no record of it', async () => {
    const count = async () => (await adminA.get('/api/media?limit=0')).body.totalDocs as number
    const attachments = async () => (await adminA.get('/api/ticket-attachments?limit=0')).body.totalDocs as number
    const [mediaBefore, attachmentsBefore] = [await count(), await attachments()]

    const res = await uploadMedia(adminA, 'بی‌جا.png', await image(300, 300))
    expect(res.status).toBe(503)
    expect(res.body.errors[0].message).toMatch(persian)
    expect(await count()).toBe(mediaBefore)

    const reader = await signedInReader(a.url)
    const refused = await reader.agent
      .post('/api/ticket-attachments?depth=0')
      .field('_payload', '{}')
      .attach('file', pdf(), { filename: 'قطع.pdf', contentType: 'application/pdf' })
    expect(refused.status).toBe(503)
    expect(refused.body.errors[0].message).toMatch(persian)
    expect(await attachments()).toBe(attachmentsBefore)
  })
})
