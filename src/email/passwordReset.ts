import { renderEmailHtml, type EmailContent } from './render'
import { getServerURL } from '../lib/serverURL'

export const passwordResetSubject = 'بازیابی گذرواژه — سرخط'

/** The reset link goes to the admin panel for staff and to the user panel for readers. */
export function passwordResetContent(token: string, audience: 'staff' | 'reader'): EmailContent {
  const path = audience === 'staff' ? `/admin/reset/${token}` : `/account/reset-password?token=${token}`
  return {
    heading: 'بازیابی گذرواژه',
    paragraphs: [
      'درخواستی برای تعیین گذرواژه تازه برای حساب شما در سرخط ثبت شده است.',
      'برای تعیین گذرواژه تازه روی دکمه زیر بزنید. این پیوند تا یک ساعت معتبر است.',
      'اگر این درخواست را شما نفرستاده‌اید، این نامه را نادیده بگیرید؛ گذرواژه شما تغییری نمی‌کند.',
    ],
    action: { label: 'تعیین گذرواژه تازه', url: `${getServerURL()}${path}` },
  }
}

export const passwordResetHtml = (token: string, audience: 'staff' | 'reader') =>
  renderEmailHtml(passwordResetContent(token, audience))
