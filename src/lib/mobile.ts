import { toLatinDigits } from './persian/digits'

/**
 * An Iranian mobile number in its canonical form `09xxxxxxxxx`, accepting what people type:
 * Persian digits, spaces and dashes, and the +98 / 0098 / 98 prefixes. Returns null when it is not one.
 */
export function normalizeIranianMobile(input: string): string | null {
  const compact = toLatinDigits(input).replace(/[\s\-()]/g, '')
  const national = compact.replace(/^(\+98|0098|98)(?=9\d{9}$)/, '0')
  return /^09\d{9}$/.test(national) ? national : null
}
