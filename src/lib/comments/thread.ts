/** A comment as the public article page shows it: no emails, addresses or moderation data. */
export type PublicComment = {
  id: number | string
  body: string
  authorName: string
  isStaffReply: boolean
  createdAt: string
  parent: number | string | null
  /** Only on the viewer's own comments that are not public yet. */
  pending?: boolean
}

export type ThreadNode = PublicComment & { replies: ThreadNode[] }

/**
 * Nests comments (given oldest first) under their parents, keeping that order at every level.
 * A reply whose parent is not in the list (not approved, or removed) is shown at the top level
 * rather than lost.
 */
export function buildThread(comments: PublicComment[]): ThreadNode[] {
  const nodes = new Map<string, ThreadNode>()
  for (const comment of comments) nodes.set(String(comment.id), { ...comment, replies: [] })
  const roots: ThreadNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parent === null ? undefined : nodes.get(String(node.parent))
    if (parent && parent !== node) parent.replies.push(node)
    else roots.push(node)
  }
  return roots
}
