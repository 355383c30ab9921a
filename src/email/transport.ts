import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer, { type Transporter } from 'nodemailer'

/**
 * A transport that only logs: used when SMTP_HOST is unset, so a development machine never
 * sends mail anywhere (Payload's adapter would otherwise fall back to an outside test service).
 */
function loggingTransport(): Transporter {
  return nodemailer.createTransport({
    name: 'sarkhat-log',
    version: '1',
    send(mail, callback) {
      const { to, subject } = mail.data
      const text = typeof mail.data.text === 'string' ? mail.data.text : ''
      console.info(`[email: SMTP_HOST تنظیم نشده؛ فقط ثبت شد] به: ${String(to)} | موضوع: ${String(subject)}\n${text}`)
      callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() } as never)
    },
  })
}

function smtpTransport(host: string): Transporter {
  const port = Number(process.env.SMTP_PORT || 587)
  return nodemailer.createTransport({
    host,
    port,
    secure: process.env.SMTP_SECURE ? process.env.SMTP_SECURE === 'true' : port === 465,
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS ?? '' } : undefined,
    // Loopback test servers present no trusted certificate.
    tls: process.env.SMTP_TLS_REJECT_UNAUTHORIZED === 'false' ? { rejectUnauthorized: false } : undefined,
  })
}

export function emailAdapter() {
  const host = process.env.SMTP_HOST?.trim()
  return nodemailerAdapter({
    defaultFromAddress: process.env.EMAIL_FROM_ADDRESS || 'no-reply@sarkhat.local',
    defaultFromName: process.env.EMAIL_FROM_NAME || 'سرخط',
    transport: host ? smtpTransport(host) : loggingTransport(),
    skipVerify: true,
  })
}
