'use client'

import React, { useEffect, useState } from 'react'

import { toPersianDigits } from '@/lib/persian/digits'

/**
 * «تعداد بازدید: n». The cached page carries the count of its render; one beacon per page view
 * counts this view (if it counts, see src/lib/viewPolicy.ts) and brings the current number.
 */
export function ViewCounter({
  articleId,
  initial,
  count = true,
}: {
  articleId: number | string
  initial: number
  count?: boolean
}) {
  const [views, setViews] = useState(initial)
  useEffect(() => {
    if (!count) return
    const controller = new AbortController()
    fetch(`/api/articles/${articleId}/view`, {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: true,
      signal: controller.signal,
    })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: { views?: number } | null) => {
        if (typeof body?.views === 'number') setViews(body.views)
      })
      .catch(() => undefined) // the count is a nicety; the page works without it
    return () => controller.abort()
  }, [articleId, count])
  return (
    <span className="article__views">
      تعداد بازدید: <span data-views>{toPersianDigits(views)}</span>
    </span>
  )
}
