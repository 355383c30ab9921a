import type { Payload } from 'payload'

import { articleSearchFields } from '../db/search'
import { formatTicketCode } from '../lib/tickets/code'
import { jalaliParts } from '../lib/persian'
import { slugify } from '../lib/slug'
import { seedDemoContent } from './demoContent'
import { paragraphsToLexical } from './lexical'

/** The volume `npm run seed -- --scale` loads: a portal a few years into its life. */
export const SCALE = { articles: 10_000, comments: 100_000, readers: 1_000, tickets: 5_000 }
/** Every generated reader signs in with this password (benchmarks log them in). */
export const SCALE_READER_PASSWORD = 'Khanande-Azmoon-1405'
export const scaleReaderEmail = (n: number) => `khanande-${String(n).padStart(5, '0')}@scale.sarkhat.test`

// A seeded generator (mulberry32), so every scale seed is the same corpus.
function generator(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// News-shaped Persian, with the quirks of real content: Arabic ي/ك in some, Persian and Latin digits.
const WORDS = (
  'دهیاری سامانه کشور روستا توسعه استان شهرستان مدیران نشست گزارش برنامه طرح اجرای جمعیت اطلاعات مالی پروانه ' +
  'ساخت آموزش دوره ثبت نام شهروندان درخواست پیگیری بودجه اعتبارات عمرانی پروژه اشتغال کشاورزی آب برق گاز جاده مدرسه ' +
  'بهداشت درمان خدمات دولت وزارت معاون سازمان اداره دفتر امور همکاری هماهنگی نظارت ارزیابی کیفیت'
).split(' ')
const JOINERS = 'و در به از برای با'.split(' ')
const NAMES = 'مریم رضا زهرا علی فاطمه حسین سارا محمد نرگس امیر لیلا مهدی'.split(' ')
const FAMILIES = 'احمدی رضایی کریمی حسینی موسوی محمدی نوری صادقی رحیمی جعفری'.split(' ')
const TYPES = ['criticism', 'suggestion', 'complaint'] as const
const STATUSES = ['new', 'in_progress', 'answered', 'closed'] as const

type Rng = () => number
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!
function phrase(rng: Rng, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(i % 3 === 2 ? pick(rng, JOINERS) : pick(rng, WORDS))
  return out.join(' ')
}
const arabicize = (text: string) => text.replace(/ی/g, 'ي').replace(/ک/g, 'ك')
const persianDigits = (text: string) => text.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!)

type Db = {
  drizzle: {
    insert(table: unknown): {
      values(rows: object[]): {
        returning(fields?: object): Promise<{ id: number }[]>
        onConflictDoUpdate(o: object): Promise<unknown>
      } & Promise<unknown>
    }
  }
  tables: Record<string, Record<string, unknown>>
}

/** Rows straight into the tables (both SQL adapters, through Payload's own Drizzle schema), in chunks. */
async function insertRows(payload: Payload, table: string, rows: object[], chunk = 400): Promise<number[]> {
  const db = payload.db as unknown as Db
  const ids: number[] = []
  for (let i = 0; i < rows.length; i += chunk) {
    const inserted = await db.drizzle
      .insert(db.tables[table])
      .values(rows.slice(i, i + chunk))
      .returning({ id: db.tables[table]!.id })
    ids.push(...inserted.map((row) => row.id))
  }
  return ids
}

/**
 * Loads a realistic volume on top of the demo content: published articles over two years (with
 * bodies, categories, registrars, views and search words), approved comments concentrated on the
 * popular articles, verified readers, and their tickets with a first message each. Straight into
 * the tables: Payload's create, one document at a time with its hooks, would take most of an hour.
 * The search index follows by itself (SQLite triggers, PostgreSQL generated columns).
 */
export async function seedAtScale(
  payload: Payload,
  counts = SCALE,
  log: (line: string) => void = () => undefined,
): Promise<typeof SCALE> {
  if (payload.db.name !== 'sqlite' && payload.db.name !== 'postgres')
    throw new Error('seeding at scale needs SQLite or PostgreSQL')
  const rng = generator(1405)
  await seedDemoContent(payload)
  const now = Date.now()
  const iso = (ms: number) => new Date(ms).toISOString()

  const categories = (
    await payload.find({ collection: 'categories', limit: 100, depth: 0, pagination: false, overrideAccess: true })
  ).docs.map((c) => c.id)
  const editors = (
    await payload.find({
      collection: 'users',
      where: { roles: { contains: 'editor' } },
      limit: 100,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs.map((u) => u.id)
  const departments = (
    await payload.find({ collection: 'departments', limit: 100, depth: 0, pagination: false, overrideAccess: true })
  ).docs.map((d) => d.id)
  if (!categories.length || !editors.length || !departments.length)
    throw new Error('demo content (categories, registrars, departments) is missing')

  // Readers: one created through Payload (a real password hash), the rest share its salt and hash.
  const first = await payload.create({
    collection: 'readers',
    data: { email: scaleReaderEmail(1), name: 'خواننده ۱', password: SCALE_READER_PASSWORD, _verified: true } as never,
    overrideAccess: true,
    disableVerificationEmail: true,
  })
  const stored = (await payload.db.findOne({
    collection: 'readers',
    where: { id: { equals: first.id } },
  })) as unknown as { salt: string; hash: string }
  const readerRows = Array.from({ length: counts.readers - 1 }, (_, i) => ({
    email: scaleReaderEmail(i + 2),
    name: `${pick(rng, NAMES)} ${pick(rng, FAMILIES)}`,
    salt: stored.salt,
    hash: stored.hash,
    _verified: true,
    loginAttempts: 0,
    createdAt: iso(now - rng() * 700 * 86400_000),
    updatedAt: iso(now),
  }))
  const readers = [first.id as number, ...(await insertRows(payload, 'readers', readerRows))]
  log(`${readers.length} خواننده`)

  const articleRows = Array.from({ length: counts.articles }, (_, n) => {
    let title = phrase(rng, 8)
    let lead = phrase(rng, 22)
    const paragraphs = Array.from({ length: 4 }, () => `${phrase(rng, 30)} ${1390 + Math.floor(rng() * 16)}.`)
    if (n % 3 === 0) {
      title = arabicize(title)
      lead = arabicize(lead)
    }
    if (n % 4 === 0) paragraphs[0] = persianDigits(paragraphs[0]!)
    const body = paragraphsToLexical(paragraphs)
    const publishedAt = iso(now - Math.floor(rng() * 730 * 86400_000))
    // Views: most articles a few hundred, a few thousands.
    const views = Math.floor(50 + 5000 * rng() ** 4)
    return {
      title,
      lead,
      body,
      slug: `${slugify(title).slice(0, 60)}-${n + 1}`,
      category: pick(rng, categories),
      author: pick(rng, editors),
      publishedAt,
      views,
      allowComments: true,
      _status: 'published',
      ...articleSearchFields({ title, lead, body }),
      createdAt: publishedAt,
      updatedAt: publishedAt,
    }
  })
  const articles = await insertRows(payload, 'articles', articleRows, 200)
  log(`${articles.length} خبر`)

  // Comments: the popular articles (low indexes after a square) collect most of them.
  const commentRows = Array.from({ length: counts.comments }, () => {
    const article = articles[Math.floor(articles.length * rng() ** 2)]!
    const name = `${pick(rng, NAMES)} ${pick(rng, FAMILIES)}`
    return {
      body: phrase(rng, 6 + Math.floor(rng() * 20)),
      status: 'approved',
      article,
      depth: 0,
      authorName: name,
      guestName: name,
      isStaffReply: false,
      createdAt: iso(now - Math.floor(rng() * 700 * 86400_000)),
      updatedAt: iso(now),
    }
  })
  await insertRows(payload, 'comments', commentRows, 500)
  log(`${commentRows.length} نظر`)

  // Tickets of this Jalali year, numbered after the year's counter, each with the reader's first message.
  const year = jalaliParts(new Date(now)).year
  const counter = await payload.find({
    collection: 'ticket-counters',
    where: { year: { equals: year } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const numbered = Number(counter.docs[0]?.value ?? 0)
  const ticketRows = Array.from({ length: counts.tickets }, (_, i) => {
    const at = iso(now - Math.floor(rng() * 200 * 86400_000))
    return {
      code: formatTicketCode(year, numbered + i + 1),
      subject: phrase(rng, 5),
      type: pick(rng, TYPES),
      department: pick(rng, departments),
      status: pick(rng, STATUSES),
      priority: 'normal',
      requester: readers[i % readers.length]!,
      lastMessageAt: at,
      createdAt: at,
      updatedAt: at,
    }
  })
  const tickets = await insertRows(payload, 'tickets', ticketRows, 300)
  await insertRows(
    payload,
    'ticket_messages',
    tickets.map((ticket, i) => ({
      ticket,
      body: phrase(rng, 25),
      internal: false,
      fromStaff: false,
      authorName: 'خواننده',
      authorReader: ticketRows[i]!.requester,
      requester: ticketRows[i]!.requester,
      createdAt: ticketRows[i]!.createdAt,
      updatedAt: ticketRows[i]!.createdAt,
    })),
    300,
  )
  // New tickets continue the year's numbering.
  const db = payload.db as unknown as Db
  const counters = db.tables.ticket_counters!
  const value = numbered + counts.tickets
  await db.drizzle
    .insert(counters)
    .values([{ year, value }])
    .onConflictDoUpdate({ target: counters.year, set: { value } })
  log(`${tickets.length} درخواست`)
  return counts
}
