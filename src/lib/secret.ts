import { env, type Env } from './env'

/** The value shipped in .env.example; a server running with it has a public secret. */
export const EXAMPLE_SECRET = 'change-me-to-a-long-random-string'
const DEVELOPMENT_SECRET = 'sarkhat-development-only-secret-never-in-production'
export const MIN_SECRET_LENGTH = 32

/** Why a secret is unfit for production, in Persian, or null when it is fine. */
export function weakSecretReason(secret: string | undefined): string | null {
  if (!secret) return 'PAYLOAD_SECRET تنظیم نشده است.'
  if (secret === EXAMPLE_SECRET || secret === DEVELOPMENT_SECRET || /change-?me/i.test(secret))
    return 'PAYLOAD_SECRET همان مقدار نمونه است.'
  if (secret.length < MIN_SECRET_LENGTH) return `PAYLOAD_SECRET کوتاه‌تر از ${MIN_SECRET_LENGTH} نویسه است.`
  return null
}

/** Refuses to run a production server with a missing, short or example secret. */
export function assertProductionSecret(config: Env = env()): void {
  if (!config.production) return
  const reason = weakSecretReason(config.payloadSecret)
  if (reason)
    throw new Error(
      `${reason} سرور در حالت production بدون کلید امن راه‌اندازی نمی‌شود. یک مقدار تصادفی دست‌کم ${MIN_SECRET_LENGTH} نویسه‌ای بسازید (برای نمونه: openssl rand -hex 32) و در PAYLOAD_SECRET بگذارید.`,
    )
}

/**
 * The secret Payload signs tokens with. Outside production a fixed development value keeps
 * `npm run dev` working without setup; `next build` needs a value but signs nothing.
 */
export function payloadSecret(config: Env = env()): string {
  if (config.payloadSecret) return config.payloadSecret
  return config.production && !config.buildPhase ? '' : DEVELOPMENT_SECRET
}
