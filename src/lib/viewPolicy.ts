/**
 * Which page views count. Rules (documented in the README):
 * - one count per visitor and article per 30 minutes. A visitor is recognised by a cookie the
 *   beacon sets, listing the article ids it viewed and when; the server stores nothing about
 *   visitors (no IPs, no fingerprints).
 * - known bots, crawlers, link previewers and requests without a user agent do not count.
 * - signed-in staff do not count.
 */
export const VIEW_WINDOW_SECONDS = 30 * 60
export const VIEWED_COOKIE = 'sarkhat_viewed'
const MAX_REMEMBERED = 40

const BOT_PATTERN =
  /bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|quora link preview|whatsapp|telegram|discord|skype|preview|headless|lighthouse|pingdom|uptime|monitor|curl|wget|python-requests|httpclient|okhttp|go-http-client|java\/|libwww|scrapy/i

export function isBot(userAgent: string | null | undefined): boolean {
  return !userAgent || userAgent.length < 10 || BOT_PATTERN.test(userAgent)
}

/** `id.expires` pairs from the cookie, keeping only the unexpired, well-formed ones. */
export function parseViewed(cookie: string | undefined, now = Math.floor(Date.now() / 1000)): Map<string, number> {
  const viewed = new Map<string, number>()
  for (const entry of (cookie ?? '').split('-')) {
    const [id, expires] = entry.split('.')
    if (id && /^[\w]{1,40}$/.test(id) && Number(expires) > now) viewed.set(id, Number(expires))
  }
  return viewed
}

export function serializeViewed(viewed: Map<string, number>): string {
  return [...viewed.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_REMEMBERED)
    .map(([id, expires]) => `${id}.${expires}`)
    .join('-')
}
