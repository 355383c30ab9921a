'use client'

import React, { useEffect, useMemo, useRef, useState } from 'react'

import { buildThread, type PublicComment } from '@/lib/comments/thread'
import { COMMENT_MESSAGES } from '../../../collections/Comments/messages'
import { toPersianDigits } from '@/lib/persian/digits'
import { CommentForm, type Viewer } from './CommentForm'
import { CommentItem } from './CommentItem'
import { loadOwnPending, rememberOwnPending } from './ownPending'

type Props = {
  articleId: number | string
  /** Approved comments, oldest first, as the cached page was rendered with them. */
  comments: PublicComment[]
  total: number
  open: boolean
  guestsAllowed: boolean
  maxLength: number
}

/**
 * «نظرات کاربران»: the thread and the form. The page around it is cached HTML, so whatever
 * depends on the visitor (signed in or not, their own comments waiting for moderation) is asked
 * for once the section comes near the screen.
 */
export function CommentsSection({ articleId, comments, total, open, guestsAllowed, maxLength }: Props) {
  const [viewer, setViewer] = useState<Viewer>(null)
  const [ownPending, setOwnPending] = useState<PublicComment[]>([])
  const [ownPublished, setOwnPublished] = useState<PublicComment[]>([])
  const [replyTo, setReplyTo] = useState<PublicComment | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const sectionRef = useRef<HTMLElement>(null)
  const formRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const section = sectionRef.current
    if (!section) return
    let done = false
    const load = () => {
      if (done) return
      done = true
      fetch(`/api/comments/viewer?article=${encodeURIComponent(String(articleId))}`, { credentials: 'same-origin' })
        .then((res) => (res.ok ? res.json() : null))
        .then((answer: { viewer: Viewer; pending: (PublicComment & { parent: unknown })[] } | null) => {
          if (!answer) return
          setViewer(answer.viewer)
          const fromServer = answer.pending.map((c) => ({
            ...c,
            parent: (c.parent as PublicComment['parent']) ?? null,
            pending: true,
            isStaffReply: false,
          }))
          setOwnPending(answer.viewer ? fromServer : loadOwnPending(articleId).map((c) => ({ ...c, pending: true })))
        })
        .catch(() => setOwnPending(loadOwnPending(articleId)))
    }
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), {
      rootMargin: '600px',
    })
    observer.observe(section)
    return () => observer.disconnect()
  }, [articleId])

  const thread = useMemo(() => {
    const shown = new Set(comments.map((c) => String(c.id)))
    const extra = [...ownPending, ...ownPublished].filter((c) => !shown.has(String(c.id)))
    return buildThread([...comments, ...extra])
  }, [comments, ownPending, ownPublished])

  function onSubmitted(comment: PublicComment, published: boolean) {
    if (published) setOwnPublished((list) => [...list, comment])
    else {
      setOwnPending((list) => [...list, comment])
      if (!viewer) rememberOwnPending(articleId, comment)
    }
    setReplyTo(null)
    setNotice(published ? COMMENT_MESSAGES.published : COMMENT_MESSAGES.awaitingModeration)
  }

  function startReply(comment: PublicComment) {
    setReplyTo(comment)
    setNotice(null)
    formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' })
    formRef.current?.querySelector('textarea')?.focus({ preventScroll: true })
  }

  const canComment = open && (guestsAllowed || viewer !== null)
  const count = total + ownPublished.length

  return (
    <section id="comments" ref={sectionRef} className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        نظرات کاربران <span className="comments__count">({toPersianDigits(count)})</span>
      </h2>
      {thread.length > 0 ? (
        <ol className="comment-list">
          {thread.map((node) => (
            <CommentItem key={node.id} node={node} canReply={canComment} onReply={startReply} />
          ))}
        </ol>
      ) : (
        <p className="empty">هنوز نظری ثبت نشده است.</p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div ref={formRef}>
        {!open ? (
          <p className="empty">امکان ثبت نظر برای این خبر بسته است.</p>
        ) : canComment ? (
          <CommentForm
            articleId={articleId}
            viewer={viewer}
            replyTo={replyTo}
            maxLength={maxLength}
            onCancelReply={() => setReplyTo(null)}
            onSubmitted={onSubmitted}
          />
        ) : (
          <p className="empty">
            برای ثبت نظر <a href="/account/login">وارد حساب کاربری</a> خود شوید.
          </p>
        )}
      </div>
    </section>
  )
}
