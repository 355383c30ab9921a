'use client'

import React, { useEffect, useId, useState } from 'react'

type Suggestion = { id: number | string; title: string; url: string }

/** The header's search box: a plain GET form to /search, with the first few matches as you type. */
export function HeaderSearch() {
  const [q, setQ] = useState('')
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const listId = useId()

  useEffect(() => {
    if (q.trim().length < 2) {
      setSuggestions([])
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((res) => (res.ok ? res.json() : null))
        .then((answer: { results?: Suggestion[] } | null) => setSuggestions((answer?.results ?? []).slice(0, 5)))
        .catch(() => undefined)
    }, 250)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [q])

  return (
    <form role="search" action="/search" method="get" className="header-search">
      <label className="visually-hidden" htmlFor={`${listId}-q`}>
        جستجو در اخبار
      </label>
      <input
        id={`${listId}-q`}
        name="q"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="جستجو در اخبار…"
        autoComplete="off"
        aria-controls={listId}
        aria-expanded={suggestions.length > 0}
      />
      <button type="submit">جستجو</button>
      {suggestions.length > 0 && (
        <ul id={listId} className="header-search__suggestions">
          {suggestions.map((s) => (
            <li key={s.id}>
              <a href={s.url}>{s.title}</a>
            </li>
          ))}
        </ul>
      )}
    </form>
  )
}
