import { jalaliToInstant, toLatinDigits } from '../../../lib/persian'

export type ParsedJalaliInput = { instant: Date } | { error: string }

/**
 * What an editor types into the date box: «۱۴۰۵/۰۹/۱۱ ۱۴:۳۰», «1405-9-11 8:05» or a date alone
 * (then `defaultTime`). Persian, Arabic-Indic or Latin digits.
 */
export function parseJalaliInput(text: string, defaultTime: { hour: number; minute: number }): ParsedJalaliInput {
  const match = toLatinDigits(text.trim())
    .replace(/[،,]/g, ' ')
    .match(/^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?:\s+(?:ساعت\s*)?(\d{1,2})[:٫.](\d{1,2}))?$/)
  if (!match) return { error: 'تاریخ را به شکل ۱۴۰۵/۰۹/۱۱ ۱۴:۳۰ بنویسید (سال/ماه/روز ساعت:دقیقه).' }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const hour = match[4] === undefined ? defaultTime.hour : Number(match[4])
  const minute = match[5] === undefined ? defaultTime.minute : Number(match[5])
  if (hour > 23 || minute > 59) return { error: 'ساعت باید بین ۰۰:۰۰ و ۲۳:۵۹ باشد.' }
  const instant = jalaliToInstant(year, month, day, hour, minute)
  if (!instant) return { error: 'این تاریخ در تقویم خورشیدی وجود ندارد.' }
  return { instant }
}
