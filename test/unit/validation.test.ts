import { normalizeIranianMobile } from '../../src/lib/mobile'
import { readEnv } from '../../src/lib/env'
import { assertProductionSecret, EXAMPLE_SECRET, weakSecretReason } from '../../src/lib/secret'

describe('Iranian mobile numbers', () => {
  it.each([
    ['09121234567', '09121234567'],
    ['۰۹۱۲ ۱۲۳ ۴۵۶۷', '09121234567'],
    ['+98 912 123 4567', '09121234567'],
    ['00989121234567', '09121234567'],
    ['9121234567', null],
    ['0912123456', null],
    ['02188001234', null],
    ['abc', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeIranianMobile(input)).toBe(expected)
  })
})

describe('production secret', () => {
  it('rejects a missing, example or short secret with a Persian reason', () => {
    expect(weakSecretReason(undefined)).toMatch(/تنظیم نشده/)
    expect(weakSecretReason(EXAMPLE_SECRET)).toMatch(/نمونه/)
    expect(weakSecretReason('short-secret')).toMatch(/کوتاه/)
    expect(weakSecretReason('a'.repeat(64))).toBeNull()
  })

  it('only guards production', () => {
    expect(() => assertProductionSecret(readEnv({ NODE_ENV: 'development' }))).not.toThrow()
    expect(() => assertProductionSecret(readEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'x' }))).toThrow(
      /PAYLOAD_SECRET/,
    )
  })
})
