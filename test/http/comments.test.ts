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
import { newAddress, postAsGuest, publicComments } from '../helpers/comments'
import { type ArticleDoc, createArticle, newsPath, withoutTextSeparators } from '../helpers/content'
import { type MailCatcher, startMailCatcher } from '../helpers/mailCatcher'
import { type RunningServer, startServer } from '../helpers/server'

const MODERATORS = 'moderators@sarkhat.test'
let server: RunningServer
let mail: MailCatcher
let admin: Agent
let editor: Agent
let support: Agent

beforeAll(async () => {
  mail = await startMailCatcher()
  server = await startServer({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.port),
    COMMENT_RATE_LIMIT_PER_MINUTE: '5',
    COMMENT_MAX_LENGTH: '500',
  })
  admin = await signInAsAdmin(server.url)
  editor = await signIn(server.url, 'users', (await createStaff(admin, 'editor', 'دبیر نظرها')).email)
  support = await signIn(server.url, 'users', (await createStaff(admin, 'support')).email)
  await setCommentSettings({
    moderatorEmail: MODERATORS,
    blocklist: '',
    allowGuests: true,
    autoApproveReturning: false,
  })
})
afterAll(async () => {
  await server?.stop()
  await mail?.close()
})

async function setCommentSettings(comments: Record<string, unknown>) {
  const res = await admin.post('/api/globals/site-settings').send({ comments })
  expect(res.status).toBe(200)
}

const article = (title: string, data: Record<string, unknown> = {}) =>
  createArticle(editor, { title: `${title} ${Date.now()}`, ...data })
const articleHtml = async (doc: ArticleDoc) => (await request(server.url).get(newsPath(doc.slug))).text
const setStatus = (agent: Agent, id: number | string, status: string) =>
  agent.patch(`/api/comments/${id}`).send({ status })

async function signedInReader(name = 'زهرا كريمي') {
  const reader = await registerReader(server.url, name)
  return {
    reader,
    agent: (await signIn(server.url, 'readers', reader.email, PASSWORD)).set('X-Forwarded-For', newAddress()),
  }
}

describe('comment lifecycle', () => {
  it('holds a guest comment for moderation, tells the moderators, and shows it once approved', async () => {
    const news = await article('خبر با نظر مهمان')
    const res = await postAsGuest(server.url, {
      article: news.id,
      guestName: 'علی رضايي',
      guestEmail: 'Ali@Example.com',
      body: 'خبر خوبي بود.\nممنون از گزارش ۱۲ خطي.',
    })
    expect(res.status).toBe(201)
    const comment = res.body.doc
    expect(comment).toMatchObject({ status: 'pending', authorName: 'علی رضايي', depth: 0, isStaffReply: false })
    // the commenter's own answer never echoes private data
    for (const field of ['guestEmail', 'ipHash', 'userAgent', 'fingerprint', 'spamReason'])
      expect(comment).not.toHaveProperty(field)

    expect(await publicComments(server.url, news.id)).toEqual([])
    expect((await request(server.url).get(`/api/comments/${comment.id}`)).status).toBe(404)
    expect(await articleHtml(news)).not.toContain('ممنون از گزارش')

    const notice = await mail.waitFor((m) => m.subject === `نظر تازه در انتظار تأیید: ${news.title}`)
    expect(notice.to && 'text' in notice.to ? notice.to.text : '').toBe(MODERATORS)
    expect(notice.text).toContain('ممنون از گزارش ۱۲ خطي.')
    expect(notice.html).toContain('dir="rtl"')
    expect(notice.text).toContain(`/admin/collections/comments/${comment.id}`)

    expect((await setStatus(editor, comment.id, 'approved')).status).toBe(200)
    const visible = await publicComments(server.url, news.id)
    expect(visible).toHaveLength(1)
    expect(visible[0]).toMatchObject({ id: comment.id, status: 'approved', authorName: 'علی رضايي' })
    for (const field of ['guestEmail', 'ipHash', 'userAgent', 'fingerprint', 'spamReason', 'reader', 'staffAuthor'])
      expect(visible[0]).not.toHaveProperty(field)

    const html = await articleHtml(news)
    expect(html).toContain('ممنون از گزارش ۱۲ خطي.')
    expect(withoutTextSeparators(html)).toMatch(/نظرات کاربران <span class="comments__count">\(۱\)<\/span>/)
    expect(html).not.toContain('ali@example.com')
  })

  it("takes a signed-in reader's name from the account and ignores server fields in the body", async () => {
    const news = await article('خبر با نظر خواننده')
    const { reader, agent } = await signedInReader('مريم احمدي')
    const other = await signedInReader()
    const res = await agent.post('/api/comments?depth=0').send({
      article: news.id,
      body: 'نظر من درباره این خبر',
      status: 'approved',
      authorName: 'جعلی',
      isStaffReply: true,
      reader: other.reader.id,
      guestName: 'نام ساختگی',
    })
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({
      status: 'pending',
      authorName: 'مريم احمدي',
      isStaffReply: false,
      reader: reader.id,
    })

    // the reader sees their own pending comment; nobody else does
    const own = await agent.get(`/api/comments?where[article][equals]=${news.id}&depth=0`)
    expect(own.body.docs.map((d: { id: number }) => d.id)).toEqual([res.body.doc.id])
    const viewer = await agent.get(`/api/comments/viewer?article=${news.id}`)
    expect(viewer.body).toMatchObject({ viewer: { kind: 'reader', name: 'مريم احمدي' }, guestsAllowed: true })
    expect(viewer.body.pending.map((d: { body: string }) => d.body)).toEqual(['نظر من درباره این خبر'])
    expect((await other.agent.get(`/api/comments?where[article][equals]=${news.id}`)).body.docs).toEqual([])
    expect((await other.agent.get(`/api/comments/${res.body.doc.id}`)).status).toBe(404)
    expect(await publicComments(server.url, news.id)).toEqual([])
    expect((await request(server.url).get(`/api/comments/viewer?article=${news.id}`)).body).toEqual({
      viewer: null,
      guestsAllowed: true,
      pending: [],
    })
  })

  it('approves a returning reader at once when the site allows it', async () => {
    const news = await article('خبر خواننده قدیمی')
    const { agent } = await signedInReader('خواننده قدیمی')
    const first = await agent.post('/api/comments?depth=0').send({ article: news.id, body: 'نخستین نظر من' })
    expect(first.body.doc.status).toBe('pending')
    await setCommentSettings({ autoApproveReturning: true })
    try {
      const second = await agent
        .post('/api/comments?depth=0')
        .send({ article: news.id, body: 'دومین نظر پیش از تأیید' })
      expect(second.body.doc.status).toBe('pending') // nothing approved yet
      await setStatus(editor, first.body.doc.id, 'approved')
      const third = await agent.post('/api/comments?depth=0').send({ article: news.id, body: 'سومین نظر، پس از تأیید' })
      expect(third.body.doc.status).toBe('approved')
      expect(await articleHtml(news)).toContain('سومین نظر، پس از تأیید')
    } finally {
      await setCommentSettings({ autoApproveReturning: false })
    }
  })

  it('refreshes the article page when a comment is rejected or deleted', async () => {
    const news = await article('خبر نظر حذف‌شده')
    const a = (await postAsGuest(server.url, { article: news.id, guestName: 'الف', body: 'نظری که رد می‌شود' })).body
      .doc
    const b = (await postAsGuest(server.url, { article: news.id, guestName: 'ب', body: 'نظری که پاک می‌شود' })).body.doc
    await setStatus(editor, a.id, 'approved')
    await setStatus(editor, b.id, 'approved')
    let html = await articleHtml(news)
    expect(html).toContain('نظری که رد می‌شود')
    expect(html).toContain('نظری که پاک می‌شود')
    await setStatus(editor, a.id, 'rejected')
    expect((await editor.delete(`/api/comments/${b.id}`)).status).toBe(200)
    html = await articleHtml(news)
    expect(html).not.toContain('نظری که رد می‌شود')
    expect(html).not.toContain('نظری که پاک می‌شود')
    expect(await publicComments(server.url, news.id)).toEqual([])
  })

  it('approves and rejects in bulk', async () => {
    const news = await article('خبر بررسی گروهی')
    const ids = []
    for (const n of ['یکم', 'دوم', 'سوم'])
      ids.push((await postAsGuest(server.url, { article: news.id, guestName: n, body: `نظر ${n}` })).body.doc.id)
    const res = await editor.patch(`/api/comments?where[id][in]=${ids.join(',')}`).send({ status: 'approved' })
    expect(res.status).toBe(200)
    expect(res.body.docs).toHaveLength(3)
    expect((await publicComments(server.url, news.id)).map((c) => c.body)).toEqual(['نظر یکم', 'نظر دوم', 'نظر سوم'])
    await editor.patch(`/api/comments?where[id][in]=${ids.slice(1).join(',')}`).send({ status: 'spam' })
    expect((await publicComments(server.url, news.id)).map((c) => c.body)).toEqual(['نظر یکم'])
  })

  it("removes an article's comments with the article", async () => {
    const news = await article('خبری که پاک می‌شود')
    const c = (await postAsGuest(server.url, { article: news.id, guestName: 'پ', body: 'نظر روی خبر رفتنی' })).body.doc
    expect((await editor.delete(`/api/articles/${news.id}`)).status).toBe(200)
    expect((await admin.get(`/api/comments/${c.id}`)).status).toBe(404)
  })
})

describe('threads and staff replies', () => {
  it('nests replies three levels deep and keeps deeper replies at the third level', async () => {
    const news = await article('خبر گفتگو')
    const address = newAddress()
    const post = async (body: string, parent?: number) => {
      const res = await postAsGuest(server.url, { article: news.id, parent, guestName: 'گفتگوکننده', body }, address)
      expect(res.status).toBe(201)
      await setStatus(editor, res.body.doc.id, 'approved')
      return res.body.doc as { id: number; depth: number; parent: number | null }
    }
    const root = await post('ریشه گفتگو')
    const one = await post('پاسخ سطح یک', root.id)
    const two = await post('پاسخ سطح دو', one.id)
    const three = await post('پاسخ سطح سه', two.id)
    // the rate limit counts this address's five comments; the next one comes from elsewhere
    const four = (
      await postAsGuest(server.url, { article: news.id, parent: three.id, guestName: 'دیگری', body: 'پاسخ به سطح سه' })
    ).body.doc
    expect([root.depth, one.depth, two.depth, three.depth, four.depth]).toEqual([0, 1, 2, 3, 3])
    expect(four.parent).toBe(two.id)

    await setStatus(editor, four.id, 'approved')
    const html = await articleHtml(news)
    // each level sits in its own nested list, in thread order
    expect(html.indexOf('ریشه گفتگو')).toBeLessThan(html.indexOf('پاسخ سطح یک'))
    expect(html.indexOf('پاسخ سطح سه')).toBeLessThan(html.indexOf('پاسخ به سطح سه'))
    expect(html.match(/comment-list--replies/g)).toHaveLength(3)
  })

  it('rejects replies to comments of another article or not yet approved', async () => {
    const news = await article('خبر یکم گفتگو')
    const elsewhere = await article('خبر دوم گفتگو')
    const approved = (await postAsGuest(server.url, { article: news.id, guestName: 'الف', body: 'نظر تأییدشده' })).body
      .doc
    await setStatus(editor, approved.id, 'approved')
    const pending = (await postAsGuest(server.url, { article: news.id, guestName: 'ب', body: 'نظر در انتظار' })).body
      .doc
    for (const [target, parent] of [
      [elsewhere.id, approved.id],
      [news.id, pending.id],
      [news.id, 99999999],
      [news.id, 'abc'],
    ]) {
      const res = await postAsGuest(server.url, { article: target, parent, guestName: 'ج', body: 'پاسخ نابجا' })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors[0]).toMatchObject({
        path: 'parent',
        message: 'نظری که به آن پاسخ می‌دهید پیدا نشد.',
      })
    }
  })

  it("publishes a staff reply as the site's, approves the comment it answers, and emails the commenter", async () => {
    const news = await article('خبر پاسخ سایت')
    const question = (
      await postAsGuest(server.url, {
        article: news.id,
        guestName: 'پرسنده',
        guestEmail: 'porsande@sarkhat.test',
        body: 'زمان ثبت نام کی تمام می‌شود؟',
      })
    ).body.doc
    const reply = await editor
      .post('/api/comments?depth=0')
      .send({ parent: question.id, body: 'ثبت نام تا پایان آذر ادامه دارد.' })
    expect(reply.status).toBe(201)
    expect(reply.body.doc).toMatchObject({
      isStaffReply: true,
      status: 'approved',
      authorName: 'روابط عمومی',
      article: news.id,
      parent: question.id,
      depth: 1,
    })

    expect((await publicComments(server.url, news.id)).map((c) => [c.body, c.isStaffReply])).toEqual([
      ['زمان ثبت نام کی تمام می‌شود؟', false],
      ['ثبت نام تا پایان آذر ادامه دارد.', true],
    ])
    const html = await articleHtml(news)
    expect(html).toContain('پاسخ سایت')
    expect(html).toContain('ثبت نام تا پایان آذر ادامه دارد.')

    const answer = await mail.waitFor((m) => m.subject === `پاسخ به نظر شما درباره «${news.title}»`)
    expect(answer.to && 'text' in answer.to ? answer.to.text : '').toBe('porsande@sarkhat.test')
    expect(answer.text).toContain('ثبت نام تا پایان آذر ادامه دارد.')
    expect(answer.text).toContain(`${newsPath(news.slug)}#comment-${reply.body.doc.id}`)
    expect(answer.html).toContain('lang="fa" dir="rtl"')
  })

  it('emails a signed-in reader at their account address when staff reply', async () => {
    const news = await article('خبر پاسخ به خواننده')
    const { reader, agent } = await signedInReader()
    const question = (await agent.post('/api/comments?depth=0').send({ article: news.id, body: 'پرسش خواننده' })).body
      .doc
    await editor.post('/api/comments').send({ parent: question.id, body: 'پاسخ به خواننده' })
    const answer = await mail.waitFor((m) => m.subject === `پاسخ به نظر شما درباره «${news.title}»`)
    expect(answer.to && 'text' in answer.to ? answer.to.text : '').toBe(reader.email)
  })

  it("lets only editors and admins reply in the site's name", async () => {
    const news = await article('خبر پاسخ پشتیبان')
    const res = await support.post('/api/comments').send({ article: news.id, body: 'پاسخ پشتیبان' })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toBe('پاسخ به نظرها در نام سایت با دبیران و مدیران است.')
  })
})

describe('protection', () => {
  it('keeps HTML and scripts as text', async () => {
    const news = await article('خبر نظر خطرناک')
    const payloads = [
      '<script>alert("xss")</script>',
      '<img src=x onerror=alert(1)>',
      '"><svg onload=alert(1)>',
      'javascript:alert(1)',
    ]
    const res = await postAsGuest(server.url, { article: news.id, guestName: '<b>نام</b>', body: payloads.join('\n') })
    expect(res.status).toBe(201)
    expect(res.body.doc.body).toBe(payloads.join('\n'))
    await setStatus(editor, res.body.doc.id, 'approved')
    const html = await articleHtml(news)
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&lt;b&gt;نام&lt;/b&gt;')
    expect(html).not.toMatch(/<script>alert|<img src=x|<svg onload/)
  })

  it('strips bidi overrides and control characters', async () => {
    const news = await article('خبر نویسه‌های کنترلی')
    const res = await postAsGuest(server.url, {
      article: news.id,
      guestName: 'حسن\u202Eمحمدی',
      body: 'متن\u0000 با\u202E نویسه\u2066 کنترلی‌\u200cدار\r\n\n\n\nپایان',
    })
    expect(res.body.doc).toMatchObject({ authorName: 'حسنمحمدی', body: 'متن با نویسه کنترلی‌\u200cدار\n\nپایان' })
  })

  it('rejects empty, too long and nameless comments with Persian messages, storing nothing', async () => {
    const news = await article('خبر نظر نامعتبر')
    const cases: [Record<string, unknown>, string, string][] = [
      [{ guestName: 'الف', body: '   ' }, 'body', 'متن نظر را بنویسید.'],
      [{ guestName: 'الف', body: 'ن' }, 'body', 'متن نظر دست‌کم ۲ نویسه باشد.'],
      [{ guestName: 'الف', body: 'ب'.repeat(501) }, 'body', 'متن نظر حداکثر ۵۰۰ نویسه می‌تواند باشد (اکنون ۵۰۱).'],
      [{ guestName: '  ', body: 'نظر بی‌نام' }, 'guestName', 'نام خود را بنویسید.'],
      [{ guestName: 'ن'.repeat(81), body: 'نظر با نام بلند' }, 'guestName', 'نام حداکثر ۸۰ نویسه می‌تواند باشد.'],
    ]
    for (const [data, path, message] of cases) {
      const res = await postAsGuest(server.url, { article: news.id, ...data })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors).toContainEqual(expect.objectContaining({ path, message }))
    }
    const email = await postAsGuest(server.url, {
      article: news.id,
      guestName: 'الف',
      guestEmail: 'not-an-email',
      body: 'نظر با رایانامه بد',
    })
    expect(email.status).toBe(400)
    expect(email.body.errors[0].data.errors[0].path).toBe('guestEmail')
    expect(email.body.errors[0].data.errors[0].message).toMatch(/[\u0600-\u06FF]/)
    for (const [target, status] of [
      [99999999, 400],
      ['abc', 400],
    ] as const) {
      const res = await postAsGuest(server.url, { article: target, guestName: 'الف', body: 'نظر بی‌خبر' })
      expect(res.status).toBe(status)
      expect(res.body.errors[0].data.errors[0].message).toBe('خبری که برای آن نظر می‌دهید پیدا نشد.')
    }
    expect((await admin.get(`/api/comments?where[article][equals]=${news.id}`)).body.totalDocs).toBe(0)
  })

  it('refuses comments on drafts and on articles closed to comments', async () => {
    const draft = await createArticle(editor, { title: `پیش‌نویس بی‌نظر ${Date.now()}` }, { draft: true })
    expect(
      (await postAsGuest(server.url, { article: draft.id, guestName: 'الف', body: 'نظر روی پیش‌نویس' })).status,
    ).toBe(400)
    const closed = await article('خبر بسته', { allowComments: false })
    const res = await postAsGuest(server.url, { article: closed.id, guestName: 'الف', body: 'نظر روی خبر بسته' })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toBe('امکان ثبت نظر برای این خبر بسته است.')
    expect(await articleHtml(closed)).toContain('امکان ثبت نظر برای این خبر بسته است.')
  })

  it('files honeypot and blocklist hits as spam without telling the sender', async () => {
    const news = await article('خبر هرزنامه')
    const bot = await postAsGuest(server.url, {
      article: news.id,
      guestName: 'ربات',
      body: 'پیام خودکار',
      website: 'http://spam.example',
    })
    expect(bot.status).toBe(201)
    expect(bot.body.doc.status).toBe('pending')
    await setCommentSettings({ blocklist: 'كازينو\nbad-link.example' })
    try {
      const word = await postAsGuest(server.url, { article: news.id, guestName: 'الف', body: 'بهترین کازینو آنلاین' })
      const link = await postAsGuest(server.url, {
        article: news.id,
        guestName: 'ب',
        body: 'ببینید https://www.BAD-LINK.example/x',
      })
      const clean = await postAsGuest(server.url, { article: news.id, guestName: 'ج', body: 'نظر بی‌ضرر' })
      expect([word.body.doc.status, link.body.doc.status, clean.body.doc.status]).toEqual([
        'pending',
        'pending',
        'pending',
      ])
      const stored = async (id: number) => (await editor.get(`/api/comments/${id}?depth=0`)).body
      expect(await stored(bot.body.doc.id)).toMatchObject({
        status: 'spam',
        spamReason: 'فیلد پنهان فرم (تله ربات) پر شده بود.',
      })
      expect(await stored(word.body.doc.id)).toMatchObject({ status: 'spam', spamReason: 'در فهرست ممنوع: کازینو' })
      expect(await stored(link.body.doc.id)).toMatchObject({
        status: 'spam',
        spamReason: 'در فهرست ممنوع: bad-link.example',
      })
      expect(await stored(clean.body.doc.id)).toMatchObject({ status: 'pending' })
      // spam never reaches the moderators' inbox
      await mail.waitFor((m) => m.text?.includes('نظر بی‌ضرر') ?? false)
      expect(mail.messages.some((m) => m.text?.includes('بهترین کازینو') || m.text?.includes('پیام خودکار'))).toBe(
        false,
      )
    } finally {
      await setCommentSettings({ blocklist: '' })
    }
  })

  it('rejects the same comment sent twice within a minute, also when sent at once', async () => {
    const news = await article('خبر نظر تکراری')
    const address = newAddress()
    const data = { article: news.id, guestName: 'تکرارکننده', body: 'این نظر دو بار می‌آید' }
    expect((await postAsGuest(server.url, data, address)).status).toBe(201)
    // the same words with other letter forms and spacing are the same comment
    const again = await postAsGuest(server.url, { ...data, body: ' اين نظر دو بار مي‌آيد ' }, address)
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toBe('این نظر را همین چند لحظه پیش فرستاده‌اید.')

    const burstData = { article: news.id, guestName: 'هم‌زمان', body: 'نظری که هم‌زمان چند بار فرستاده شد' }
    const burstAddress = newAddress()
    const burst = await Promise.all(Array.from({ length: 4 }, () => postAsGuest(server.url, burstData, burstAddress)))
    expect(burst.map((r) => r.status).sort()).toEqual([201, 409, 409, 409])
    expect((await admin.get(`/api/comments?where[guestName][equals]=هم‌زمان`)).body.totalDocs).toBe(1)
  })

  it('takes 40 comments from 40 readers at once, each stored once (more than the database pool)', async () => {
    const news = await article('خبر پرمخاطب')
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        postAsGuest(server.url, { article: news.id, guestName: `خواننده ${n}`, body: `نظر هم‌زمان شماره ${n}` }),
      ),
    )
    expect(sent.map((r) => r.status)).toEqual(Array(40).fill(201))
    expect((await admin.get(`/api/comments?where[article][equals]=${news.id}&limit=0`)).body.totalDocs).toBe(40)
  })

  it('limits each address to five comments a minute', async () => {
    const news = await article('خبر محدودیت')
    const address = newAddress()
    for (let n = 1; n <= 5; n++)
      expect(
        (await postAsGuest(server.url, { article: news.id, guestName: 'پرکار', body: `نظر شماره ${n}` }, address))
          .status,
      ).toBe(201)
    const sixth = await postAsGuest(server.url, { article: news.id, guestName: 'پرکار', body: 'نظر شماره ۶' }, address)
    expect(sixth.status).toBe(429)
    expect(sixth.body.errors[0].message).toBe('در یک دقیقه بیش از حد مجاز نظر فرستاده‌اید؛ کمی بعد دوباره تلاش کنید.')
    expect(
      (await postAsGuest(server.url, { article: news.id, guestName: 'دیگری', body: 'از نشانی دیگر' })).status,
    ).toBe(201)
    expect((await admin.get(`/api/comments?where[article][equals]=${news.id}`)).body.totalDocs).toBe(6)
  })

  it('asks guests to sign in when the site allows only readers to comment', async () => {
    const news = await article('خبر فقط خوانندگان')
    await setCommentSettings({ allowGuests: false })
    try {
      const guest = await postAsGuest(server.url, { article: news.id, guestName: 'مهمان', body: 'نظر مهمان' })
      expect(guest.status).toBe(403)
      expect(guest.body.errors[0].message).toBe('برای ثبت نظر ابتدا وارد حساب کاربری خود شوید.')
      const { agent } = await signedInReader()
      expect((await agent.post('/api/comments').send({ article: news.id, body: 'نظر خواننده' })).status).toBe(201)
      expect((await request(server.url).get(`/api/comments/viewer?article=${news.id}`)).body.guestsAllowed).toBe(false)
    } finally {
      await setCommentSettings({ allowGuests: true })
    }
  })
})

describe('access', () => {
  let news: ArticleDoc
  let approvedId: number
  let pendingId: number
  beforeAll(async () => {
    news = await article('خبر دسترسی نظرها')
    approvedId = (
      await postAsGuest(server.url, {
        article: news.id,
        guestName: 'الف',
        guestEmail: 'secret-a@sarkhat.test',
        body: 'نظر تأییدشده',
      })
    ).body.doc.id
    pendingId = (
      await postAsGuest(server.url, {
        article: news.id,
        guestName: 'ب',
        guestEmail: 'secret-b@sarkhat.test',
        body: 'نظر در انتظار',
      })
    ).body.doc.id
    await setStatus(editor, approvedId, 'approved')
  })

  it('lets neither anonymous visitors nor readers moderate, edit or delete', async () => {
    const { agent: reader } = await signedInReader()
    const anonymous = request.agent(server.url).set('Origin', SITE_ORIGIN)
    for (const agent of [anonymous, reader]) {
      expect((await agent.patch(`/api/comments/${pendingId}`).send({ status: 'approved' })).status).toBe(403)
      expect((await agent.patch(`/api/comments/${approvedId}`).send({ body: 'دست‌کاری شد' })).status).toBe(403)
      expect(
        (await agent.patch(`/api/comments?where[id][equals]=${pendingId}`).send({ status: 'approved' })).body.docs ??
          [],
      ).toEqual([])
      expect((await agent.delete(`/api/comments/${approvedId}`)).status).toBe(403)
    }
    expect((await setStatus(support, pendingId, 'approved')).status).toBe(403)
    const stored = (await admin.get(`/api/comments/${pendingId}`)).body
    expect(stored.status).toBe('pending')
    expect((await admin.get(`/api/comments/${approvedId}`)).body.body).toBe('نظر تأییدشده')
  })

  it("never reveals commenters' emails, not even through filters or sorting", async () => {
    const { agent: reader } = await signedInReader()
    for (const agent of [request.agent(server.url), reader]) {
      const byId = await agent.get(`/api/comments/${approvedId}`)
      expect(byId.body).not.toHaveProperty('guestEmail')
      for (const query of [
        `where[guestEmail][equals]=secret-a@sarkhat.test`,
        `where[guestEmail][like]=secret`,
        `where[ipHash][exists]=true`,
      ]) {
        const res = await agent.get(`/api/comments?${query}`)
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(JSON.stringify(res.body)).not.toContain('secret-')
      }
      const sorted = await agent.get(`/api/comments?sort=guestEmail&where[article][equals]=${news.id}`)
      expect(JSON.stringify(sorted.body)).not.toContain('secret-')
    }
    expect((await support.get(`/api/comments/${approvedId}`)).body.guestEmail).toBe('secret-a@sarkhat.test')
  })

  it('hides comments of an unpublished article from the public', async () => {
    expect(await publicComments(server.url, news.id)).toHaveLength(1)
    expect((await editor.patch(`/api/articles/${news.id}`).send({ _status: 'draft' })).status).toBe(200)
    expect(await publicComments(server.url, news.id)).toEqual([])
    expect((await request(server.url).get(`/api/comments/${approvedId}`)).status).toBe(404)
    expect((await editor.get(`/api/comments/${approvedId}`)).status).toBe(200)
  })
})
