import {
  formatJalaliCompact,
  jalaliMonthFirstWeekday,
  jalaliMonthLength,
  jalaliParts,
  jalaliToInstant,
} from '../../src/lib/persian'

// What the admin's date picker and columns rely on: a Jalali wall-clock time in Tehran and the
// ISO instant Payload stores must convert both ways without drifting.
describe('Jalali ↔ instant for the admin', () => {
  test('Nowruz: the last minute of 1403 and the first of 1404', () => {
    expect(jalaliToInstant(1403, 12, 30, 23, 59)!.toISOString()).toBe('2025-03-20T20:29:00.000Z')
    expect(jalaliToInstant(1404, 1, 1, 0, 0)!.toISOString()).toBe('2025-03-20T20:30:00.000Z')
    expect(formatJalaliCompact('2025-03-20T20:29:00Z')).toBe('۱۴۰۳/۱۲/۳۰ ۲۳:۵۹')
    expect(formatJalaliCompact('2025-03-20T20:30:00Z')).toBe('۱۴۰۴/۰۱/۰۱ ۰۰:۰۰')
  })

  test('leap years: 1403 has Esfand 30, 1404 does not', () => {
    expect(jalaliMonthLength(1403, 12)).toBe(30)
    expect(jalaliMonthLength(1404, 12)).toBe(29)
    expect(jalaliToInstant(1404, 12, 30)).toBeNull()
    expect(jalaliToInstant(1404, 12, 29, 12)!.toISOString()).toBe('2026-03-20T08:30:00.000Z')
    expect(jalaliMonthLength(1405, 1)).toBe(31)
    expect(jalaliMonthLength(1405, 7)).toBe(30)
  })

  test("Tehran's offset: +04:30 in the summers before 1401, +03:30 since", () => {
    expect(jalaliToInstant(1398, 4, 1, 12, 0)!.toISOString()).toBe('2019-06-22T07:30:00.000Z')
    expect(jalaliToInstant(1398, 10, 1, 12, 0)!.toISOString()).toBe('2019-12-22T08:30:00.000Z')
    expect(jalaliToInstant(1404, 4, 1, 12, 0)!.toISOString()).toBe('2025-06-22T08:30:00.000Z')
    // The day the clocks went forward (1398/01/02, 00:00 → 01:00): the evening is still exact.
    expect(formatJalaliCompact(jalaliToInstant(1398, 1, 2, 18, 15)!)).toBe('۱۳۹۸/۰۱/۰۲ ۱۸:۱۵')
    // 00:30 that day never showed on a Tehran clock: it lands an hour on, never on the day before.
    expect(formatJalaliCompact(jalaliToInstant(1398, 1, 2, 0, 30)!)).toBe('۱۳۹۸/۰۱/۰۲ ۰۱:۳۰')
    expect(formatJalaliCompact(jalaliToInstant(1398, 1, 2, 1, 0)!)).toBe('۱۳۹۸/۰۱/۰۲ ۰۱:۰۰')
  })

  test('every minute-of-day sample of two years converts back to itself', () => {
    for (const year of [1398, 1403]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= jalaliMonthLength(year, month); day++) {
          const [hour, minute] = [(day * 7) % 24, (day * 13) % 60]
          const parts = jalaliParts(jalaliToInstant(year, month, day, hour, minute)!)
          expect(parts).toEqual({ year, month, day, hour, minute })
        }
      }
    }
  })

  test('month grids start on the right weekday (Saturday = 0)', () => {
    expect(jalaliMonthFirstWeekday(1404, 1)).toBe(6) // 1404/01/01 was a Friday
    expect(jalaliMonthFirstWeekday(1405, 9)).toBe(1) // 1405/09/01 was a Sunday (2026-11-22)
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tehran', weekday: 'short' })
    const fromSaturday = ['Sat', 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri']
    for (let month = 1; month <= 12; month++) {
      const first = jalaliToInstant(1403, month, 1, 12)!
      expect(jalaliMonthFirstWeekday(1403, month)).toBe(fromSaturday.indexOf(weekday.format(first)))
    }
  })

  test('impossible dates and times are refused', () => {
    expect(jalaliToInstant(1404, 13, 1)).toBeNull()
    expect(jalaliToInstant(1404, 7, 31)).toBeNull()
    expect(jalaliToInstant(1404, 1, 1, 24, 0)).toBeNull()
    expect(jalaliToInstant(1404, 1, 1, 10, 60)).toBeNull()
    expect(jalaliToInstant(1404.5, 1, 1)).toBeNull()
  })
})
