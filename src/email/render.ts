import type { Payload } from 'payload'

/** Persian RTL email body from its parts (heading, paragraphs, an optional button). */
export type EmailContent = {
  heading: string
  paragraphs: string[]
  action?: { label: string; url: string }
  footer?: string
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function renderEmailHtml({ heading, paragraphs, action, footer }: EmailContent): string {
  const font = "Vazirmatn, Tahoma, 'Segoe UI', sans-serif"
  const body = paragraphs.map((p) => `<p style="margin:0 0 12px;white-space:pre-line">${escapeHtml(p)}</p>`).join('')
  const button = action
    ? `<p style="margin:20px 0"><a href="${escapeHtml(action.url)}" style="background:#0b5d8a;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="margin:0 0 12px;font-size:12px;color:#555">اگر دکمه کار نکرد، این نشانی را در مرورگر باز کنید:<br><span dir="ltr">${escapeHtml(action.url)}</span></p>`
    : ''
  const foot = footer ? `<p style="margin-top:24px;font-size:12px;color:#777">${escapeHtml(footer)}</p>` : ''
  return `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:${font}" dir="rtl">
<div style="max-width:560px;margin:auto;background:#fff;border-radius:8px;padding:24px;text-align:right;line-height:1.9;color:#1d2733">
<h1 style="font-size:18px;margin:0 0 16px">${escapeHtml(heading)}</h1>${body}${button}${foot}</div></body></html>`
}

/** The same content as plain text, for mail clients that do not show HTML. */
export function renderEmailText({ heading, paragraphs, action, footer }: EmailContent): string {
  return [
    heading,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(action ? [`${action.label}: ${action.url}`, ''] : []),
    ...(footer ? [footer] : []),
  ]
    .join('\n')
    .trim()
}

/** Sends after the response: a slow or failing mail server never fails the request that caused it. */
export function sendInBackground(payload: Payload, to: string, subject: string, content: EmailContent): void {
  void Promise.resolve()
    .then(() => payload.sendEmail({ to, subject, html: renderEmailHtml(content), text: renderEmailText(content) }))
    .catch((error: unknown) =>
      payload.logger.error(`ارسال رایانامه «${subject}» به ${to} ناموفق بود: ${(error as Error).message}`),
    )
}
