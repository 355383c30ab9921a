import { foldPersianLetters } from './persian/normalize'

export const MAX_SLUG_LENGTH = 80

/**
 * A readable URL slug that keeps Persian letters: «نشست ويديوكنفرانس مديران» →
 * «نشست-ویدیوکنفرانس-مدیران». Letters are folded to their Persian forms and digits to ASCII,
 * so one title always gives one slug; punctuation goes, spaces and ZWNJ become hyphens.
 */
export function slugify(text: string): string {
  return foldPersianLetters(text)
    .toLowerCase()
    .replace(/[\u200c\u200d\s_]+/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}-]+/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-$/, '')
}
