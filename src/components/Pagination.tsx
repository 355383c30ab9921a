import React from 'react'

import { toPersianDigits } from '@/lib/persian'

/**
 * Path-based pages (`/news/page/2`) so every page of a list is cacheable HTML; `hrefFor` for
 * lists that are not cached (search keeps its query string).
 */
export function Pagination({
  basePath = '',
  page,
  totalPages,
  hrefFor,
}: {
  basePath?: string
  page: number
  totalPages: number
  hrefFor?: (n: number) => string
}) {
  if (totalPages <= 1) return null
  const href = hrefFor ?? ((n: number) => (n === 1 ? basePath : `${basePath}/page/${n}`))
  const numbers = Array.from({ length: totalPages }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === totalPages || Math.abs(n - page) <= 2,
  )
  return (
    <nav className="pagination" aria-label="صفحه‌بندی">
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          صفحه قبل
        </a>
      )}
      {numbers.map((n, i) => (
        <React.Fragment key={n}>
          {i > 0 && n - numbers[i - 1]! > 1 && <span className="pagination__gap">…</span>}
          {n === page ? (
            <span aria-current="page">{toPersianDigits(n)}</span>
          ) : (
            <a href={href(n)}>{toPersianDigits(n)}</a>
          )}
        </React.Fragment>
      ))}
      {page < totalPages && (
        <a href={href(page + 1)} rel="next">
          صفحه بعد
        </a>
      )}
    </nav>
  )
}
