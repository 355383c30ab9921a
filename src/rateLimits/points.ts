import { type AfterErrorHook, APIError, type CollectionAfterOperationHook, type PayloadRequest } from 'payload'
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible'

import { type RateLimitKind } from './kinds'
import { limitersFor } from './limiters'

/** A point this request spent and gives back if the request fails (refundSpentPoints). */
export type SpentPoint = { kind: RateLimitKind; key: string; limiter: RateLimiterAbstract }

type SpendOptions = {
  /** The Persian answer past the limit (HTTP 429). */
  refusal: string
  /**
   * Whether a request that fails afterwards gets its point back (default true). Sign-ups say
   * no: otherwise «already registered» would be free, and addresses could be tried without end.
   */
  refundable?: boolean
}

/**
 * Spends one of `key`'s points for `kind` before anything is stored, atomically in the shared
 * counter: of a burst, exactly the limit gets through. Past the limit: an APIError 429 with
 * `refusal` and a Retry-After header. Does nothing when the kind's limit is off (0).
 */
export async function spendPoint(
  req: PayloadRequest,
  kind: RateLimitKind,
  key: string,
  { refusal, refundable = true }: SpendOptions,
): Promise<void> {
  const limiters = limitersFor(kind)
  if (!limiters) return
  let limiter: RateLimiterAbstract = limiters.shared
  try {
    await consume(limiter, key)
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(req, refusal, error)
    // The cluster primary did not answer in time (Redis has its own insurance limiter): this
    // process counts alone rather than refusing everyone or letting everything through.
    req.payload.logger.warn(`شمارنده مشترک محدودیت «${kind}» پاسخ نداد؛ این فرایند خودش می‌شمارد: ${String(error)}`)
    limiter = limiters.local
    try {
      await consume(limiter, key)
    } catch (localError) {
      if (localError instanceof RateLimiterRes) throw tooMany(req, refusal, localError)
      throw localError
    }
  }
  if (refundable) (req.context.spentRateLimitPoints ??= []).push({ kind, key, limiter })
}

const consume = (limiter: RateLimiterAbstract, key: string) => limiter.consume(key, 1)

function tooMany(req: PayloadRequest, refusal: string, res: RateLimiterRes): APIError {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000))
  // Payload adds these to its error answer (REST); express passes them on to the client.
  ;(req.responseHeaders ??= new Headers()).set('Retry-After', String(seconds))
  return new APIError(refusal, 429, null, true)
}

/**
 * Payload's afterError hook (config-wide, so REST and GraphQL alike): a request that spent points
 * and then failed — a validation error, a duplicate, a refused parent — gives them back, so only
 * what is stored counts. Failures that spent nothing (the 429 itself) find nothing to give back.
 */
export const refundSpentPoints: AfterErrorHook = async ({ req }) => {
  const spent = req.context?.spentRateLimitPoints
  if (!spent?.length) return
  req.context.spentRateLimitPoints = []
  await Promise.all(
    spent.map(({ kind, key, limiter }) =>
      limiter
        .reward(key, 1)
        .catch((error: unknown) =>
          req.payload.logger.warn(`بازگرداندن امتیاز محدودیت «${kind}» ممکن نشد: ${String(error)}`),
        ),
    ),
  )
}

/**
 * A collection's afterOperation hook: once its create has succeeded, the request's points of
 * `kind` are kept for good. Without it, a later failure in the same request (a second mutation of
 * one GraphQL request, failing on purpose) would give back the point of a comment already stored.
 */
export const keepSpentPoints =
  (kind: RateLimitKind): CollectionAfterOperationHook =>
  ({ operation, req, result }) => {
    const spent = req.context.spentRateLimitPoints
    if (operation === 'create' && spent?.length)
      req.context.spentRateLimitPoints = spent.filter((point) => point.kind !== kind)
    return result
  }
