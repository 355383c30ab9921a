import { getServerURL } from '../lib/serverURL'
import type { EmailContent } from './render'

export const emailChangeVerifySubject = 'تأیید نشانی رایانامه تازه — سرخط'
export const emailChangeNoticeSubject = 'درخواست تغییر رایانامه حساب — سرخط'

/** To the new address: the address replaces the old one only after this link is followed. */
export function emailChangeVerifyContent(token: string, name?: string): EmailContent {
  return {
    heading: 'تأیید رایانامه تازه',
    paragraphs: [
      `${name ? `${name} گرامی، ` : ''}درخواست شده است که این نشانی، رایانامه حساب شما در سرخط شود.`,
      'برای تأیید روی دکمه زیر بزنید. این پیوند تا ۲۴ ساعت معتبر است و تا آن زمان نشانی پیشین حساب تغییری نمی‌کند.',
      'اگر این درخواست را شما نفرستاده‌اید، این نامه را نادیده بگیرید.',
    ],
    action: { label: 'تأیید رایانامه تازه', url: `${getServerURL()}/account/confirm-email?token=${token}` },
  }
}

/** To the old address: the owner learns of the request before anything changes. */
export function emailChangeNoticeContent(newEmail: string, name?: string): EmailContent {
  return {
    heading: 'درخواست تغییر رایانامه',
    paragraphs: [
      `${name ? `${name} گرامی، ` : ''}درخواست شده است که رایانامه حساب شما در سرخط به ${newEmail} تغییر کند.`,
      'تا وقتی پیوند تأیید فرستاده‌شده به نشانی تازه باز نشود، حساب شما با همین نشانی می‌ماند.',
      'اگر این درخواست را شما نفرستاده‌اید، هرچه زودتر گذرواژه خود را تغییر دهید.',
    ],
  }
}
