import type { IncomingAuthType } from 'payload'

import { passwordResetHtml, passwordResetSubject } from '../src/email/passwordReset'

const secureCookies = (process.env.SERVER_URL ?? '').startsWith('https://')

/** Auth settings shared by staff and readers: lockout after 5 wrong passwords, strict cookies. */
export function authOptions(audience: 'staff' | 'reader'): IncomingAuthType {
  return {
    maxLoginAttempts: Number(process.env.LOGIN_MAX_ATTEMPTS || 5),
    lockTime: Number(process.env.LOGIN_LOCK_MINUTES || 10) * 60 * 1000,
    tokenExpiration: audience === 'staff' ? 8 * 60 * 60 : 7 * 24 * 60 * 60,
    cookies: { sameSite: 'Lax', secure: secureCookies },
    forgotPassword: {
      generateEmailSubject: () => passwordResetSubject,
      generateEmailHTML: (args) => passwordResetHtml(args?.token ?? '', audience),
    },
  }
}
