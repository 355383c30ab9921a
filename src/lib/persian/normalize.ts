import { toLatinDigits } from './digits'

const ZWNJ = '\u200c'
// Arabic letter forms that Persian text written on Arabic keyboards (or old systems) contains.
// prettier-ignore
const LETTER_FOLDS: Record<string, string> = {
  ي: 'ی', ى: 'ی', ې: 'ی', ۍ: 'ی',
  ك: 'ک', ڪ: 'ک',
  ة: 'ه', ۀ: 'ه', ە: 'ه', ھ: 'ه',
  أ: 'ا', إ: 'ا', ٱ: 'ا',
}
const LETTER_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g')
// Tatweel and the Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, hamza above/below marks).
// eslint-disable-next-line no-misleading-character-class -- combining marks are matched alone, to be removed
const DECORATION_PATTERN = /[\u0640\u064B-\u065F\u0670\u06D6-\u06ED]/g

/** Unifies letters and digits without touching spacing: ي→ی, ك→ک, ة→ه, ۱۲۳/١٢٣→123, no tatweel or diacritics. */
export function foldPersianLetters(text: string): string {
  return toLatinDigits(text.normalize('NFC'))
    .replace(LETTER_PATTERN, (c) => LETTER_FOLDS[c]!)
    .replace(DECORATION_PATTERN, '')
}

/**
 * The one normaliser for matching Persian text (index time and query time): letters and digits
 * folded, ZWNJ and other zero-width joiners treated as a space, whitespace collapsed, Latin lower-cased.
 * Display always keeps the original text.
 */
export function normalizePersian(text: string): string {
  return (
    foldPersianLetters(text)
      // eslint-disable-next-line no-misleading-character-class -- each joiner is matched alone
      .replace(new RegExp(`[${ZWNJ}\u200d\u200b\u2060\ufeff]`, 'g'), ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase()
  )
}
