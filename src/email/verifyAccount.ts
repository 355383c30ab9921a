import { getServerURL } from '../lib/serverURL'
import { renderEmailHtml, type EmailContent } from './render'

export const verifyAccountSubject = 'تأیید نشانی رایانامه — سرخط'

/** Sent by Payload when a reader registers; the link verifies the address on our own page. */
export function verifyAccountContent(token: string, name?: string): EmailContent {
  return {
    heading: 'به سرخط خوش آمدید',
    paragraphs: [
      `${name ? `${name} گرامی، ` : ''}حساب کاربری شما ساخته شد.`,
      'برای فعال شدن حساب و ثبت انتقاد، پیشنهاد یا شکایت، نشانی رایانامه خود را با دکمه زیر تأیید کنید.',
      'اگر شما در سرخط نام‌نویسی نکرده‌اید، این نامه را نادیده بگیرید.',
    ],
    action: { label: 'تأیید رایانامه', url: `${getServerURL()}/account/verify?token=${token}` },
  }
}

export const verifyAccountHtml = (token: string, name?: string) => renderEmailHtml(verifyAccountContent(token, name))
