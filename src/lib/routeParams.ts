import { foldPersianLetters } from './persian/normalize'

/** Page numbers come from the URL: anything but a positive integer is not a page. */
export function parsePageNumber(raw: string | undefined): number | null {
  if (raw === undefined) return 1
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : null
}

/**
 * A slug from the URL as stored: percent-decoded (Next may hand it over encoded) and with letters
 * folded like slugify() does, so a link typed with Arabic ي/ك still finds the article.
 */
export function decodeSlug(raw: string): string {
  let slug = raw
  try {
    slug = decodeURIComponent(raw)
  } catch {
    // malformed escapes: look the raw text up, which finds nothing
  }
  return foldPersianLetters(slug)
}
