import crypto from 'node:crypto'

import type { Payload, RequestContext } from 'payload'

import { slugify } from '../lib/slug'
import { type DemoComment, demoArticles, demoAuthors, demoCategories, demoPages, demoTags } from './demoArticles'
import { demoImage } from './images'
import { paragraphsToLexical } from './lexical'
import { seedDemoSupport } from './ticketDepartments'

const SEEDED_KEY = 'sarkhat:demo-content-seeded'
// Seeding happens before the server listens: there is no cached page to refresh yet.
const context: RequestContext = { disableRevalidate: true }
const DAY = 24 * 60 * 60 * 1000

async function findOrCreate(
  payload: Payload,
  collection: 'categories' | 'tags',
  title: string,
): Promise<{ id: number; title: string; slug: string }> {
  const slug = slugify(title)
  const { docs } = await payload.find({ collection, where: { slug: { equals: slug } }, limit: 1, depth: 0 })
  return (
    docs[0] ??
    (await payload.create({ collection: collection as 'tags', data: { title, slug }, context, overrideAccess: true }))
  )
}

/** Demo registrars: real staff accounts with unknown random passwords (an admin can reset them). */
async function demoStaffMember(payload: Payload, name: string, n: number) {
  const email = `demo-editor-${n}@example.com`
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })
  if (docs[0]) return docs[0]
  const password = crypto.randomBytes(24).toString('base64url')
  return payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email, name, roles: ['editor'], password },
  })
}

async function demoMedia(payload: Payload) {
  const alts = [
    'نشست ویدیوکنفرانس مدیران',
    'کلاس آموزشی دهیاران',
    'سامانه پیگیری درخواست‌ها',
    'مزرعه‌ای در روستای هدف',
    'پروژه عمرانی روستا',
    'ساختمان واحد پاسخگویی',
  ]
  const media = []
  // One at a time: uploads pick free file names on disk, which concurrent creates would race for.
  for (const [i, alt] of alts.entries()) {
    const { docs } = await payload.find({ collection: 'media', where: { alt: { equals: alt } }, limit: 1, depth: 0 })
    if (docs[0]) {
      media.push(docs[0])
      continue
    }
    const data = await demoImage(190 + i * 37, i)
    media.push(
      await payload.create({
        collection: 'media',
        data: { alt },
        file: { data, mimetype: 'image/jpeg', name: `sarkhat-demo-${i + 1}.jpg`, size: data.length },
        context,
        overrideAccess: true,
      }),
    )
  }
  return media
}

/** The article's demo comments, timed after its publication; the site's replies in its name. */
async function seedDemoComments(
  payload: Payload,
  article: { id: number; publishedAt?: string | null },
  comments: DemoComment[],
) {
  const published = Date.parse(article.publishedAt ?? new Date().toISOString())
  const ids: number[] = []
  for (const comment of comments) {
    const created = await payload.create({
      collection: 'comments',
      overrideAccess: true,
      context,
      data: {
        article: article.id,
        parent: comment.reply === undefined ? null : ids[comment.reply],
        body: comment.body,
        status: comment.status,
        ...(comment.reply === undefined
          ? { guestName: comment.name, authorName: comment.name }
          : { isStaffReply: true, authorName: 'روابط عمومی' }),
        createdAt: new Date(Math.min(published + comment.hoursAfter * 60 * 60 * 1000, Date.now())).toISOString(),
      },
    })
    ids.push(created.id)
  }
}

/**
 * Persian demo content, loaded once on a fresh database (the KV store remembers it was done,
 * so an editor's later changes are never overwritten). `force` adds what is missing again.
 */
export async function seedDemoContent(payload: Payload, { force = false } = {}): Promise<boolean> {
  if (!force && (await payload.kv.has(SEEDED_KEY))) return false

  const categories: { id: number; title: string; slug: string }[] = []
  for (const title of demoCategories) categories.push(await findOrCreate(payload, 'categories', title))
  const tags: { id: number; title: string; slug: string }[] = []
  for (const title of demoTags) tags.push(await findOrCreate(payload, 'tags', title))
  const media = await demoMedia(payload)
  // Without an admin yet, the first account created becomes admin: leave that to the person who
  // signs up on the create-first-user screen, and publish the demo news without a registrar.
  const { totalDocs: staffCount } = await payload.count({ collection: 'users', overrideAccess: true })
  const authors = []
  if (staffCount > 0)
    for (const [i, name] of demoAuthors.entries()) authors.push(await demoStaffMember(payload, name, i + 1))
  for (const [order, category] of categories.entries())
    await payload.update({ collection: 'categories', id: category.id, data: { order }, context, overrideAccess: true })

  const now = Date.now()
  for (const article of demoArticles) {
    const slug = slugify(article.title)
    const { totalDocs } = await payload.count({ collection: 'articles', where: { slug: { equals: slug } } })
    if (totalDocs) continue
    const created = await payload.create({
      collection: 'articles',
      overrideAccess: true,
      context,
      data: {
        title: article.title,
        slug,
        lead: article.lead,
        body: paragraphsToLexical(article.paragraphs),
        category: categories[demoCategories.indexOf(article.category)]!.id,
        tags: article.tags.map((t) => tags[demoTags.indexOf(t)]!.id),
        featuredImage: media[article.image]!.id,
        author: authors[article.author]?.id,
        publishedAt:
          article.publishedAt ?? new Date(now - (article.daysAgo ?? 0) * DAY - 3 * 60 * 60 * 1000).toISOString(),
        views: article.views,
        allowComments: true,
        _status: 'published',
      },
    })
    await seedDemoComments(payload, created, article.comments ?? [])
  }

  for (const page of demoPages) {
    const { totalDocs } = await payload.count({ collection: 'pages', where: { slug: { equals: page.slug } } })
    if (!totalDocs)
      await payload.create({
        collection: 'pages',
        overrideAccess: true,
        context,
        data: { title: page.title, slug: page.slug, body: paragraphsToLexical(page.paragraphs), _status: 'published' },
      })
  }

  // Globals only when nobody has filled them yet: `npm run seed` must not undo an editor's work.
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  if (!settings.intro && !settings.footerText)
    await payload.updateGlobal({
      slug: 'site-settings',
      overrideAccess: true,
      context,
      data: {
        siteName: 'سرخط',
        tagline: 'پایگاه اطلاع‌رسانی روابط عمومی',
        logo: media[0]!.id,
        intro:
          'سرخط پایگاه خبری روابط عمومی سازمان است. تازه‌ترین خبرها، اطلاعیه‌ها و گزارش‌های سازمان در این پایگاه منتشر می‌شود و شهروندان می‌توانند پس از ورود به پنل کاربری، انتقاد، پیشنهاد یا شکایت خود را ثبت و پیگیری کنند.',
        contact: {
          phone: '021-8800 1234',
          email: 'ravabet@example.com',
          address: 'تهران، خیابان نمونه، کوچه یکم، پلاک ۱۲',
        },
        footerText: 'استفاده از مطالب این پایگاه با ذکر منبع آزاد است.',
        footerLinks: demoPages.map((p) => ({ label: p.title, url: `/pages/${p.slug}` })),
        dateDigits: 'latin',
      },
    })
  const navigation = await payload.findGlobal({ slug: 'navigation', depth: 0 })
  if (!navigation.items?.length)
    await payload.updateGlobal({
      slug: 'navigation',
      overrideAccess: true,
      context,
      data: {
        items: [
          { label: 'صفحه نخست', url: '/' },
          { label: 'آرشیو اخبار', url: '/news' },
          ...categories.slice(0, 3).map((c) => ({ label: c.title, url: `/category/${c.slug}` })),
          { label: 'راهنمای مشتریان', url: '/pages/راهنمای-مشتریان' },
          { label: 'ثبت شکایات', url: '/pages/ثبت-شکایات' },
        ],
      },
    })

  await seedDemoSupport(payload)

  await payload.kv.set(SEEDED_KEY, { at: new Date().toISOString() })
  payload.logger.info('محتوای نمایشی فارسی بارگذاری شد.')
  return true
}
