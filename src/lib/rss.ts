const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
// XML 1.0 forbids most control characters; pasted text sometimes carries them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const stripInvalidXml = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
const xml = (text: string) => escapeXml(stripInvalidXml(text))

export type FeedItem = {
  title: string
  url: string
  description?: string | null
  publishedAt?: string | null
  category?: string | null
}

/** RSS 2.0 document of the latest published articles. */
export function renderRss({
  title,
  description,
  siteURL,
  feedURL,
  items,
}: {
  title: string
  description: string
  siteURL: string
  feedURL: string
  items: FeedItem[]
}): string {
  const entries = items
    .map(
      (item) => `    <item>
      <title>${xml(item.title)}</title>
      <link>${xml(item.url)}</link>
      <guid isPermaLink="true">${xml(item.url)}</guid>${item.description ? `\n      <description>${xml(item.description)}</description>` : ''}${item.publishedAt ? `\n      <pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>` : ''}${item.category ? `\n      <category>${xml(item.category)}</category>` : ''}
    </item>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xml(title)}</title>
    <link>${xml(siteURL)}</link>
    <description>${xml(description)}</description>
    <language>fa-IR</language>
    <atom:link href="${xml(feedURL)}" rel="self" type="application/rss+xml"/>
${entries}
  </channel>
</rss>
`
}
