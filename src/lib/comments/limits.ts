import { env } from '../env'

/** Limits of public comment submission; one comes from the environment (see .env.example; the rate limit: src/rateLimits). */

export const COMMENT_MIN_LENGTH = 2
export const commentMaxLength = () => env().commentMaxLength
export const COMMENTER_NAME_MAX_LENGTH = 80
/** Same text by the same commenter on the same article within this window is a duplicate. */
export const DUPLICATE_WINDOW_MS = 60_000
/** Deepest reply level: 0 is a comment on the article, 3 a reply to a reply to a reply. */
export const MAX_REPLY_DEPTH = 3
/** Approved comments rendered under an article (oldest first). */
export const COMMENTS_PER_ARTICLE = 500
