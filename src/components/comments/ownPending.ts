import type { PublicComment } from '@/lib/comments/thread'

/**
 * A guest's own comments waiting for moderation, remembered in this browser so a reload still
 * shows them (marked as pending). Signed-in readers get theirs from the server instead.
 */
const KEY = (articleId: number | string) => `sarkhat:own-comments:${articleId}`
const KEEP_MS = 3 * 24 * 60 * 60 * 1000

export function loadOwnPending(articleId: number | string): PublicComment[] {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY(articleId)) ?? '[]') as PublicComment[]
    return saved.filter((c) => Date.now() - Date.parse(c.createdAt) < KEEP_MS)
  } catch {
    return []
  }
}

export function rememberOwnPending(articleId: number | string, comment: PublicComment) {
  try {
    localStorage.setItem(KEY(articleId), JSON.stringify([...loadOwnPending(articleId), comment].slice(-20)))
  } catch {
    // private mode or full storage: the comment is saved on the server all the same
  }
}
