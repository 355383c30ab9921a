/**
 * The second attacker's report, finding by finding: edit locks, open redirects, email change,
 * password change through update, filters on staff sessions and the public site settings.
 * Each test failed on the code the report was made against.
 */
import request from 'supertest'

import {
  type Agent,
  createStaff,
  PASSWORD,
  registerReader,
  signIn,
  signInAsAdmin,
  SITE_ORIGIN,
  uniqueEmail,
} from '../helpers/accounts'
import { createArticle } from '../helpers/content'
import { type MailCatcher, startMailCatcher } from '../helpers/mailCatcher'
import { type RunningServer, startServer } from '../helpers/server'
import { fileTicket, signedInReader } from '../helpers/tickets'

let server: RunningServer
let mail: MailCatcher
let admin: Agent
let editor: Agent
let editorDoc: { id: number | string; email: string }
let reader: Agent
let readerDoc: { id: number | string; email: string }
let articleId: number | string
let ticketId: number | string

const PERSIAN = /[\u0600-\u06FF]/
const anonymous = () => request.agent(server.url).set('Origin', SITE_ORIGIN)
const errorText = (body: unknown) => JSON.stringify((body as { errors?: unknown })?.errors ?? body)

beforeAll(async () => {
  mail = await startMailCatcher()
  server = await startServer({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.port), SMTP_SECURE: 'false' })
  admin = await signInAsAdmin(server.url)
  editorDoc = await createStaff(admin, 'editor', 'دبیر دور دوم')
  editor = await signIn(server.url, 'users', editorDoc.email)
  const signedIn = await signedInReader(server.url, 'خواننده دور دوم')
  reader = signedIn.agent
  readerDoc = signedIn.reader
  articleId = (await createArticle(editor, { title: `خبر قفل ${Date.now()}` })).id
  const department = (
    await admin
      .post('/api/departments')
      .send({ title: 'واحد دور دوم', email: uniqueEmail('dept'), active: true })
      .expect(201)
  ).body.doc.id
  ticketId = (await fileTicket(reader, department)).id
}, 180_000)

afterAll(async () => {
  await server?.stop()
  await mail?.close()
})

describe('A. edit locks are staff business', () => {
  const lockOn = (relationTo: string, value: number | string, user: { relationTo: string; value: unknown }) => ({
    document: { relationTo, value },
    user,
  })

  it.each([
    ['articles', () => articleId],
    ['tickets', () => ticketId],
  ])('a reader can neither lock %s nor read the locks; staff saves go on', async (slug, id) => {
    const attempt = await reader
      .post('/api/payload-locked-documents')
      .send(lockOn(slug, id(), { relationTo: 'readers', value: readerDoc.id }))
    expect(attempt.status).toBe(403)
    expect(errorText(attempt.body)).toMatch(PERSIAN)
    expect((await reader.get('/api/payload-locked-documents')).status).toBe(403)
    expect((await anonymous().get('/api/payload-locked-documents')).status).toBe(403)
    const gql = await reader.post('/api/graphql').send({
      query: `mutation ($data: mutationPayloadLockedDocumentInput!) { createPayloadLockedDocument(data: $data) { id } }`,
      variables: {
        data: { document: { relationTo: slug, value: id() }, user: { relationTo: 'readers', value: readerDoc.id } },
      },
    })
    expect(gql.body.data?.createPayloadLockedDocument ?? null).toBeNull()
    const locks = await admin.get(
      `/api/payload-locked-documents?where[document.relationTo][equals]=${slug}&where[document.value][equals]=${id()}`,
    )
    expect(locks.body.totalDocs).toBe(0)
    const save =
      slug === 'articles'
        ? await editor.patch(`/api/articles/${id()}`).send({ lead: 'لید پس از تلاش قفل' })
        : await admin.patch(`/api/tickets/${id()}`).send({ priority: 'high' })
    expect(save.status).toBe(200)
  })

  it('staff still lock documents (the admin panel does)', async () => {
    const lock = await editor
      .post('/api/payload-locked-documents')
      .send(lockOn('articles', articleId, { relationTo: 'users', value: editorDoc.id }))
    expect(lock.status).toBe(201)
    expect((await editor.delete(`/api/payload-locked-documents/${lock.body.doc.id}`)).status).toBe(200)
  })

  it('a reader keeps only their own preferences and lists no migrations', async () => {
    expect((await editor.post('/api/payload-preferences/round2-key').send({ value: { staff: true } })).status).toBe(200)
    expect((await reader.post('/api/payload-preferences/round2-key').send({ value: { mine: true } })).status).toBe(200)
    const seen = (await reader.get('/api/payload-preferences?depth=0')).body.docs as { user: { value: unknown } }[]
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((p) => String(p.user.value) === String(readerDoc.id))).toBe(true)
    expect((await reader.get('/api/payload-preferences/round2-key')).body.value).toEqual({ mine: true })
    // Payload serves no REST route for migrations; the collection's access stays closed anyway.
    for (const agent of [reader, editor]) {
      const res = await agent.get('/api/payload-migrations')
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.body.docs).toBeUndefined()
    }
  })
})

describe('B. redirect parameters stay on the site', () => {
  const HOSTILE = [
    '/%5Cevil.example',
    '/%09/evil.example',
    '/%0d/evil.example',
    '/%0a/evil.example',
    '%2F%2Fevil.example',
    '/%5C%5Cevil.example',
    '%5C%5Cevil.example',
    'https://evil.example/',
    '/%0d%0aSet-Cookie:%20x=1',
    'javascript:alert(1)',
  ]
  const origin = () => new URL(server.url).origin
  /** A CR or LF anywhere in a query string is refused before any route (src/server/requestGuards.ts). */
  const refusedForControls = (value: string, res: { status: number; text: string }) => {
    if (!/%0[ad]/i.test(value)) return false
    expect(res.status).toBe(400)
    expect(res.text).not.toContain('evil.example')
    return true
  }
  const landing = (res: { status: number; headers: Record<string, string> }) => {
    expect(res.status).toBeLessThan(500)
    expect(res.status).toBeGreaterThanOrEqual(300)
    const location = res.headers.location
    expect(location).toBeDefined()
    expect(location).not.toMatch(/[\r\n\t]/)
    expect(String(res.headers['set-cookie'] ?? '')).not.toMatch(/(^|[;,])\s*x=1/)
    return new URL(location, server.url)
  }

  it.each(HOSTILE)('exit-preview?to=%s goes to a page of ours (or is refused)', async (to) => {
    const res = await request(server.url).get(`/next/exit-preview?to=${to}`).redirects(0)
    if (!refusedForControls(to, res)) expect(landing(res).origin).toBe(origin())
  })

  it.each(HOSTILE)('a signed-in reader at login?next=%s goes to a page of ours (or is refused)', async (next) => {
    const res = await reader.get(`/account/login?next=${next}`).redirects(0)
    if (!refusedForControls(next, res)) expect(landing(res).origin).toBe(origin())
  })

  it('same-site paths with their query still work', async () => {
    const res = await request(server.url)
      .get(`/next/exit-preview?to=${encodeURIComponent('/news/x?a=1')}`)
      .redirects(0)
    expect(landing(res).pathname + landing(res).search).toBe('/news/x?a=1')
    const login = await reader.get(`/account/login?next=${encodeURIComponent('/account/tickets')}`).redirects(0)
    expect(landing(login).pathname).toBe('/account/tickets')
  })
})

describe('C. a new email address is verified before it replaces the old one', () => {
  it('holds the new address as pending, mails both addresses and changes it only through the link', async () => {
    const person = await signedInReader(server.url, 'خواننده تغییر رایانامه')
    const oldEmail = person.reader.email
    const newEmail = uniqueEmail('moved')
    const res = await person.agent.patch(`/api/readers/${person.reader.id}?depth=0`).send({ email: newEmail })
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({ email: oldEmail, pendingEmail: newEmail })
    expect(res.body.doc.pendingEmailToken).toBeUndefined()
    expect((await person.agent.get('/api/readers/me')).body.user.email).toBe(oldEmail)
    await expect(signIn(server.url, 'readers', newEmail)).rejects.toThrow()

    const link = await mail.waitFor((m) => JSON.stringify(m.to).includes(newEmail))
    expect(link.subject).toMatch(PERSIAN)
    const notice = await mail.waitFor(
      (m) => JSON.stringify(m.to).includes(oldEmail) && m.subject === 'درخواست تغییر رایانامه حساب — سرخط',
    )
    expect(`${notice.text} ${notice.html}`).toContain(newEmail)
    const url = (link.text ?? '').match(/https?:\/\/\S*\/account\/confirm-email\?token=[0-9a-f]+/)?.[0]
    expect(url).toBeDefined()
    const path = new URL(url!).pathname + new URL(url!).search

    const confirmed = await request(server.url).get(path)
    expect(confirmed.status).toBe(200)
    expect(confirmed.text).toContain('رایانامه تازه شما تأیید شد')
    await signIn(server.url, 'readers', newEmail)
    await expect(signIn(server.url, 'readers', oldEmail)).rejects.toThrow()
    // The link works once.
    expect((await request(server.url).get(path)).text).toContain('نامعتبر')
  })

  it("refuses another account's address and a made-up token", async () => {
    const person = await signedInReader(server.url, 'خواننده نشانی تکراری')
    const other = await registerReader(server.url, 'صاحب نشانی')
    const res = await person.agent.patch(`/api/readers/${person.reader.id}`).send({ email: other.email })
    expect(res.status).toBe(400)
    expect(errorText(res.body)).toMatch(PERSIAN)
    const fake = await request(server.url).get(`/account/confirm-email?token=${'ab'.repeat(32)}`)
    expect(fake.text).toContain('نامعتبر')
  })

  it('an admin still changes a reader address at once', async () => {
    const other = await registerReader(server.url, 'خواننده با نشانی تازه از مدیر')
    const newEmail = uniqueEmail('by-admin')
    const res = await admin.patch(`/api/readers/${other.id}?depth=0`).send({ email: newEmail })
    expect(res.status).toBe(200)
    expect(res.body.doc.email).toBe(newEmail)
  })
})

describe('D. passwords change only with the current one', () => {
  it('refuses a password in a reader update (REST and GraphQL), in Persian, pointing to change-password', async () => {
    const person = await signedInReader(server.url, 'خواننده گذرواژه')
    const res = await person.agent.patch(`/api/readers/${person.reader.id}`).send({ password: 'Gozarvazhe-Tazeh-99' })
    expect(res.status).toBe(403)
    expect(errorText(res.body)).toMatch(/change-password/)
    expect(errorText(res.body)).toMatch(PERSIAN)
    const gql = await person.agent.post('/api/graphql').send({
      query: `mutation ($id: Int!) { updateReader(id: $id, data: { password: "Gozarvazhe-Tazeh-99" }) { id } }`,
      variables: { id: person.reader.id },
    })
    expect(gql.body.data?.updateReader ?? null).toBeNull()
    await expect(signIn(server.url, 'readers', person.reader.email, 'Gozarvazhe-Tazeh-99')).rejects.toThrow()
    await signIn(server.url, 'readers', person.reader.email)

    const changed = await person.agent
      .post('/api/readers/change-password')
      .send({ currentPassword: PASSWORD, newPassword: 'Gozarvazhe-Tazeh-99' })
    expect(changed.status).toBe(200)
    await signIn(server.url, 'readers', person.reader.email, 'Gozarvazhe-Tazeh-99')
  })

  it("an admin still sets a reader's password, and staff still change their own (the admin panel's form)", async () => {
    const other = await registerReader(server.url, 'خواننده با گذرواژه از مدیر')
    expect((await admin.patch(`/api/readers/${other.id}`).send({ password: 'Gozarvazhe-Modir-77' })).status).toBe(200)
    await signIn(server.url, 'readers', other.email, 'Gozarvazhe-Modir-77')
    const staff = await createStaff(admin, 'editor', 'دبیر گذرواژه')
    const self = await signIn(server.url, 'users', staff.email)
    expect((await self.patch(`/api/users/${staff.id}`).send({ password: 'Gozarvazhe-Dabir-55' })).status).toBe(200)
    await signIn(server.url, 'users', staff.email, 'Gozarvazhe-Dabir-55')
  })
})

describe('E. no filter or sort on what the caller cannot read', () => {
  const QUERIES: [string, string, () => Agent][] = [
    ['anonymous', '/api/articles?where[author.sessions.id][like]=-', () => anonymous()],
    ['anonymous', '/api/articles?where[author.sessions.expiresAt][greater_than]=2000-01-01', () => anonymous()],
    ['anonymous', '/api/articles?where[author.email][like]=@', () => anonymous()],
    ['anonymous', '/api/articles?where[or][0][author.hash][exists]=true', () => anonymous()],
    ['anonymous', '/api/articles?sort=author.sessions.expiresAt', () => anonymous()],
    ['anonymous', '/api/articles?sort=-author.lockUntil', () => anonymous()],
    ['anonymous', '/api/comments?where[article.author.sessions.id][like]=-', () => anonymous()],
    ['reader', '/api/tickets?where[requester.sessions.id][like]=-', () => reader],
    ['reader', '/api/tickets?where[requester._verificationToken][exists]=true', () => reader],
    ['reader', '/api/readers?where[salt][exists]=true', () => reader],
    ['reader', '/api/readers?where[loginAttempts][equals]=0', () => reader],
    ['reader', '/api/articles?where[author.resetPasswordToken][exists]=false', () => reader],
    ['editor', '/api/articles?where[author.sessions.id][like]=-', () => editor],
    ['editor', '/api/users?where[hash][exists]=true', () => editor],
    ['editor', '/api/articles/versions?where[version.author.sessions.id][like]=-', () => editor],
  ]
  it.each(QUERIES)('%s: %s is refused in Persian', async (_role, url, agent) => {
    const res = await agent().get(url)
    expect({ url, status: res.status }).toEqual({ url, status: 400 })
    expect(errorText(res.body)).toMatch(PERSIAN)
  })

  it('the same through GraphQL', async () => {
    const res = await anonymous()
      .post('/api/graphql')
      .send({ query: '{ Articles(where: { author__sessions__id: { like: "-" } }) { docs { id } } }' })
    expect(res.body.data?.Articles?.docs ?? []).toEqual([])
  })

  it('filters the caller may use still answer', async () => {
    expect((await anonymous().get(`/api/articles?where[author][exists]=true&sort=-publishedAt`)).status).toBe(200)
    expect(
      (await reader.get(`/api/tickets?where[requester][equals]=${readerDoc.id}&sort=-createdAt`)).body.totalDocs,
    ).toBe(1)
    expect((await admin.get(`/api/articles?where[author.name][like]=دبیر&sort=author.name`)).status).toBe(200)
  })

  it('a relation into a collection read only in part is not a way in (an editor reads only their own account)', async () => {
    const res = await editor.get(
      `/api/articles?where[author.email][equals]=${encodeURIComponent(process.env.ADMIN_EMAIL!)}`,
    )
    expect(res.status).toBe(400)
    expect((await editor.get('/api/articles?sort=author.email')).status).toBe(400)
  })
})

describe('F. the public site settings hide the moderators and the blocklist', () => {
  let before: Record<string, unknown>
  beforeAll(async () => {
    before = (await admin.get('/api/globals/site-settings?depth=0')).body.comments
    await admin
      .post('/api/globals/site-settings')
      .send({ comments: { ...before, moderatorEmail: 'mods@sarkhat.test', blocklist: 'واژه-ممنوع-آزمون' } })
      .expect(200)
  })
  afterAll(async () => {
    await admin.post('/api/globals/site-settings').send({ comments: before })
  })

  it.each([
    ['anonymous', () => anonymous()],
    ['reader', () => reader],
  ])('%s sees neither (REST and GraphQL)', async (_role, agent) => {
    const res = await agent().get('/api/globals/site-settings')
    expect(res.status).toBe(200)
    expect(JSON.stringify(res.body)).not.toMatch(/mods@sarkhat\.test|واژه-ممنوع-آزمون/)
    expect(res.body.comments).not.toHaveProperty('moderatorEmail')
    const gql = await agent()
      .post('/api/graphql')
      .send({ query: '{ SiteSetting { comments { moderatorEmail blocklist allowGuests } } }' })
    expect(JSON.stringify(gql.body.data ?? {})).not.toMatch(/mods@sarkhat\.test|واژه-ممنوع-آزمون/)
  })

  it('staff see both; the public site still renders and the blocklist still works', async () => {
    const res = await editor.get('/api/globals/site-settings')
    expect(res.body.comments).toMatchObject({ moderatorEmail: 'mods@sarkhat.test', blocklist: 'واژه-ممنوع-آزمون' })
    expect((await request(server.url).get('/')).status).toBe(200)
    const comment = await anonymous()
      .post('/api/comments')
      .set('X-Forwarded-For', '203.0.113.77')
      .send({ article: articleId, guestName: 'مهمان', guestEmail: uniqueEmail('g'), body: 'متن با واژه-ممنوع-آزمون' })
    expect(comment.status).toBe(201)
    const stored = await admin.get(`/api/comments/${comment.body.doc.id}?depth=0`)
    expect(stored.body.status).toBe('spam')
  })
})
