import {
  blocklistMatches,
  buildThread,
  cleanCommentBody,
  cleanCommenterName,
  comparableText,
  type PublicComment,
} from '../../src/lib/comments'
import { moderationContent, replyContent } from '../../src/email/comments'
import { renderEmailHtml, renderEmailText } from '../../src/email/render'

describe('cleanCommentBody', () => {
  it.each([
    ['  سلام  ', 'سلام'],
    ['خط یک\r\nخط دو', 'خط یک\nخط دو'],
    ['بند یک\n\n\n\n\nبند دو', 'بند یک\n\nبند دو'],
    ['وارونه\u202Eشده', 'وارونهشده'],
    ['جدا\u2066سازی\u2069', 'جداسازی'],
    ['تهی\u0000\u0007', 'تهی'],
    ['می\u200cروم', 'می\u200cروم'], // ZWNJ is Persian spelling, kept
    ['<b>پررنگ</b>', '<b>پررنگ</b>'], // kept as typed; displayed as text
  ])('%j → %j', (input, expected) => {
    expect(cleanCommentBody(input)).toBe(expected)
  })
})

describe('cleanCommenterName', () => {
  it('keeps one line without controls', () => {
    expect(cleanCommenterName(' علی\n\t رضایی\u202E ')).toBe('علی رضایی')
  })
})

describe('comparableText', () => {
  it('sees the same comment in other letter forms, digits and spacing', () => {
    expect(comparableText('دهياري ۱۲ كشور')).toBe(comparableText(' دهیاری 12  کشور '))
    expect(comparableText('می‌روم')).toBe(comparableText('می روم'))
    expect(comparableText('نظر یک')).not.toBe(comparableText('نظر دو'))
  })
})

describe('blocklistMatches', () => {
  const blocklist = 'كازينو\nbad-link.example, قمار\n\n a '
  it.each([
    ['بهترین کازینو', ['کازینو']],
    ['https://BAD-LINK.example/x', ['bad-link.example']],
    ['قمار و كازينو', ['کازینو', 'قمار']],
    ['نظر بی‌ضرر درباره a و b', []], // single letters are ignored, or every comment would match
  ])('%s', (text, expected) => {
    expect(blocklistMatches(text, blocklist).sort()).toEqual(expected.sort())
  })
  it('matches nothing without a blocklist', () => {
    expect(blocklistMatches('هر متنی', '')).toEqual([])
    expect(blocklistMatches('هر متنی', null)).toEqual([])
  })
})

describe('buildThread', () => {
  const c = (id: number, parent: number | null): PublicComment => ({
    id,
    parent,
    body: `نظر ${id}`,
    authorName: 'الف',
    isStaffReply: false,
    createdAt: '2026-01-01T00:00:00Z',
  })
  it('nests replies under parents in the given order', () => {
    const thread = buildThread([c(1, null), c(2, 1), c(3, null), c(4, 2), c(5, 1)])
    expect(thread.map((n) => n.id)).toEqual([1, 3])
    expect(thread[0]!.replies.map((n) => n.id)).toEqual([2, 5])
    expect(thread[0]!.replies[0]!.replies.map((n) => n.id)).toEqual([4])
  })
  it('shows a reply whose parent is not public at the top level', () => {
    expect(buildThread([c(7, 99), c(8, 7)]).map((n) => n.id)).toEqual([7])
  })
})

describe('comment emails', () => {
  const article = { title: 'خبر <آزمایشی>', slug: 'خبر-آزمایشی' }
  const comment = {
    id: 5,
    authorName: 'علی',
    guestEmail: 'ali@example.com',
    body: '<script>alert(1)</script>\nخط دوم',
    createdAt: '2025-03-20T09:31:00Z',
  }
  it('tells moderators what waits, with a Jalali Tehran time and an escaped body', () => {
    const content = moderationContent(comment, article)
    const html = renderEmailHtml(content)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>')
    expect(renderEmailText(content)).toContain('۳۰ اسفند ۱۴۰۳، ساعت ۱۳:۰۱')
    expect(content.action?.url).toMatch(/\/admin\/collections\/comments\/5$/)
  })
  it('links the reply on the article page', () => {
    const content = replyContent(comment, { ...comment, id: 9, authorName: 'روابط عمومی', body: 'پاسخ' }, article)
    expect(content.action?.url).toMatch(/\/news\/%D8%AE.*#comment-9$/)
    expect(renderEmailText(content)).toContain('روابط عمومی به نظر شما درباره خبر «خبر <آزمایشی>» پاسخ داد')
  })
})
