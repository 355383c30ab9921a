import { getServerURL } from './serverURL'

export const PREVIEW_ROUTE = '/next/preview'

/** The admin's «preview» link: our route checks the staff session, turns on draft mode, redirects. */
export function previewURL(collection: 'articles' | 'pages', slug: string | undefined): string | null {
  if (!slug) return null
  return `${getServerURL()}${PREVIEW_ROUTE}?collection=${collection}&slug=${encodeURIComponent(slug)}`
}

export function publicPath(collection: 'articles' | 'pages', slug: string): string {
  return collection === 'articles' ? `/news/${encodeURIComponent(slug)}` : `/pages/${encodeURIComponent(slug)}`
}
