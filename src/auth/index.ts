import type { CollectionBeforeOperationHook } from 'payload'

import { accountExists, hashAgainstDummySalt, normalisedEmail } from './constantWork'
import { throttleLogin } from './loginThrottle'

export { forgiveSuccessfulLogin, LOGIN_THROTTLED } from './loginThrottle'

/** Marks the forgot-password run this hook started itself, after the answer. */
const BACKGROUND_RESET = 'sarkhatBackgroundReset'
/** An address no account can have (.invalid is reserved): Payload's own run then finds nobody. */
const NOBODY = 'nobody@sarkhat.invalid'

/**
 * Login and forgot-password answer alike, in the same time, for a known and an unknown email
 * (account enumeration), and logins are throttled per address (loginThrottle.ts).
 * - login: an unknown email costs the same password hash a known one does; Payload then answers
 *   the same 401 as for a wrong password.
 * - forgot-password: the real work (token, save, email) for a known email runs after the answer;
 *   the request itself then takes Payload's unknown-email path, whichever email it named.
 */
export const guardAuthOperations: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation === 'login') {
    const { email, password } = (args.data ?? {}) as { email?: unknown; password?: unknown }
    await throttleLogin(req, collection.slug, email)
    if (!(await accountExists(req, collection.slug, normalisedEmail(email))))
      await hashAgainstDummySalt(typeof password === 'string' ? password : '')
    return args
  }
  if (operation === 'forgotPassword' && !req.context?.[BACKGROUND_RESET]) {
    const email = normalisedEmail((args.data as { email?: unknown } | undefined)?.email)
    if (await accountExists(req, collection.slug, email)) {
      const { payload } = req
      void payload
        .forgotPassword({ collection: collection.slug, data: { email }, context: { [BACKGROUND_RESET]: true } })
        .catch((error: unknown) => payload.logger.error({ err: error, msg: 'ارسال ایمیل بازنشانی گذرواژه ناموفق بود' }))
    }
    return { ...args, data: { ...args.data, email: NOBODY } }
  }
  return args
}
