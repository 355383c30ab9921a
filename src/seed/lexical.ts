/** A paragraph that is one link (e.g. to the user panel). */
export type LinkParagraph = { text: string; href: string }

const textNode = (text: string) => ({ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 })
const linkNode = ({ text, href }: LinkParagraph) => ({
  type: 'link',
  direction: 'rtl' as const,
  format: '' as const,
  indent: 0,
  version: 3,
  fields: { linkType: 'custom', url: href, newTab: false },
  children: [textNode(text)],
})

/** Lexical editor state for plain paragraphs, as the admin's editor would save them (RTL). */
export function paragraphsToLexical(paragraphs: (string | LinkParagraph)[]) {
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
        children: [typeof text === 'string' ? textNode(text) : linkNode(text)],
      })),
    },
  }
}
