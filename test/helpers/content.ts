import { paragraphsToLexical as lexical } from '../../src/seed/lexical'
import type { Agent } from './accounts'

export type ArticleDoc = { id: number; slug: string; title: string; _status: string; [key: string]: unknown }

/** Creates an article through REST as the given staff agent; `draft` saves without publishing. */
export async function createArticle(
  agent: Agent,
  data: Record<string, unknown>,
  { draft = false } = {},
): Promise<ArticleDoc> {
  const res = await agent
    .post(`/api/articles${draft ? '?draft=true' : ''}`)
    .send({ body: lexical(['متن آزمایشی خبر.']), ...data, _status: draft ? 'draft' : 'published' })
  if (res.status !== 201) throw new Error(`creating an article failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc
}

/**
 * Page markup without the empty comments React writes between adjacent pieces of text: assertions
 * then read what a reader sees, whatever the JSX's line breaks.
 */
export const withoutTextSeparators = (html: string) => html.replaceAll('<!-- -->', '')

export const newsPath = (slug: string) => `/news/${encodeURIComponent(slug)}`
