import type { IncomingAuthType } from 'payload'

import { passwordResetHtml, passwordResetSubject } from '../src/email/passwordReset'
import { env } from '../src/lib/env'

/** Auth settings shared by staff and readers: lockout after 5 wrong passwords, strict cookies. */
export function authOptions(audience: 'staff' | 'reader'): IncomingAuthType {
  const { loginMaxAttempts, loginLockMinutes, secureCookies } = env()
  return {
    maxLoginAttempts: loginMaxAttempts,
    lockTime: loginLockMinutes * 60 * 1000,
    tokenExpiration: audience === 'staff' ? 8 * 60 * 60 : 7 * 24 * 60 * 60,
    cookies: { sameSite: 'Lax', secure: secureCookies },
    forgotPassword: {
      generateEmailSubject: () => passwordResetSubject,
      generateEmailHTML: (args) => passwordResetHtml(args?.token ?? '', audience),
    },
  }
}
