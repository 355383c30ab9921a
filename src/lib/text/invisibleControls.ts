/**
 * Characters that reorder or hide text without being seen: bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069: a name with U+202E reads backwards), zero-width space,
 * word joiner and BOM, and the C0/C1 controls other than tab and line breaks. ZWNJ (U+200C) and
 * ZWJ (U+200D) stay: Persian spelling needs them. LRM/RLM stay too: they only mark direction.
 */
const INVISIBLE_CONTROLS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g

export function stripInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '')
}

export function hasInvisibleControls(text: string): boolean {
  INVISIBLE_CONTROLS.lastIndex = 0
  return INVISIBLE_CONTROLS.test(text)
}
