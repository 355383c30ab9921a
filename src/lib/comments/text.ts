import { normalizePersian } from '../persian'

// Explicit bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069): they can make a
// name or a comment display in a different order than it was typed (e.g. a reversed link).
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g
// C0/C1 control characters except tab and newline.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/**
 * A comment body as we store it: plain text, line breaks kept (at most one empty line in a row),
 * no control or bidi-override characters. HTML is kept as typed and always displayed as text.
 * ZWNJ stays: it is part of correct Persian spelling.
 */
export function cleanCommentBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(BIDI_CONTROLS, '')
    .replace(CONTROL_CHARACTERS, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** A commenter's name on one line, without control characters or repeated spaces. */
export function cleanCommenterName(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim()
}

/** What two submissions are compared by when looking for duplicates. */
export const comparableText = (text: string) => normalizePersian(cleanCommentBody(text))

/**
 * Entries of the site's blocklist (one per line: a word, a phrase or a link such as
 * `example.com`) that occur in the text, compared after Persian normalisation so «كازينو»
 * matches «کازینو».
 */
export function blocklistMatches(text: string, blocklist: string | null | undefined): string[] {
  if (!blocklist) return []
  const haystack = normalizePersian(text)
  const entries = blocklist
    .split(/\n|,|،/)
    .map((entry) => normalizePersian(entry))
    .filter((entry) => entry.length >= 2)
  return [...new Set(entries.filter((entry) => haystack.includes(entry)))]
}
