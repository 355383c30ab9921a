import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer, { type Transporter } from 'nodemailer'

import { env, type Env } from '../lib/env'

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

function smtpTransport({ host, port, secure, user, pass, rejectUnauthorized }: Env['smtp']): Transporter {
  return nodemailer.createTransport({
    host,
    port,
    secure,
    auth: user ? { user, pass } : undefined,
    // Loopback test servers present no trusted certificate.
    tls: rejectUnauthorized ? undefined : { rejectUnauthorized: false },
  })
}

export function emailAdapter() {
  const { smtp, emailFromAddress, emailFromName } = env()
  return nodemailerAdapter({
    defaultFromAddress: emailFromAddress,
    defaultFromName: emailFromName,
    transport: smtp.host ? smtpTransport(smtp) : loggingTransport(),
    skipVerify: true,
  })
}
