import { normalizePersian } from './normalize'

/** Longest query we look at: a reader's query is a few words, anything beyond is pasted noise. */
export const MAX_QUERY_TERMS = 8
const MAX_TERM_LENGTH = 40

/**
 * Words of `text` as the search index and the query parser see them: normalised (one spelling of
 * each letter, ASCII digits, ZWNJ as a space), split on anything that is not a letter, mark or
 * digit. «توسعه‌یافته» gives [توسعه, یافته].
 */
export function searchWords(text: string): string[] {
  return normalizePersian(text)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
}

/**
 * Marks an indexed pair of neighbours written together. A tatweel never survives normalisation,
 * so no real word starts with it, and a prefix search for «دهیاری» does not wade through every
 * «دهیاری…» pair in the index (the pairs are many, the words few).
 */
export const JOINED_MARK = '\u0640'

/** Shorter query words match only whole words («در» is not a prefix of every «درخواست»). */
export const MIN_PREFIX_LENGTH = 3

/**
 * What the index stores for a text: its words, plus each pair of neighbours written together
 * (marked), so a text saying «توسعه یافته» or «توسعه‌یافته» is also found by «توسعهیافته», the
 * spelling without any separator.
 */
export function indexTerms(text: string): string {
  const words = searchWords(text)
  const joined = words.slice(1).map((word, i) => JOINED_MARK + words[i] + word)
  return [...words, ...joined].join(' ')
}

/**
 * The query a reader typed, as terms: each term is a list of alternatives, any of which may match
 * (as a word prefix). Neighbouring words also match written together: «توسعه یافته» matches a
 * text with «توسعهیافته». Only letters and digits survive, so nothing a reader types can change
 * the shape of the database query.
 */
export type SearchQuery = { words: string[] }

export function parseSearchQuery(raw: unknown): SearchQuery {
  const text = typeof raw === 'string' ? raw.slice(0, 1000) : ''
  const words = searchWords(text)
    .map((word) => word.slice(0, MAX_TERM_LENGTH))
    .slice(0, MAX_QUERY_TERMS)
  return { words }
}

/**
 * The query as a disjunction of conjunctions: all words apart; or one neighbouring pair joined
 * (marked with JOINED_MARK: it matches an indexed pair or a word written that way).
 * [a, b, c] → [[a, b, c], [ـab, c], [a, ـbc]].
 */
export function queryAlternatives({ words }: SearchQuery): string[][] {
  if (words.length === 0) return []
  const alternatives = [words]
  for (let i = 0; i < words.length - 1; i++)
    alternatives.push([...words.slice(0, i), JOINED_MARK + words[i]! + words[i + 1]!, ...words.slice(i + 2)])
  return alternatives
}
