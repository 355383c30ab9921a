import type { Payload } from 'payload'

import { formatJalaliDateTime, toPersianDigits } from '../lib/persian'
import { ticketStatusLabel, ticketTypeLabel } from '../lib/tickets'
import { getServerURL } from '../lib/serverURL'
import { type EmailContent, sendInBackground } from './render'

type TicketSummary = {
  id: number | string
  code?: string | null
  subject: string
  type: string
  status: string
  createdAt?: string
}
type MessageSummary = { body: string; authorName?: string | null; createdAt: string }

export type TicketEmail = EmailContent & { subject: string }

const excerpt = (text: string, max = 2000) => (text.length > max ? `${text.slice(0, max)}…` : text)
const codeOf = (ticket: TicketSummary) => toPersianDigits(ticket.code ?? '')
const readerLink = (ticket: TicketSummary) => `${getServerURL()}/account/tickets/${ticket.code}`
const staffLink = (ticket: TicketSummary) => `${getServerURL()}/admin/collections/tickets/${ticket.id}`

/** A ticket email, sent in the background like every other. */
export const sendTicketEmail = (payload: Payload, to: string, { subject, ...content }: TicketEmail): void =>
  sendInBackground(payload, to, subject, content)

export function ticketCreatedContent(ticket: TicketSummary, readerName: string): TicketEmail {
  return {
    subject: `درخواست شما ثبت شد — کد پیگیری ${codeOf(ticket)}`,
    heading: 'درخواست شما ثبت شد',
    paragraphs: [
      `${readerName} گرامی، ${ticketTypeLabel(ticket.type)} شما با موضوع «${ticket.subject}» ثبت شد.`,
      `کد پیگیری: ${codeOf(ticket)}`,
      'پاسخ کارشناسان را در پنل کاربری خود می‌بینید و هر پاسخ تازه را با رایانامه به شما خبر می‌دهیم.',
    ],
    action: { label: 'پیگیری درخواست', url: readerLink(ticket) },
  }
}

export function ticketNewForDepartmentContent(ticket: TicketSummary, readerName: string, body: string): TicketEmail {
  return {
    subject: `درخواست تازه ${codeOf(ticket)}: ${ticket.subject}`,
    heading: `${ticketTypeLabel(ticket.type)} تازه`,
    paragraphs: [
      `کد پیگیری: ${codeOf(ticket)}`,
      `از: ${readerName}`,
      `موضوع: ${ticket.subject}`,
      `متن:\n${excerpt(body)}`,
    ],
    action: { label: 'رسیدگی در پیشخوان', url: staffLink(ticket) },
  }
}

export function staffReplyContent(ticket: TicketSummary, readerName: string, message: MessageSummary): TicketEmail {
  return {
    subject: `پاسخ به درخواست ${codeOf(ticket)}: ${ticket.subject}`,
    heading: 'به درخواست شما پاسخ داده شد',
    paragraphs: [
      `${readerName} گرامی، کارشناس ما به درخواست شما با کد پیگیری ${codeOf(ticket)} پاسخ داد (${formatJalaliDateTime(message.createdAt)}):`,
      excerpt(message.body),
      'اگر پاسخ کافی نبود، در پنل کاربری پاسخ دهید؛ وگرنه می‌توانید درخواست را ببندید و به پاسخ امتیاز دهید.',
    ],
    action: { label: 'دیدن پاسخ', url: readerLink(ticket) },
  }
}

export function readerReplyContent(ticket: TicketSummary, message: MessageSummary): TicketEmail {
  return {
    subject: `پاسخ خواننده به درخواست ${codeOf(ticket)}: ${ticket.subject}`,
    heading: 'خواننده پاسخ داد',
    paragraphs: [
      `کد پیگیری: ${codeOf(ticket)} — وضعیت: ${ticketStatusLabel(ticket.status)}`,
      `${message.authorName ?? 'خواننده'}:\n${excerpt(message.body)}`,
    ],
    action: { label: 'رسیدگی در پیشخوان', url: staffLink(ticket) },
  }
}

export function ticketClosedContent(ticket: TicketSummary, readerName: string, automatically: boolean): TicketEmail {
  return {
    subject: `درخواست ${codeOf(ticket)} بسته شد`,
    heading: 'درخواست شما بسته شد',
    paragraphs: [
      `${readerName} گرامی، درخواست شما با کد پیگیری ${codeOf(ticket)} و موضوع «${ticket.subject}» ${automatically ? 'چون پس از پاسخ ما پیام تازه‌ای نرسید، خودکار' : ''} بسته شد.`.replace(
        /\s+/g,
        ' ',
      ),
      'خوشحال می‌شویم در پنل کاربری به رسیدگی ما امتیاز دهید. اگر هنوز پرسشی دارید، تا چند روز با پاسخ دادن می‌توانید آن را دوباره باز کنید.',
    ],
    action: { label: 'امتیاز دادن', url: readerLink(ticket) },
  }
}
