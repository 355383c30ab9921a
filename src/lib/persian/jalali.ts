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
