/** Lexical editor state for plain paragraphs, as the admin's editor would save them (RTL). */
export function paragraphsToLexical(paragraphs: string[]) {
  return {
    root: {
      type: 'root',
      direction: 'rtl' as const,
      format: '' as const,
      indent: 0,
      version: 1,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        direction: 'rtl' as const,
        format: '' as const,
        indent: 0,
        version: 1,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }],
      })),
    },
  }
}
