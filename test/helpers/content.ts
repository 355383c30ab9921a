import type { Agent } from './accounts'

/** Lexical state for plain paragraphs, as the admin's editor saves it. */
export const lexical = (...paragraphs: string[]) => ({
  root: {
    type: 'root', direction: 'rtl', format: '', indent: 0, version: 1,
    children: paragraphs.map((text) => ({
      type: 'paragraph', direction: 'rtl', format: '', indent: 0, version: 1, textFormat: 0, textStyle: '',
      children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }],
    })),
  },
})

export type ArticleDoc = { id: number; slug: string; title: string; _status: string; [key: string]: unknown }

/** Creates an article through REST as the given staff agent; `draft` saves without publishing. */
export async function createArticle(agent: Agent, data: Record<string, unknown>, { draft = false } = {}): Promise<ArticleDoc> {
  const res = await agent
    .post(`/api/articles${draft ? '?draft=true' : ''}`)
    .send({ body: lexical('متن آزمایشی خبر.'), ...data, _status: draft ? 'draft' : 'published' })
  if (res.status !== 201) throw new Error(`creating an article failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc
}

export const newsPath = (slug: string) => `/news/${encodeURIComponent(slug)}`
