import { MIN_PREFIX_LENGTH, searchWords } from './persian'

export type Highlighted = { text: string; hit: boolean }[]

/**
 * The original text in pieces, the pieces holding a searched word marked. A piece is what lies
 * between spaces; «توسعه‌یافته» is one piece and is marked for «توسعه», «یافته» or «توسعهیافته».
 */
export function highlight(original: string, words: string[]): Highlighted {
  if (!original || words.length === 0) return [{ text: original, hit: false }]
  const pieces = original.split(/(\s+)/)
  const out: Highlighted = []
  for (const piece of pieces) {
    const parts = searchWords(piece)
    const joined = parts.join('')
    const hit =
      parts.length > 0 &&
      words.some((word) => {
        const matches = (term: string) => (word.length >= MIN_PREFIX_LENGTH ? term.startsWith(word) : term === word)
        // «توسعه» of «توسعه یافته» is half of the query word «توسعهیافته»
        const half = word.length >= MIN_PREFIX_LENGTH && joined.length >= MIN_PREFIX_LENGTH && word.startsWith(joined)
        return parts.some(matches) || matches(joined) || half
      })
    const last = out[out.length - 1]
    if (last && last.hit === hit) last.text += piece
    else out.push({ text: piece, hit })
  }
  return out
}
