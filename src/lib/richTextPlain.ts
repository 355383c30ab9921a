/** The text of a Lexical rich-text value, paragraphs separated by newlines (for search and excerpts). */
type LexicalNode = { type?: string; text?: string; children?: LexicalNode[] }

export function richTextToPlain(value: unknown): string {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (!root) return ''
  const blocks: string[] = []
  const walk = (node: LexicalNode): string => {
    if (typeof node.text === 'string') return node.text
    if (node.type === 'linebreak') return '\n'
    return (node.children ?? []).map(walk).join('')
  }
  for (const child of root.children ?? []) blocks.push(walk(child))
  return blocks.filter(Boolean).join('\n')
}
