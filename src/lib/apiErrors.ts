/** Payload's error answer: { errors: [{ message, data: { errors: [{ path, message }] } }] }. */
type ErrorAnswer = { errors?: { message?: string; data?: { errors?: { path?: string; message?: string }[] } }[] }

/**
 * Field messages by path (`fields` lists the ones the form shows next to an input), the rest
 * under `form`. Always at least one message, so a failed request never passes silently.
 */
export function errorsByField<F extends string>(
  answer: unknown,
  fields: readonly F[],
  fallback: string,
): Partial<Record<F | 'form', string>> {
  const result: Partial<Record<F | 'form', string>> = {}
  for (const error of (answer as ErrorAnswer | null)?.errors ?? []) {
    const details = error.data?.errors ?? []
    for (const detail of details) {
      const key = (fields as readonly string[]).includes(detail.path ?? '') ? (detail.path as F) : 'form'
      result[key] ??= detail.message
    }
    if (!details.length) result.form ??= error.message
  }
  if (!Object.keys(result).length) result.form = fallback
  return result
}

export const NETWORK_ERROR = 'ارتباط با سرور برقرار نشد؛ آنچه نوشته‌اید در فرم مانده است، دوباره بفرستید.'
