import type { AfterErrorHook } from 'payload'

/**
 * A few of Payload's messages are hard-coded in English (upload checks, errors raised outside
 * a translated request). Every answer a user reads must be Persian: these rules rewrite them.
 */
const RULES: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^The following fields? (?:is|are) invalid(?: \(\d+\))?:\s*(.*)$/s, (m) => `این فیلدها نامعتبرند: ${m[1]}`],
  [
    /Invalid MIME type|is not allowed|Restricted file type|potentially harmful|Invalid or corrupted|Invalid PDF|Could not read uploaded file/,
    () => 'نوع یا محتوای این پرونده پذیرفته نیست.',
  ],
  [/^This relationship field has the following invalid relationships/, () => 'مورد انتخاب‌شده پیدا نشد یا معتبر نیست.'],
  [/^No files were uploaded/, () => 'پرونده‌ای بارگذاری نشد.'],
  [/^Something went wrong/, () => 'خطایی در سرور رخ داد؛ دوباره تلاش کنید.'],
  [/^Verification token is invalid/, () => 'پیوند تأیید نشانی رایانامه نامعتبر است یا پیش‌تر به کار رفته است.'],
  [/^Token is either invalid or has expired/, () => 'پیوند بازیابی گذرواژه نامعتبر است یا مهلت آن گذشته است.'],
  [/^Missing required data/, () => 'اطلاعات لازم فرستاده نشده است.'],
  [
    /^Invalid JSON|JSON body must be an object|Unexpected token|in JSON at position/,
    () => 'بدنه درخواست JSON معتبر نیست.',
  ],
  [/^Missing email/, () => 'نشانی رایانامه را وارد کنید.'],
  [/^The following paths? cannot be queried/, () => 'این جستجو روی فیلدهای خواسته‌شده ممکن نیست.'],
  [
    /^(Missing|Invalid) query|^Syntax Error|^Cannot query field|^Unknown argument|^Field .* (must|of type)|^Variable |^Expected /,
    () => 'پرسش GraphQL نامعتبر است.',
  ],
  [/^The query exceeds the maximum complexity/, () => 'پرسش GraphQL بیش از حد سنگین است؛ آن را کوچک‌تر کنید.'],
  [/^Not Found|^The requested resource was not found/, () => 'مورد خواسته‌شده پیدا نشد.'],
  [/^You are not allowed|^Forbidden|^Unauthorized/, () => 'اجازه این کار را ندارید.'],
]

/** What a refusal says when its own message cannot be put in Persian, by HTTP status. */
export function persianStatusMessage(status: number): string {
  switch (status) {
    case 401:
      return 'ابتدا وارد حساب کاربری خود شوید.'
    case 403:
      return 'اجازه این کار را ندارید.'
    case 404:
      return 'مورد خواسته‌شده پیدا نشد.'
    case 405:
      return 'این روش درخواست پذیرفته نیست.'
    case 411:
      return 'اندازه بدنه درخواست مشخص نیست.'
    case 413:
      return 'حجم درخواست بیش از حد مجاز است.'
    case 415:
      return 'نوع محتوای درخواست پذیرفته نیست.'
    case 429:
      return 'درخواست‌های شما بیش از حد مجاز است؛ کمی بعد دوباره امتحان کنید.'
    default:
      return status >= 500 ? 'خطایی در سرور رخ داد؛ دوباره تلاش کنید.' : 'درخواست نامعتبر است.'
  }
}
const persian = /[\u0600-\u06FF]/

export function toPersianMessage(message: string): string {
  if (!message || persian.test(message)) return message
  for (const [pattern, translate] of RULES) {
    const match = message.match(pattern)
    if (match) return translate(match)
  }
  return message
}

export const isPersian = (message: string) => persian.test(message)

/**
 * An API refusal (status >= 400) as the client will read it: every message in Persian, by the
 * rules above or else by the status. Bodies that are not Payload's `{ errors: [...] }` (GraphQL's
 * protocol errors, empty answers) become one.
 */
export function persianErrorBody(
  status: number,
  body: unknown,
): { errors: { message: string }[] } & Record<string, unknown> {
  const fallback = persianStatusMessage(status)
  const errors = (body as { errors?: unknown } | null)?.errors
  if (!Array.isArray(errors) || !errors.length) return { errors: [{ message: fallback }] }
  const translate = (message: unknown) => {
    const translated = toPersianMessage(typeof message === 'string' ? message : '')
    return isPersian(translated) ? translated : fallback
  }
  return {
    ...(body as Record<string, unknown>),
    errors: errors.map((entry: ErrorEntry & Record<string, unknown>) => ({
      ...entry,
      message: translate(entry?.message),
      ...(entry?.data?.errors
        ? { data: { ...entry.data, errors: entry.data.errors.map((e) => ({ ...e, message: translate(e.message) })) } }
        : {}),
    })),
  }
}

type ErrorEntry = { message?: string; data?: { errors?: { message?: string }[] } }

/**
 * A database that refuses a value the query compares with (PostgreSQL's SQLSTATE class 22, «data
 * exception»: `where[id][greater_than]=abc`, a date that is no date; or an operator the column's
 * type lacks, 42883/42804) was answered 500: the request is at fault, so it is a 400.
 */
export function isRefusedQueryValue(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as Error).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^(22\w{3}|42883|42804)$/.test(code)) return true
  }
  return false
}

export const REFUSED_QUERY_VALUE_MESSAGE = 'مقدار یکی از شرط‌ها با نوع فیلد آن نمی‌خواند.'

export const persianErrorMessages: AfterErrorHook = ({ error, result, graphqlResult }) => {
  if (!graphqlResult && !(error as { status?: number }).status && isRefusedQueryValue(error))
    return { status: 400, response: { errors: [{ message: REFUSED_QUERY_VALUE_MESSAGE }] } as never }
  const status = Number((error as { status?: number }).status ?? 500)
  // GraphQL reports each error in its answer (often with status 200): the same rules apply.
  if (graphqlResult) {
    const statusCode = Number(
      (graphqlResult as { extensions?: { statusCode?: number } }).extensions?.statusCode ?? status,
    )
    return {
      graphqlResult: {
        ...graphqlResult,
        message: persianErrorBody(statusCode, { errors: [graphqlResult] }).errors[0]!.message,
      },
    }
  }
  if (!result?.errors) return
  return { response: persianErrorBody(status, result) as never }
}
