import { RichText as LexicalRichText } from '@payloadcms/richtext-lexical/react'
import React from 'react'

import type { Article } from '@/payload-types'

/** Lexical content as HTML, right to left. */
export function RichText({ data }: { data: Article['body'] }) {
  if (!data) return null
  return <LexicalRichText data={data as never} className="rich-text" />
}
