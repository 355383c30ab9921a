import React from 'react'

import type { ThreadNode } from '@/lib/comments/thread'
import { formatJalaliDateTime } from '@/lib/persian/jalali'

type Props = { node: ThreadNode; canReply: boolean; onReply(node: ThreadNode): void }

/** One comment and, nested below it, its replies. */
export function CommentItem({ node, canReply, onReply }: Props) {
  const classes = ['comment', node.isStaffReply && 'comment--staff', node.pending && 'comment--pending']
    .filter(Boolean)
    .join(' ')
  return (
    <li id={`comment-${node.id}`} className={classes}>
      <article aria-label={`نظر ${node.authorName}`}>
        <header className="comment__header">
          <strong className="comment__author">{node.authorName}</strong>
          {node.isStaffReply && <span className="badge badge--staff">پاسخ سایت</span>}
          {node.pending && <span className="badge badge--pending">در انتظار تأیید</span>}
          <time className="comment__date" dateTime={node.createdAt}>
            {formatJalaliDateTime(node.createdAt)}
          </time>
        </header>
        {/* Plain text: React escapes it, pre-line keeps the commenter's line breaks. */}
        <p className="comment__body">{node.body}</p>
        {canReply && !node.pending && (
          <button type="button" className="comment__reply link-button" onClick={() => onReply(node)}>
            پاسخ
          </button>
        )}
      </article>
      {node.replies.length > 0 && (
        <ol className="comment-list comment-list--replies">
          {node.replies.map((reply) => (
            <CommentItem key={reply.id} node={reply} canReply={canReply} onReply={onReply} />
          ))}
        </ol>
      )}
    </li>
  )
}
