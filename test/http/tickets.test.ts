import crypto from 'node:crypto'

import request from 'supertest'

import { toPersianDigits } from '../../src/lib/persian/digits'
import {
  type Agent,
  createStaff,
  PASSWORD,
  signIn,
  signInAsAdmin,
  SITE_ORIGIN,
  uniqueEmail,
  verifyReader,
} from '../helpers/accounts'
import { type MailCatcher, startMailCatcher } from '../helpers/mailCatcher'
import { type RunningServer, startServer } from '../helpers/server'
import {
  fileTicket,
  fileURL,
  jalaliYearNow,
  type MessageDoc,
  pdf,
  PNG,
  postMessage,
  recipient,
  signedInReader,
  storedTicketFiles,
  type TicketDoc,
  ticketData,
  upload,
  uploadOk,
} from '../helpers/tickets'

const DEPARTMENT_EMAIL = 'tickets-unit@sarkhat.test'
const persian = /[\u0600-\u06FF]/
let server: RunningServer
let mail: MailCatcher
let admin: Agent
let support: Agent
let supportUser: { id: number | string; email: string; name: string }
let editor: Agent
let editorUser: { id: number | string; email: string }
let department: number

const smtp = () => ({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.port), SMTP_SECURE: 'false' })

beforeAll(async () => {
  mail = await startMailCatcher()
  // Its jobs cron ticks every second, so the hourly idle-ticket job is queued (waiting for the next
  // hour) long before the auto-close test starts an instance with a faster schedule beside it.
  server = await startServer({ ...smtp(), JOBS_AUTORUN_CRON: '* * * * * *' })
  admin = await signInAsAdmin(server.url)
  supportUser = await createStaff(admin, 'support', 'کارشناس پشتیبانی')
  support = await signIn(server.url, 'users', supportUser.email)
  editorUser = await createStaff(admin, 'editor', 'دبیر بی‌درخواست')
  editor = await signIn(server.url, 'users', editorUser.email)
  const res = await admin
    .post('/api/departments')
    .send({ title: 'واحد آزمون درخواست‌ها', email: DEPARTMENT_EMAIL, active: true })
  expect(res.status).toBe(201)
  department = res.body.doc.id
})
afterAll(async () => {
  await server?.stop()
  await mail?.close()
})

const reader = (name?: string) => signedInReader(server.url, name)
const staffView = async (id: number | string): Promise<TicketDoc> =>
  (await support.get(`/api/tickets/${id}?depth=0`)).body
const messagesOf = async (id: number | string): Promise<MessageDoc[]> =>
  (await support.get(`/api/ticket-messages?where[ticket][equals]=${id}&depth=0&sort=createdAt&limit=100`)).body.docs
const codeNumber = (code: string) => Number(code.split('-')[1])
const firstError = (res: request.Response) =>
  res.body.errors?.[0]?.data?.errors?.[0]?.message ?? res.body.errors?.[0]?.message

async function setTicketSettings(tickets: { reopenDays: number; autoCloseDays: number }) {
  const res = await admin.post('/api/globals/site-settings').send({ tickets })
  expect(res.status).toBe(200)
  expect(res.body.result.tickets).toMatchObject(tickets)
}

describe('filing a ticket', () => {
  it('gives the reader a yearly tracking code by email and tells the department; server fields in the body are ignored', async () => {
    const { reader: me, agent } = await reader('مریم شاکی')
    const { reader: other } = await reader()
    const res = await agent.post('/api/tickets?depth=0').send({
      ...ticketData(department, { subject: 'تأخیر در پاسخ‌گویی', message: 'سه هفته است پاسخی نگرفته‌ام.' }),
      status: 'closed',
      code: '1300-999999',
      requester: other.id,
      priority: 'urgent',
      assignee: supportUser.id,
      rating: 5,
    })
    expect(res.status).toBe(201)
    const ticket = res.body.doc as TicketDoc
    expect(ticket.code).toMatch(new RegExp(`^${jalaliYearNow()}-\\d{6}$`))
    expect(ticket).toMatchObject({
      status: 'new',
      priority: 'normal',
      requester: me.id,
      type: 'complaint',
      subject: 'تأخیر در پاسخ‌گویی',
    })
    expect(ticket.rating ?? null).toBeNull()
    expect((await staffView(ticket.id)).assignee ?? null).toBeNull()

    // the first message is part of the ticket, written by the reader
    const own = await agent.get(`/api/ticket-messages?where[ticket][equals]=${ticket.id}&depth=0`)
    expect(own.body.docs).toHaveLength(1)
    expect(own.body.docs[0]).toMatchObject({
      body: 'سه هفته است پاسخی نگرفته‌ام.',
      fromStaff: false,
      authorName: 'مریم شاکی',
    })

    const code = toPersianDigits(ticket.code)
    const toReader = await mail.waitFor((m) => recipient(m) === me.email && m.subject!.includes(code))
    expect(toReader.subject).toBe(`درخواست شما ثبت شد — کد پیگیری ${code}`)
    expect(toReader.text).toContain(`${SITE_ORIGIN}/account/tickets/${ticket.code}`)
    expect(toReader.html).toContain('dir="rtl"')
    const toDepartment = await mail.waitFor((m) => recipient(m) === DEPARTMENT_EMAIL && m.subject!.includes(code))
    expect(toDepartment.subject).toBe(`درخواست تازه ${code}: تأخیر در پاسخ‌گویی`)
    expect(toDepartment.text).toContain('سه هفته است پاسخی نگرفته‌ام.')
    expect(toDepartment.text).toContain(`${SITE_ORIGIN}/admin/collections/tickets/${ticket.id}`)
  })

  it('is for signed-in readers only', async () => {
    const before = (await admin.get('/api/tickets?limit=0')).body.totalDocs
    const anonymous = await request(server.url)
      .post('/api/tickets')
      .set('Origin', SITE_ORIGIN)
      .send(ticketData(department))
    expect(anonymous.status).toBe(403)
    expect(firstError(anonymous)).toMatch(persian)
    for (const staff of [support, editor, admin])
      expect((await staff.post('/api/tickets').send(ticketData(department))).status).toBe(403)
    expect((await admin.get('/api/tickets?limit=0')).body.totalDocs).toBe(before)
  })
})

describe('ticket lifecycle', () => {
  it('goes new → in progress → answered → closed, with emails and a history, and the reader rates it', async () => {
    const { reader: me, agent } = await reader('رضا پیگیر')
    const ticket = await fileTicket(agent, department, { type: 'suggestion', subject: 'پیشنهاد ساعت کاری' })
    const code = toPersianDigits(ticket.code)

    const pickUp = await support
      .patch(`/api/tickets/${ticket.id}?depth=0`)
      .send({ status: 'in_progress', assignee: supportUser.id, priority: 'high' })
    expect(pickUp.status).toBe(200)
    expect(pickUp.body.doc).toMatchObject({ status: 'in_progress', assignee: supportUser.id, priority: 'high' })
    // only support staff and admins work tickets
    expect((await support.patch(`/api/tickets/${ticket.id}`).send({ assignee: editorUser.id })).status).toBe(400)

    const answer = await postMessage(support, ticket.id, 'پیشنهاد شما بررسی شد و در دست اجراست.')
    expect(answer.status).toBe(201)
    expect(answer.body.doc).toMatchObject({ fromStaff: true, internal: false, authorName: 'کارشناس پشتیبانی' })
    const answered = await staffView(ticket.id)
    expect(answered.status).toBe('answered')
    expect(answered.answeredAt).toBeTruthy()
    const answerMail = await mail.waitFor(
      (m) => recipient(m) === me.email && m.subject === `پاسخ به درخواست ${code}: پیشنهاد ساعت کاری`,
    )
    expect(answerMail.text).toContain('پیشنهاد شما بررسی شد و در دست اجراست.')
    expect(answerMail.text).toContain(`${SITE_ORIGIN}/account/tickets/${ticket.code}`)

    // the reader writes again: back in progress, and the department and the assignee hear of it
    expect((await postMessage(agent, ticket.id, 'چه زمانی اجرا می‌شود؟')).status).toBe(201)
    expect((await staffView(ticket.id)).status).toBe('in_progress')
    const readerReplySubject = `پاسخ خواننده به درخواست ${code}: پیشنهاد ساعت کاری`
    for (const to of [DEPARTMENT_EMAIL, supportUser.email]) {
      const notice = await mail.waitFor((m) => recipient(m) === to && m.subject === readerReplySubject)
      expect(notice.text).toContain('چه زمانی اجرا می‌شود؟')
      expect(notice.text).toContain(`/admin/collections/tickets/${ticket.id}`)
    }

    expect((await postMessage(support, ticket.id, 'از ماه آینده.')).status).toBe(201)
    expect((await staffView(ticket.id)).status).toBe('answered')

    // a reader changes nothing but closing and rating
    const promote = await agent.patch(`/api/tickets/${ticket.id}`).send({ status: 'in_progress' })
    expect(promote.status).toBe(400)
    expect(firstError(promote)).toBe('شما فقط می‌توانید درخواست خود را ببندید یا پس از بسته شدن به آن امتیاز دهید.')
    const earlyRating = await agent.patch(`/api/tickets/${ticket.id}`).send({ rating: 5 })
    expect(earlyRating.status).toBe(400)
    expect(firstError(earlyRating)).toBe('امتیاز را پس از بسته شدن درخواست می‌توانید بدهید.')
    expect(
      (
        await agent
          .patch(`/api/tickets/${ticket.id}`)
          .send({ subject: 'موضوع دست‌کاری‌شده', priority: 'urgent', assignee: null })
      ).status,
    ).toBe(200)
    expect(await staffView(ticket.id)).toMatchObject({
      status: 'answered',
      subject: 'پیشنهاد ساعت کاری',
      priority: 'high',
      assignee: supportUser.id,
    })

    const close = await agent.patch(`/api/tickets/${ticket.id}?depth=0`).send({ status: 'closed' })
    expect(close.status).toBe(200)
    expect(close.body.doc.status).toBe('closed')
    expect(close.body.doc.closedAt).toBeTruthy()
    const closedMail = await mail.waitFor((m) => recipient(m) === me.email && m.subject === `درخواست ${code} بسته شد`)
    expect(closedMail.text).toContain(`${SITE_ORIGIN}/account/tickets/${ticket.code}`)

    const badRating = await agent.patch(`/api/tickets/${ticket.id}`).send({ rating: 6 })
    expect(badRating.status).toBe(400)
    expect(firstError(badRating)).toMatch(persian)
    const rate = await agent
      .patch(`/api/tickets/${ticket.id}?depth=0`)
      .send({ rating: 4, ratingComment: 'پاسخ سریع بود.' })
    expect(rate.status).toBe(200)
    expect(await staffView(ticket.id)).toMatchObject({ status: 'closed', rating: 4, ratingComment: 'پاسخ سریع بود.' })
    // staff cannot rate on the reader's behalf
    await support.patch(`/api/tickets/${ticket.id}`).send({ rating: 1 })
    expect((await staffView(ticket.id)).rating).toBe(4)

    // a reply within the reopening window reopens the ticket
    expect((await postMessage(agent, ticket.id, 'یک پرسش دیگر هم دارم.')).status).toBe(201)
    const reopened = await staffView(ticket.id)
    expect(reopened.status).toBe('in_progress')
    expect(reopened.closedAt ?? null).toBeNull()

    const history = (reopened.history as { status: string; by: string }[]).map((h) => h.status)
    expect(history).toEqual(['new', 'in_progress', 'answered', 'in_progress', 'answered', 'closed', 'in_progress'])
    const conversation = await agent.get(
      `/api/ticket-messages?where[ticket][equals]=${ticket.id}&sort=createdAt&depth=2`,
    )
    expect(conversation.body.docs.map((m: MessageDoc) => m.body)).toEqual([
      'متن نخستین پیام درخواست',
      'پیشنهاد شما بررسی شد و در دست اجراست.',
      'چه زمانی اجرا می‌شود؟',
      'از ماه آینده.',
      'یک پرسش دیگر هم دارم.',
    ])
    // the reader sees who answered by name, never the staff account behind it
    const readerView = JSON.stringify([conversation.body, (await agent.get(`/api/tickets/${ticket.id}?depth=2`)).body])
    expect(readerView).toContain('کارشناس پشتیبانی')
    expect(readerView).not.toContain(supportUser.email)
    expect(readerView).not.toContain(DEPARTMENT_EMAIL)
  })

  it('refuses a reply to a ticket closed longer than the reopening window, in Persian', async () => {
    const { agent } = await reader()
    const ticket = await fileTicket(agent, department)
    await postMessage(support, ticket.id, 'پاسخ کارشناس')
    expect((await agent.patch(`/api/tickets/${ticket.id}`).send({ status: 'closed' })).status).toBe(200)
    await setTicketSettings({ reopenDays: 0, autoCloseDays: 7 })
    try {
      const late = await postMessage(agent, ticket.id, 'پیام دیرهنگام')
      expect(late.status).toBe(409)
      expect(firstError(late)).toBe('این درخواست بسته شده و مهلت پاسخ به آن گذشته است؛ لطفاً درخواست تازه‌ای ثبت کنید.')
      expect((await messagesOf(ticket.id)).map((m) => m.body)).not.toContain('پیام دیرهنگام')
      expect((await staffView(ticket.id)).status).toBe('closed')
    } finally {
      await setTicketSettings({ reopenDays: 7, autoCloseDays: 7 })
    }
    expect((await postMessage(agent, ticket.id, 'پیام در مهلت')).status).toBe(201)
    expect((await staffView(ticket.id)).status).toBe('in_progress')
  })
})

describe('tracking codes', () => {
  it('gives 100 tickets filed at once 100 distinct, consecutive codes', async () => {
    const readers = await Promise.all(Array.from({ length: 10 }, () => reader()))
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        readers[i % 10]!.agent.post('/api/tickets?depth=0').send(
          ticketData(department, { subject: `درخواست هم‌زمان ${i}` }),
        ),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201))
    const codes = results.map((r) => r.body.doc.code as string)
    expect(new Set(codes).size).toBe(100)
    const numbers = codes.map(codeNumber).sort((a, b) => a - b)
    expect(numbers[99]! - numbers[0]!).toBe(99)
    for (const code of codes) expect(code.startsWith(`${jalaliYearNow()}-`)).toBe(true)
    // every ticket kept its first message
    const ids = results.map((r) => r.body.doc.id).join(',')
    const messages = await support.get(`/api/ticket-messages?where[ticket][in]=${ids}&limit=0`)
    expect(messages.body.totalDocs).toBe(100)
  })

  it('does not use up a number on a refused ticket', async () => {
    const { agent } = await reader()
    const first = await fileTicket(agent, department)
    for (const bad of [{ subject: '  ' }, { type: 'praise' }, { message: '' }, { department: 99999999 }]) {
      expect((await agent.post('/api/tickets').send(ticketData(department, bad))).status).toBe(400)
    }
    const next = await fileTicket(agent, department)
    expect(codeNumber(next.code)).toBe(codeNumber(first.code) + 1)
  })
})

describe('refused input', () => {
  let agent: Agent
  let otherAgent: Agent
  beforeAll(async () => {
    ;({ agent } = await reader('خواننده بی‌دقت'))
    ;({ agent: otherAgent } = await reader())
  })

  const ticketsOf = async (a: Agent) => (await a.get('/api/tickets/count')).body.totalDocs as number

  it('rejects a ticket without a message, subject, known type or department with Persian messages, storing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ message: undefined }, 'متن پیام را بنویسید.'],
      [{ message: '   ' }, 'متن پیام را بنویسید.'],
      [{ message: 'ب'.repeat(10_001) }, 'متن پیام حداکثر ۱۰٬۰۰۰ نویسه می‌تواند باشد.'],
      [{ subject: '' }, 'موضوع درخواست را بنویسید.'],
      [{ subject: ' \n ' }, 'موضوع درخواست را بنویسید.'],
      [{ type: 'praise' }, 'نوع درخواست را برگزینید: انتقاد، پیشنهاد یا شکایت.'],
      [{ type: undefined }, 'نوع درخواست را برگزینید: انتقاد، پیشنهاد یا شکایت.'],
      [{ department: undefined }, 'واحد مربوط را برگزینید.'],
      [{ department: 99999999 }, 'واحد مربوط را برگزینید.'],
      [{ department: 'abc' }, 'واحد مربوط را برگزینید.'],
    ]
    for (const [data, message] of cases) {
      const res = await agent.post('/api/tickets').send(ticketData(department, data))
      expect([res.status, firstError(res)]).toEqual([400, message])
    }
    expect(await ticketsOf(agent)).toBe(0)
  })

  it('rejects an empty reply and a reply to a ticket that does not exist', async () => {
    const ticket = await fileTicket(agent, department)
    const empty = await postMessage(agent, ticket.id, '  \n ')
    expect(empty.status).toBe(400)
    expect(firstError(empty)).toBe('متن پیام را بنویسید.')
    const missing = await postMessage(agent, 99999999, 'پاسخ به هیچ')
    expect(missing.status).toBe(404)
    expect(firstError(missing)).toMatch(persian)
    expect(await messagesOf(ticket.id)).toHaveLength(1)
  })

  it('accepts only images and PDFs whose content matches their name, up to 5 MB, storing nothing else', async () => {
    const filesBefore = storedTicketFiles()
    const countBefore = (await admin.get('/api/ticket-attachments?limit=0')).body.totalDocs
    const cases: [string, Buffer, number, string][] = [
      [
        'receipt.pdf',
        Buffer.from('این یک پی‌دی‌اف نیست، فقط متن است.'),
        400,
        'فقط تصویر (JPEG، PNG، WebP، GIF) یا PDF پذیرفته می‌شود و محتوای پرونده باید با نوع آن یکی باشد.',
      ],
      [
        'photo.png',
        Buffer.from('<html><script>alert(1)</script></html>'),
        400,
        'فقط تصویر (JPEG، PNG، WebP، GIF) یا PDF پذیرفته می‌شود و محتوای پرونده باید با نوع آن یکی باشد.',
      ],
      [
        'photo.png',
        pdf(),
        400,
        'فقط تصویر (JPEG، PNG، WebP، GIF) یا PDF پذیرفته می‌شود و محتوای پرونده باید با نوع آن یکی باشد.',
      ],
      [
        'scan.pdf',
        PNG,
        400,
        'فقط تصویر (JPEG، PNG، WebP، GIF) یا PDF پذیرفته می‌شود و محتوای پرونده باید با نوع آن یکی باشد.',
      ],
      [
        'drawing.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>'),
        400,
        'فقط تصویر (JPEG، PNG، WebP، GIF) یا PDF پذیرفته می‌شود و محتوای پرونده باید با نوع آن یکی باشد.',
      ],
      [
        'setup.exe',
        Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]),
        400,
        'فقط تصویر (JPEG، PNG، WebP، GIF) یا PDF پذیرفته می‌شود و محتوای پرونده باید با نوع آن یکی باشد.',
      ],
      ['big.pdf', pdf(5 * 1024 * 1024), 413, 'حجم هر پیوست حداکثر ۵ مگابایت است.'],
    ]
    for (const [name, content, status, message] of cases) {
      const res = await upload(agent, name, content, name.endsWith('.png') ? 'image/png' : 'application/pdf')
      expect([name, res.status, firstError(res)]).toEqual([name, status, message])
    }
    expect((await admin.get('/api/ticket-attachments?limit=0')).body.totalDocs).toBe(countBefore)
    expect(storedTicketFiles()).toEqual(filesBefore)
  })

  it("refuses another reader's attachment, an attachment used twice and more than five at once", async () => {
    const foreign = await uploadOk(otherAgent, 'others.png', PNG)
    const tried = await agent.post('/api/tickets').send(ticketData(department, { attachments: [foreign.id] }))
    expect(tried.status).toBe(400)
    expect(firstError(tried)).toBe('پیوستی که فرستاده‌اید پیدا نشد یا پیش‌تر به پیام دیگری پیوست شده است.')
    expect(await ticketsOf(agent)).toBe(1) // only the ticket of the test before

    const six = await Promise.all(Array.from({ length: 6 }, (_, i) => uploadOk(agent, `page-${i}.png`, PNG)))
    const tooMany = await agent.post('/api/tickets').send(ticketData(department, { attachments: six.map((a) => a.id) }))
    expect(tooMany.status).toBe(400)
    expect(firstError(tooMany)).toBe('حداکثر ۵ پیوست برای هر پیام می‌توانید بفرستید.')
    expect(await ticketsOf(agent)).toBe(1)

    const ticket = await fileTicket(agent, department, { attachments: [six[0]!.id] })
    const reused = await postMessage(agent, ticket.id, 'همان پیوست دوباره', { attachments: [six[0]!.id] })
    expect(reused.status).toBe(400)
    expect(firstError(reused)).toBe('پیوستی که فرستاده‌اید پیدا نشد یا پیش‌تر به پیام دیگری پیوست شده است.')
    const foreignReply = await postMessage(agent, ticket.id, 'پیوست دیگری', { attachments: [foreign.id] })
    expect(foreignReply.status).toBe(400)
    expect((await messagesOf(ticket.id)).map((m) => m.body)).toEqual(['متن نخستین پیام درخواست'])
  })
})

describe('access', () => {
  let owner: { reader: { id: number | string; email: string }; agent: Agent }
  let intruder: Agent
  let ticket: TicketDoc
  let firstMessage: MessageDoc
  let note: MessageDoc
  let attachment: { id: number; filename: string; url: string; [key: string]: unknown }
  let staffFile: { id: number; filename: string }
  const SECRET = `یادداشت محرمانه ${crypto.randomBytes(4).toString('hex')}`

  beforeAll(async () => {
    owner = await reader('صاحب درخواست')
    ;({ agent: intruder } = await reader('کنجکاو'))
    attachment = await uploadOk(owner.agent, 'رسید پرداخت.png', PNG)
    ticket = await fileTicket(owner.agent, department, {
      subject: 'موضوع خصوصی',
      message: 'متن خصوصی صاحب درخواست',
      attachments: [attachment.id],
    })
    firstMessage = (await messagesOf(ticket.id))[0]!
    staffFile = await uploadOk(support, 'internal.pdf', pdf())
    const res = await postMessage(support, ticket.id, SECRET, { internal: true, attachments: [staffFile.id] })
    expect(res.status).toBe(201)
    note = res.body.doc
    expect(note.internal).toBe(true)
  })

  it('stores attachments under a random name and serves them as downloads to the uploader and support staff', async () => {
    expect(attachment.filename).toMatch(/^[0-9a-f-]{36}\.png$/)
    expect(attachment.originalName).toBe('رسید پرداخت.png')
    expect(attachment.url).toBe(`${SITE_ORIGIN}${fileURL(attachment.filename)}`)
    expect(storedTicketFiles()).toContain(attachment.filename)
    expect(firstMessage.attachments).toEqual([attachment.id])

    for (const agent of [owner.agent, support, admin]) {
      const res = await agent.get(fileURL(attachment.filename)).buffer(true)
      expect(res.status).toBe(200)
      expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0)
      expect(res.headers['content-disposition']).toMatch(/^attachment/)
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['cache-control']).toContain('no-store')
    }
  })

  it('answers 404 to another reader for the ticket, its code, its messages and its files, and leaks nothing', async () => {
    const responses = [
      await intruder.get(`/api/tickets/${ticket.id}`),
      await intruder.get(`/api/ticket-messages/${firstMessage.id}`),
      await intruder.get(`/api/ticket-messages/${note.id}`),
      await intruder.get(`/api/ticket-attachments/${attachment.id}`),
      await intruder.get(fileURL(attachment.filename)),
      await intruder.get(fileURL(staffFile.filename)),
      await intruder.patch(`/api/tickets/${ticket.id}`).send({ status: 'closed' }),
      await postMessage(intruder, ticket.id, 'پیام نفوذی'),
    ]
    expect(responses.map((r) => r.status)).toEqual(Array(responses.length).fill(404))

    const lists = [
      await intruder.get(`/api/tickets?where[code][equals]=${ticket.code}`),
      await intruder.get(`/api/tickets?where[id][equals]=${ticket.id}`),
      await intruder.get('/api/tickets?limit=100'),
      await intruder.get(`/api/ticket-messages?where[ticket][equals]=${ticket.id}`),
      await intruder.get('/api/ticket-messages?limit=100&depth=2'),
      await intruder.get(`/api/ticket-attachments?where[filename][equals]=${attachment.filename}`),
    ]
    for (const list of lists) expect([list.status, list.body.totalDocs]).toEqual([200, 0])
    const bulk = await intruder.patch(`/api/tickets?where[id][equals]=${ticket.id}`).send({ status: 'closed' })
    expect(bulk.body.docs ?? []).toEqual([])
    expect([403, 404]).toContain((await intruder.delete(`/api/tickets/${ticket.id}`)).status)

    const graphql = await intruder.post('/api/graphql').send({
      query: `{ Tickets(where: { code: { equals: "${ticket.code}" } }) { docs { id subject } } TicketMessages(limit: 100) { docs { body } } }`,
    })
    expect(graphql.body.data).toEqual({ Tickets: { docs: [] }, TicketMessages: { docs: [] } })

    const everything = JSON.stringify([...responses, ...lists, bulk, graphql].map((r) => r.body))
    for (const secret of ['موضوع خصوصی', 'متن خصوصی', attachment.filename, SECRET, owner.reader.email])
      expect(everything).not.toContain(secret)
    expect((await staffView(ticket.id)).status).toBe('new')
  })

  it('serves no ticket file to visitors or editors', async () => {
    for (const agent of [request.agent(server.url).set('Origin', SITE_ORIGIN), editor]) {
      expect((await agent.get(fileURL(attachment.filename))).status).toBe(404)
      expect((await agent.get(`/api/ticket-attachments/${attachment.id}`)).status).not.toBe(200)
    }
    // the files are not under any public path either
    for (const path of [
      `/${attachment.filename}`,
      `/media/${attachment.filename}`,
      `/api/media/file/${attachment.filename}`,
      `/data/test-ticket-files/${attachment.filename}`,
    ])
      expect((await request(server.url).get(path)).status).not.toBe(200)
  })

  it('shows editors no tickets at all', async () => {
    expect((await editor.get('/api/tickets')).status).toBe(403)
    expect((await editor.get(`/api/tickets/${ticket.id}`)).status).toBe(403)
    expect((await editor.get('/api/ticket-messages')).status).toBe(403)
    expect((await editor.patch(`/api/tickets/${ticket.id}`).send({ status: 'closed' })).status).toBe(403)
    const reply = await postMessage(editor, ticket.id, 'پاسخ دبیر')
    expect(reply.status).toBe(403)
    expect(firstError(reply)).toMatch(persian)
    const graphql = await editor.post('/api/graphql').send({ query: '{ Tickets { docs { id subject } } }' })
    expect(graphql.body.data?.Tickets ?? null).toBeNull()
    expect(JSON.stringify(graphql.body)).not.toContain('موضوع خصوصی')
    expect((await staffView(ticket.id)).status).toBe('new')
  })

  it('shows support staff and admins every ticket and the internal notes', async () => {
    for (const agent of [support, admin]) {
      const found = await agent.get(`/api/tickets?where[code][equals]=${ticket.code}&depth=0`)
      expect(found.body.docs.map((t: TicketDoc) => t.id)).toEqual([ticket.id])
      const messages = await agent.get(`/api/ticket-messages?where[ticket][equals]=${ticket.id}&depth=0`)
      expect(messages.body.docs.map((m: MessageDoc) => m.body)).toContain(SECRET)
    }
  })

  it('never shows an internal note to the reader: not by REST, by id, populated or through GraphQL', async () => {
    const agent = owner.agent
    const views = [
      await agent.get(`/api/ticket-messages?where[ticket][equals]=${ticket.id}&depth=2`),
      await agent.get('/api/ticket-messages?limit=100&depth=2'),
      await agent.get(`/api/ticket-messages?where[internal][equals]=true`),
      await agent.get(
        `/api/ticket-messages?where[or][0][internal][equals]=true&where[or][1][ticket][equals]=${ticket.id}`,
      ),
      await agent.get(`/api/tickets/${ticket.id}?depth=3`),
      await agent.get('/api/tickets?depth=3'),
      await agent.get('/api/ticket-attachments?depth=3&limit=100'),
      await agent.get(`/api/ticket-attachments/${attachment.id}?depth=3`),
    ]
    for (const view of views) expect(view.status).toBe(200)
    expect(views[0]!.body.docs.map((m: MessageDoc) => m.id)).toEqual([firstMessage.id])
    expect(views[2]!.body.docs).toEqual([])
    expect((await agent.get(`/api/ticket-messages/${note.id}`)).status).toBe(404)
    expect((await agent.get(fileURL(staffFile.filename))).status).toBe(404)

    const graphql = await agent.post('/api/graphql').send({
      query: `{ TicketMessages(limit: 100) { docs { id body internal ticket { id code } } } TicketMessage(id: ${note.id}) { body } }`,
    })
    expect(graphql.body.data?.TicketMessages.docs.map((m: { id: number }) => m.id)).toEqual([firstMessage.id])
    expect(graphql.body.data?.TicketMessage ?? null).toBeNull()

    for (const view of [...views, graphql]) expect(JSON.stringify(view.body)).not.toContain(SECRET)
    expect(JSON.stringify(views.map((v) => v.body))).not.toContain(staffFile.filename)
    // and no email carries it
    await postMessage(support, ticket.id, 'پاسخ عمومی پس از یادداشت')
    await mail.waitFor(
      (m) => recipient(m) === owner.reader.email && (m.text ?? '').includes('پاسخ عمومی پس از یادداشت'),
    )
    expect(mail.messages.filter((m) => (m.text ?? '').includes(SECRET) || (m.html || '').includes(SECRET))).toEqual([])
    // an internal note neither answers the ticket nor counts as its last message
    const notedOnly = await fileTicket(agent, department)
    const before = await staffView(notedOnly.id)
    expect((await postMessage(support, notedOnly.id, `${SECRET} دوم`, { internal: true })).status).toBe(201)
    expect(await staffView(notedOnly.id)).toMatchObject({ status: 'new', lastMessageAt: before.lastMessageAt })
  })

  it('lets a reader write no internal note and no staff message', async () => {
    const res = await postMessage(owner.agent, ticket.id, 'پیام خواننده با پرچم داخلی', {
      internal: true,
      fromStaff: true,
      authorName: 'کارشناس',
    })
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ internal: false, fromStaff: false, authorName: 'صاحب درخواست' })
    expect((await owner.agent.get(`/api/ticket-messages/${res.body.doc.id}`)).status).toBe(200)
  })

  it('lets the reader download what staff attached to a public answer, never a file of an internal note', async () => {
    const answerFile = await uploadOk(support, 'پاسخ.pdf', pdf())
    const answer = await postMessage(support, ticket.id, 'پاسخ با پیوست', { attachments: [answerFile.id] })
    expect(answer.status).toBe(201)
    const downloaded = await owner.agent.get(fileURL(answerFile.filename)).buffer(true)
    expect(downloaded.status).toBe(200)
    expect(Buffer.compare(downloaded.body as Buffer, pdf())).toBe(0)
    const { body } = await owner.agent.get(`/api/ticket-messages?where[ticket][equals]=${ticket.id}&depth=1`)
    const shown = body.docs.find((m: MessageDoc) => m.id === answer.body.doc.id)
    expect(shown.attachments.map((a: { originalName: string }) => a.originalName)).toEqual(['پاسخ.pdf'])
    expect((await owner.agent.get(fileURL(staffFile.filename))).status).toBe(404)
    expect((await intruder.get(fileURL(answerFile.filename))).status).toBe(404)
  })
})

describe('limits', () => {
  let limited: RunningServer
  let address = crypto.randomInt(1, 200)
  const nextAddress = () => `203.0.113.${++address % 250}`
  beforeAll(async () => {
    limited = await startServer({ ...smtp(), TICKET_RATE_LIMIT_PER_HOUR: '2', READER_SIGNUP_RATE_LIMIT_PER_HOUR: '2' })
  })
  afterAll(async () => {
    await limited?.stop()
  })

  const register = (from: string, email = uniqueEmail('limited')) =>
    request(limited.url)
      .post('/api/readers')
      .set('Origin', SITE_ORIGIN)
      .set('X-Forwarded-For', from)
      .send({ email, password: PASSWORD, name: 'خواننده پرکار' })

  it('limits registrations per client address', async () => {
    const from = nextAddress()
    for (let n = 0; n < 2; n++) expect((await register(from)).status).toBe(201)
    const email = uniqueEmail('third')
    const third = await register(from, email)
    expect(third.status).toBe(429)
    expect(firstError(third)).toBe(
      'از این نشانی در یک ساعت بیش از حد مجاز حساب ساخته شده است؛ کمی بعد دوباره تلاش کنید.',
    )
    expect((await admin.get('/api/readers').query({ where: { email: { equals: email } } })).body.totalDocs).toBe(0)
    expect((await register(nextAddress())).status).toBe(201)
  })

  it('limits tickets per reader and hour', async () => {
    const res = await register(nextAddress())
    await verifyReader(limited.url, res.body.doc.id)
    const agent = await signIn(limited.url, 'readers', res.body.doc.email)
    for (let n = 0; n < 2; n++) expect((await agent.post('/api/tickets').send(ticketData(department))).status).toBe(201)
    const third = await agent.post('/api/tickets').send(ticketData(department, { subject: 'درخواست سوم' }))
    expect(third.status).toBe(429)
    expect(firstError(third)).toBe('در یک ساعت بیش از حد مجاز درخواست ثبت کرده‌اید؛ کمی بعد دوباره تلاش کنید.')
    expect((await agent.get('/api/tickets/count')).body.totalDocs).toBe(2)
  })
})

describe('closing idle tickets', () => {
  let fast: RunningServer
  beforeAll(async () => {
    fast = await startServer({ ...smtp(), JOBS_AUTORUN_CRON: '* * * * * *', TICKET_AUTO_CLOSE_CRON: '* * * * * *' })
  })
  afterAll(async () => {
    try {
      await setTicketSettings({ reopenDays: 7, autoCloseDays: 7 })
    } finally {
      await fast?.stop()
    }
  })

  it('closes answered tickets without news after the configured days, and tells the reader, beside an instance with a slower schedule', async () => {
    const { reader: me, agent } = await reader('خواننده خاموش')
    const answered = await fileTicket(agent, department, { subject: 'پاسخ‌داده و بی‌پیام' })
    await postMessage(support, answered.id, 'پاسخ نهایی کارشناس')
    const waiting = await fileTicket(agent, department, { subject: 'در انتظار پاسخ' })
    expect((await support.patch(`/api/tickets/${waiting.id}`).send({ status: 'in_progress' })).status).toBe(200)
    expect((await staffView(answered.id)).status).toBe('answered')

    await setTicketSettings({ reopenDays: 7, autoCloseDays: 0 })
    const code = toPersianDigits(answered.code)
    const notice = await mail.waitFor(
      (m) => recipient(m) === me.email && m.subject === `درخواست ${code} بسته شد`,
      30_000,
    )
    expect(notice.text).toContain('خودکار')
    const closed = await staffView(answered.id)
    expect(closed.status).toBe('closed')
    expect((closed.history as { status: string; by: string }[]).at(-1)).toMatchObject({
      status: 'closed',
      by: 'بستن خودکار',
    })
    expect((await staffView(waiting.id)).status).toBe('in_progress')
  }, 60_000)
})
