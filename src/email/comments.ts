import { formatJalaliDateTime } from '../lib/persian'
import { publicPath } from '../lib/preview'
import { getServerURL } from '../lib/serverURL'
import type { EmailContent } from './render'

type CommentSummary = {
  id: number | string
  authorName?: string | null
  guestEmail?: string | null
  body: string
  createdAt: string
}
type ArticleSummary = { title: string; slug: string }

const excerpt = (text: string, max = 600) => (text.length > max ? `${text.slice(0, max)}…` : text)

export const moderationSubject = (article: ArticleSummary) => `نظر تازه در انتظار تأیید: ${article.title}`

/** To the moderators: a comment waits for them. */
export function moderationContent(comment: CommentSummary, article: ArticleSummary): EmailContent {
  return {
    heading: 'نظر تازه در انتظار تأیید',
    paragraphs: [
      `خبر: ${article.title}`,
      `نویسنده نظر: ${comment.authorName ?? '—'}${comment.guestEmail ? ` (${comment.guestEmail})` : ''}`,
      `زمان: ${formatJalaliDateTime(comment.createdAt)}`,
      `متن نظر:\n${excerpt(comment.body)}`,
    ],
    action: { label: 'بررسی در پیشخوان', url: `${getServerURL()}/admin/collections/comments/${comment.id}` },
    footer: 'این نامه به نشانی ناظران نظرات که در تنظیمات سایت آمده فرستاده شده است.',
  }
}

export const replySubject = (article: ArticleSummary) => `پاسخ به نظر شما درباره «${article.title}»`

/** To a commenter who left an address: the site answered them. */
export function replyContent(original: CommentSummary, reply: CommentSummary, article: ArticleSummary): EmailContent {
  return {
    heading: 'به نظر شما پاسخ داده شد',
    paragraphs: [
      `${original.authorName ?? 'خواننده'} گرامی، ${reply.authorName ?? 'سایت'} به نظر شما درباره خبر «${article.title}» پاسخ داد.`,
      `نظر شما:\n${excerpt(original.body, 300)}`,
      `پاسخ:\n${excerpt(reply.body, 2000)}`,
    ],
    action: {
      label: 'دیدن پاسخ در سایت',
      url: `${getServerURL()}${publicPath('articles', article.slug)}#comment-${reply.id}`,
    },
    footer: 'این نامه را به این دلیل دریافت کرده‌اید که هنگام ثبت نظر نشانی رایانامه خود را وارد کرده بودید.',
  }
}
