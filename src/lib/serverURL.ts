import { env } from './env'

/** Public origin of the site, used for links in emails, feeds and canonical URLs (SERVER_URL). */
export const getServerURL = (): string => env().publicURL
