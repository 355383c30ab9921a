/** Any origin serves: only the path part of a same-origin result is ever used. */
const PROBE_ORIGIN = 'http://sarkhat.invalid'

/**
 * A redirect target taken from a query parameter (`next=`, `to=`), as a same-site path, or
 * `fallback`. The browser's own clean-up comes first — it drops tabs and line breaks and reads `\`
 * as `/` — so `/%09/evil.example` or `/\evil.example` cannot turn into `//evil.example` after our
 * check. The result is re-serialised by URL: no raw control characters reach a Location header.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string') return fallback
  const cleaned = value.replace(/[\t\r\n]/g, '').replace(/\\/g, '/')
  if (!cleaned.startsWith('/') || cleaned.startsWith('//')) return fallback
  let url: URL
  try {
    url = new URL(cleaned, PROBE_ORIGIN)
  } catch {
    return fallback
  }
  if (url.origin !== PROBE_ORIGIN) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}
