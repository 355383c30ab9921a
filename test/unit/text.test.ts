import { XMLValidator } from 'fast-xml-parser'

import { foldPersianLetters, normalizePersian } from '../../src/lib/persian'
import { toPersianMessage } from '../../src/lib/persianErrors'
import { renderRss } from '../../src/lib/rss'
import { slugify } from '../../src/lib/slug'

describe('normalizePersian', () => {
  it.each([
    ['دهياري', 'دهیاری'],
    ['كشور', 'کشور'],
    ['خانۀ ملت', 'خانه ملت'],
    ['إسلام', 'اسلام'],
    ['۱۴۰۴ و ١٢٣', '1404 و 123'],
    ['مـــدیـــران', 'مدیران'],
    ['كِتابٌ', 'کتاب'],
    ['می‌روم', 'می روم'],
    ['  فاصله\u200c\u200c های   زیاد ', 'فاصله های زیاد'],
    ['Payload CMS', 'payload cms'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePersian(input)).toBe(expected)
  })

  it('keeps آ and ئ, which are letters of their own', () => {
    expect(foldPersianLetters('آبادی مسئول')).toBe('آبادی مسئول')
  })
})

describe('slugify', () => {
  it.each([
    ['نشست ويديوكنفرانس مديران كل', 'نشست-ویدیوکنفرانس-مدیران-کل'],
    ['توسعه‌یافته‌ترین روستاهای ۱۴۰۴!', 'توسعه-یافته-ترین-روستاهای-1404'],
    ['  «گزارش» ویژه: بخش ۲ — پایانی  ', 'گزارش-ویژه-بخش-2-پایانی'],
    ['Hello World 2025', 'hello-world-2025'],
    ['؟؟؟', ''],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('caps the length without a trailing hyphen', () => {
    const slug = slugify('خبر '.repeat(60))
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug.endsWith('-')).toBe(false)
  })
})

describe('RSS', () => {
  it('escapes markup and drops control characters, staying valid XML', () => {
    const xml = renderRss({
      title: 'سرخط & <شرکا>',
      description: 'خبرها',
      siteURL: 'http://localhost:3000',
      feedURL: 'http://localhost:3000/feed.xml',
      items: [
        {
          title: 'خبر "ویژه" <b>\u0007',
          url: 'http://localhost:3000/news/a?b=1&c=2',
          description: "لید 'کوتاه'",
          publishedAt: '2020-05-27T08:30:00Z',
          category: 'اخبار',
        },
      ],
    })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<title>خبر &quot;ویژه&quot; &lt;b&gt;</title>')
    expect(xml).toContain('<pubDate>Wed, 27 May 2020 08:30:00 GMT</pubDate>')
  })
})

describe('Persian error messages', () => {
  it('rewrites Payload messages that come in English, leaves Persian ones alone', () => {
    expect(toPersianMessage('Invalid MIME type: application/xml.')).toBe('نوع یا محتوای این پرونده پذیرفته نیست.')
    expect(toPersianMessage('The following field is invalid: file')).toBe('این فیلدها نامعتبرند: file')
    expect(toPersianMessage('شماره موبایل معتبر نیست')).toBe('شماره موبایل معتبر نیست')
  })
})
