import type { AfterErrorHook } from 'payload'

/**
 * A few of Payload's messages are hard-coded in English (upload checks, errors raised outside
 * a translated request). Every answer a user reads must be Persian: these rules rewrite them.
 */
const RULES: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^The following fields? (?:is|are) invalid(?: \(\d+\))?:\s*(.*)$/s, (m) => `این فیلدها نامعتبرند: ${m[1]}`],
  [/Invalid MIME type|is not allowed|Restricted file type|potentially harmful|Invalid or corrupted|Invalid PDF|Could not read uploaded file/, () => 'نوع یا محتوای این پرونده پذیرفته نیست.'],
  [/^This relationship field has the following invalid relationships/, () => 'مورد انتخاب‌شده پیدا نشد یا معتبر نیست.'],
  [/^No files were uploaded/, () => 'پرونده‌ای بارگذاری نشد.'],
  [/^Something went wrong/, () => 'خطایی در سرور رخ داد؛ دوباره تلاش کنید.'],
  [/^Verification token is invalid/, () => 'پیوند تأیید نشانی رایانامه نامعتبر است یا پیش‌تر به کار رفته است.'],
  [/^Token is either invalid or has expired/, () => 'پیوند بازیابی گذرواژه نامعتبر است یا مهلت آن گذشته است.'],
  [/^Missing required data/, () => 'اطلاعات لازم فرستاده نشده است.'],
]
const persian = /[\u0600-\u06FF]/

export function toPersianMessage(message: string): string {
  if (!message || persian.test(message)) return message
  for (const [pattern, translate] of RULES) {
    const match = message.match(pattern)
    if (match) return translate(match)
  }
  return message
}

type ErrorEntry = { message?: string; data?: { errors?: { message?: string }[] } }

export const persianErrorMessages: AfterErrorHook = ({ result }) => {
  if (!result?.errors) return
  const errors = (result.errors as ErrorEntry[]).map((entry) => ({
    ...entry,
    message: toPersianMessage(entry.message ?? ''),
    ...(entry.data?.errors ? { data: { ...entry.data, errors: entry.data.errors.map((e) => ({ ...e, message: toPersianMessage(e.message ?? '') })) } } : {}),
  }))
  return { response: { ...result, errors } as never }
}
