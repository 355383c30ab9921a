/** Public origin of the site, used for links in emails, feeds and canonical URLs. */
export function getServerURL(): string {
  const fromEnv = process.env.SERVER_URL?.trim()
  if (fromEnv) return fromEnv.replace(/\/+$/, '')
  return `http://localhost:${process.env.PORT || 3000}`
}
