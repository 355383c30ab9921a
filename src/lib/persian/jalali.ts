import { toLatinDigits, toPersianDigits } from './digits'

/** Every date a person reads is shown in the Persian calendar, on Tehran's clock. */
export const TEHRAN_TIME_ZONE = 'Asia/Tehran'

export type DigitStyle = 'latin' | 'persian'

type JalaliParts = { year: number; month: number; day: number; hour: number; minute: number }

const numericFormatter = new Intl.DateTimeFormat('fa-IR-u-ca-persian-nu-latn', {
  timeZone: TEHRAN_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
})

const monthNameFormatter = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  timeZone: TEHRAN_TIME_ZONE,
  month: 'long',
})

function toDate(value: Date | string | number): Date {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(value)}`)
  return date
}

/** The Jalali calendar fields of an instant, as seen in Tehran. */
export function jalaliParts(value: Date | string | number): JalaliParts {
  const parts = numericFormatter.formatToParts(toDate(value))
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(toLatinDigits(parts.find((p) => p.type === type)?.value ?? '0'))
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The date line of an article: `1399/03/07` (Latin digits, as on the old site) or `۱۳۹۹/۰۳/۰۷`. */
export function formatJalaliDate(value: Date | string | number, digits: DigitStyle = 'latin'): string {
  const { year, month, day } = jalaliParts(value)
  const text = `${year}/${pad(month)}/${pad(day)}`
  return digits === 'persian' ? toPersianDigits(text) : text
}

/** Long form for running text: «۷ خرداد ۱۳۹۹». */
export function formatJalaliLong(value: Date | string | number): string {
  const date = toDate(value)
  const { year, day } = jalaliParts(date)
  return `${toPersianDigits(day)} ${monthNameFormatter.format(date)} ${toPersianDigits(year)}`
}

/** Long form with Tehran time: «۷ خرداد ۱۳۹۹، ساعت ۱۴:۰۵». */
export function formatJalaliDateTime(value: Date | string | number): string {
  const { hour, minute } = jalaliParts(value)
  return `${formatJalaliLong(value)}، ساعت ${toPersianDigits(`${pad(hour)}:${pad(minute)}`)}`
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The instant a Jalali calendar day starts in Tehran (00:00 Tehran time), or null when the date
 * does not exist (month 13, 1404/12/30 in a common year …). Found by asking the same calendar
 * that formats our dates, so parsing and display can never disagree.
 */
export function jalaliDayStart(year: number, month: number, day: number): Date | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null
  if (year < 1 || year > 9377 || month < 1 || month > 12 || day < 1 || day > (month <= 6 ? 31 : 30)) return null
  const dayOfYear = month <= 6 ? (month - 1) * 31 + day : 186 + (month - 7) * 30 + day
  // Farvardin 1 falls on March 20 or 21 (or 22, far from today): start there and correct.
  const estimate = Date.UTC(year + 621, 2, 20, 12) + (dayOfYear - 1) * DAY_MS
  for (const shift of [0, 1, -1, 2, -2]) {
    const noon = estimate + shift * DAY_MS
    const parts = jalaliParts(noon)
    if (parts.year === year && parts.month === month && parts.day === day) {
      // Noon in Tehran is noon UTC plus the offset; step back to midnight Tehran time.
      return new Date(noon - (parts.hour * 60 + parts.minute) * 60 * 1000)
    }
  }
  return null
}

/** «1403/01/15», «۱۴۰۳-۱-۱۵» → the start of that day in Tehran; null for anything else. */
export function parseJalaliDate(text: string | null | undefined): Date | null {
  const match = toLatinDigits(String(text ?? '').trim()).match(/^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/)
  return match ? jalaliDayStart(Number(match[1]), Number(match[2]), Number(match[3])) : null
}

/** Persian month names in calendar order (فروردین = 1). */
export const JALALI_MONTH_NAMES = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
] as const

/** Week days from Saturday, the first day of the Iranian week. */
export const JALALI_WEEKDAY_NAMES = ['شنبه', 'یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه'] as const

/** 31 days for the first six months, 30 for the next five; Esfand has 30 in a leap year, else 29. */
export function jalaliMonthLength(year: number, month: number): number {
  if (month <= 6) return 31
  if (month <= 11) return 30
  return jalaliDayStart(year, 12, 30) ? 30 : 29
}

/** Column of the first day of a Jalali month in a week that starts on Saturday (0 = شنبه). */
export function jalaliMonthFirstWeekday(year: number, month: number): number {
  const start = jalaliDayStart(year, month, 1)
  if (!start) throw new RangeError(`Invalid Jalali month: ${year}/${month}`)
  // Midnight in Tehran is the previous evening in UTC; midday falls on the same UTC date.
  const utcDay = new Date(start.getTime() + 12 * 60 * 60 * 1000).getUTCDay() // 0 = Sunday
  return (utcDay + 1) % 7
}

/**
 * The instant a Tehran wall-clock time on a Jalali date denotes, or null when the date does not
 * exist. Tehran's offset was +04:30 in the summers before 1401, so the offset is read for the
 * day itself instead of assumed.
 */
export function jalaliToInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date | null {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return null
  const start = jalaliDayStart(year, month, day)
  if (!start) return null
  let instant = start.getTime() + (hour * 60 + minute) * 60 * 1000
  // A clock change inside the day shifts the wall time by an hour: correct by what Tehran reads
  // (counting a reading on the neighbouring day as before 00:00 or after 24:00). A time inside the
  // spring-forward gap, which Tehran never read, lands an hour later, as clocks did.
  const seen = jalaliParts(instant)
  const dayShift =
    seen.day === day ? 0 : seen.year * 400 + seen.month * 32 + seen.day < year * 400 + month * 32 + day ? -1440 : 1440
  const drift = dayShift + seen.hour * 60 + seen.minute - (hour * 60 + minute)
  instant -= drift * 60 * 1000
  return new Date(instant)
}

/** Compact form for admin tables and sidebars: «۱۴۰۵/۰۹/۱۱ ۱۴:۰۵» (Tehran time). */
export function formatJalaliCompact(value: Date | string | number, withTime = true): string {
  const { year, month, day, hour, minute } = jalaliParts(value)
  const date = `${year}/${pad(month)}/${pad(day)}`
  return toPersianDigits(withTime ? `${date} ${pad(hour)}:${pad(minute)}` : date)
}
