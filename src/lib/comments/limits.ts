/** Limits of public comment submission; the numbers come from the environment (see .env.example). */
const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && process.env[name]?.trim() ? value : fallback
}

export const COMMENT_MIN_LENGTH = 2
export const commentMaxLength = () => numberFromEnv('COMMENT_MAX_LENGTH', 2000)
export const COMMENTER_NAME_MAX_LENGTH = 80
/** Comments one address may send per minute; 0 turns the limit off. */
export const commentRateLimit = () => numberFromEnv('COMMENT_RATE_LIMIT_PER_MINUTE', 5)
/** Same text by the same commenter on the same article within this window is a duplicate. */
export const DUPLICATE_WINDOW_MS = 60_000
/** Deepest reply level: 0 is a comment on the article, 3 a reply to a reply to a reply. */
export const MAX_REPLY_DEPTH = 3
/** Approved comments rendered under an article (oldest first). */
export const COMMENTS_PER_ARTICLE = 500
