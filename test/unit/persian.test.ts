import {
  formatJalaliDate,
  formatJalaliDateTime,
  formatJalaliLong,
  toLatinDigits,
  toPersianDigits,
} from '../../src/lib/persian'

describe('digits', () => {
  it('turns Persian and Arabic-Indic digits into ASCII and back', () => {
    expect(toLatinDigits('۱۴۰۴/۰۱/۰۱ و ١٢٣ و 45')).toBe('1404/01/01 و 123 و 45')
    expect(toPersianDigits('تعداد بازدید: 274')).toBe('تعداد بازدید: ۲۷۴')
    expect(toPersianDigits(1399)).toBe('۱۳۹۹')
  })
})

describe('Jalali dates in Tehran', () => {
  it('matches the date line of the old site', () => {
    expect(formatJalaliDate('2020-05-27T08:00:00Z')).toBe('1399/03/07')
    expect(formatJalaliDate('2020-05-27T08:00:00Z', 'persian')).toBe('۱۳۹۹/۰۳/۰۷')
    expect(formatJalaliLong('2020-05-27T08:00:00Z')).toBe('۷ خرداد ۱۳۹۹')
  })

  it('starts 1404 at Nowruz, after the leap day 1403/12/30, on Tehran time', () => {
    expect(formatJalaliDate('2025-03-21T12:00:00Z')).toBe('1404/01/01')
    // 23:59 and 00:01 in Tehran (UTC+03:30) on both sides of midnight.
    expect(formatJalaliDate('2025-03-20T20:29:00Z')).toBe('1403/12/30')
    expect(formatJalaliDate('2025-03-20T20:31:00Z')).toBe('1404/01/01')
  })

  it('writes the time of day in Tehran with Persian digits', () => {
    expect(formatJalaliDateTime('2020-05-27T10:35:00Z')).toBe('۷ خرداد ۱۳۹۹، ساعت ۱۵:۰۵')
  })

  it('refuses an invalid date instead of printing NaN', () => {
    expect(() => formatJalaliDate('not a date')).toThrow(RangeError)
  })
})
